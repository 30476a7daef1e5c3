package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;

class PrefetchingReaderTest {
    private static String xdatcar(int frames, boolean corruptLast) {
        StringBuilder sb = new StringBuilder("NaCl\n 1\n 4 0 0\n 0 4 0\n 0 0 4\n Na Cl\n 1 1\n");
        for (int k = 1; k <= frames; k++) {
            sb.append("Direct configuration=     ").append(k).append('\n');
            sb.append(" 0.").append(k % 10).append(" 0 0\n");
            sb.append(k == frames && corruptLast ? " 0.5 0.5 oops\n" : " 0.5 0.5 0.5\n");
        }
        return sb.toString();
    }

    @Test
    void deliversEveryFrameInOrderThenTheReadersErrorWithItsLine() {
        int n = 500;
        try (TrajectoryReader r = new PrefetchingReader(Xdatcar.open(new BufferedReader(new StringReader(xdatcar(n, true))), "X", 1.0), 4)) {
            assertThat(r.atomCount()).isEqualTo(2);
            for (int k = 1; k < n; k++) {
                Frame f = r.next();
                assertThat(f.step()).isEqualTo(k);
                assertThat(f.structure().x(0, 0)).isCloseTo(0.4 * (k % 10), org.assertj.core.api.Assertions.within(1e-12));
            }
            assertThatThrownBy(r::hasNext).isInstanceOf(InputException.class)
                    .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(7 + 3 * n))
                    .hasMessageContaining("position of atom 2 of configuration " + n);
        }
    }

    @Test
    void endsCleanlyAndClosesEarly() {
        int count = 0;
        try (TrajectoryReader r = new PrefetchingReader(Xdatcar.open(new BufferedReader(new StringReader(xdatcar(50, false))), "X", 1.0), 2)) {
            while (r.hasNext()) { r.next(); count++; }
            assertThat(r.hasNext()).isFalse();
        }
        assertThat(count).isEqualTo(50);
        TrajectoryReader early = new PrefetchingReader(Xdatcar.open(new BufferedReader(new StringReader(xdatcar(50, false))), "X", 1.0), 2);
        early.next();
        early.close();   // stops the background thread while it waits on a full queue
    }
}
