package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.forcefield.TestCells;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;

/**
 * {@code relax --fix}: the held atoms (1-based) end exactly where they started while the rest of a
 * rattled cell moves (by more than 0.01 Å: the rattle is 0.1 Å; "exactly" is to 1e-9 Å, extxyz keeps 10 decimals); an atom number outside the structure
 * is refused with exit status 2 and no output file.
 */
class RelaxFixCliTest {
    @TempDir
    Path tmp;

    @Test
    void heldAtomsStayAndTheRestRelaxes() {
        Structure s = TestCells.antiperovskite(0, 2, 11, 0.1);
        Path in = tmp.resolve("in.extxyz"), out = tmp.resolve("out.extxyz");
        Formats.writeStructure(in, s, null);
        var r = CliRunner.run("relax", "-i", in.toString(), "--ff", "na-amide-borohydride", "--fix", "1,3-4", "--fmax", "0.05", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        Structure t = Formats.readStructure(out, null);
        double[] a = s.positions(), b = t.positions();
        for (int i : new int[] {0, 2, 3}) for (int d = 0; d < 3; d++) assertThat(b[3 * i + d]).isCloseTo(a[3 * i + d], org.assertj.core.data.Offset.offset(1e-9));
        double moved = 0;
        for (int i = 4; i < s.size(); i++) {
            double dx = b[3 * i] - a[3 * i], dy = b[3 * i + 1] - a[3 * i + 1], dz = b[3 * i + 2] - a[3 * i + 2];
            moved = Math.max(moved, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        assertThat(moved).isGreaterThan(0.01);

        Path out2 = tmp.resolve("out2.extxyz");
        var bad = CliRunner.run("relax", "-i", in.toString(), "--ff", "na-amide-borohydride", "--fix", "9999", "-o", out2.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("9999");
        assertThat(out2).doesNotExist();
    }
}
