package org.paddlewheel.cp2k;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.model.Frame;

/**
 * A converged CP2K CELL_OPT ends with "Reevaluating energy at the minimum": the positions file gets
 * one more frame than the .cell file has rows (seen on the 72-atom x = 0 relaxation: pos steps 1–14,
 * cell rows up to 13). The relaxed structure is the last optimisation step's; a cell row missing
 * anywhere else is still an error naming the file and line.
 */
class Cp2kCellOptEpilogueTest {
    @TempDir
    Path tmp;

    private static String frame(int step, double e, double x) {
        return "2\n i = %8d, E = %20.10f\nH %.6f 1.0 1.0\nH 1.7 1.0 1.0\n".formatted(step, e, x);
    }

    private static String cellRow(int step, double a) {
        return "%8d %10.3f %16.10f 0 0 0 %16.10f 0 0 0 %16.10f %16.6f\n".formatted(step, 0.0, a, a, a, a * a * a);
    }

    @Test
    void theReevaluationFrameTakesTheLastCell() throws Exception {
        Path pos = tmp.resolve("relax-pos-1.xyz"), cell = tmp.resolve("relax-1.cell");
        Files.writeString(pos, frame(1, -1.10, 1.00) + frame(2, -1.16, 1.02) + frame(3, -1.17, 1.03) + frame(4, -1.17, 1.03));
        Files.writeString(cell, "#   Step   Time [fs]  Ax ...\n" + cellRow(1, 5.0) + cellRow(2, 5.1) + cellRow(3, 5.2));
        Frame f = Cp2kJobs.lastFrame(pos, null);
        assertThat(f.step()).isEqualTo(3);
        assertThat(f.structure().lattice().rows()[0][0]).isEqualTo(5.2);
        assertThat(f.structure().positions()[0]).isEqualTo(1.03);
    }

    @Test
    void aMissingRowElsewhereIsStillAnError() throws Exception {
        Path pos = tmp.resolve("relax-pos-1.xyz"), cell = tmp.resolve("relax-1.cell");
        Files.writeString(pos, frame(1, -1.10, 1.00) + frame(2, -1.16, 1.02) + frame(3, -1.17, 1.03) + frame(4, -1.17, 1.03));
        Files.writeString(cell, cellRow(1, 5.0) + cellRow(3, 5.2) + cellRow(4, 5.2));
        assertThatThrownBy(() -> Cp2kJobs.lastFrame(pos, null)).isInstanceOfSatisfying(org.paddlewheel.model.InputException.class,
                e -> assertThat(e.location()).contains("relax-1.cell")).hasMessageContaining("no cell row for step 2");
    }
}
