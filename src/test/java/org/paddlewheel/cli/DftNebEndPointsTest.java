package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.paddlewheel.build.AntiperovskiteBuilder;
import org.paddlewheel.model.Structure;

/**
 * {@code dft neb}'s account of its end points: a one-atom hop is reported with its length and no warning, even when
 * the final structure is written through the periodic boundary; the final state with its Na listed in reverse order (a
 * common mistake when the final state is built separately) moves many atoms by several Å and warns.
 */
class DftNebEndPointsTest {
    private static String describe(Structure a, Structure b) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            DftNebCommand.describePath(a, b);
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aHopIsDescribedAndAReorderedEndPointWarns() {
        Structure a = new AntiperovskiteBuilder().x(0).supercell(2, 2, 2).seed(3).orientation(AntiperovskiteBuilder.Orientation.ALIGNED)
                .build().structure();
        double[] x = a.positions();
        x[0] += 2.5; // the first atom hops 2.5 Å along x
        for (int i = 1; i < a.size(); i++) x[3 * i + 1] += a.lattice().length(1); // every other atom written one cell along y
        String hop = describe(a, a.withPositions(x, null));
        assertThat(hop).contains("atom 1 (" + a.species(0).symbol() + ") 2.50 Å").doesNotContain("warning");
        double[] y = a.positions();
        int[] na = a.indicesOf(a.species(0)); // the Na listed in reverse order, as a separately built final state may have them
        for (int k = 0; k < na.length; k++) for (int c = 0; c < 3; c++) y[3 * na[k] + c] = a.x(na[na.length - 1 - k], c);
        assertThat(describe(a, a.withPositions(y, null))).contains("warning").contains("same atom order");
    }
}
