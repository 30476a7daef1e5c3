package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FixedFormatTest {
    static String fmt(double x, int width, int decimals) {
        StringBuilder sb = new StringBuilder();
        FixedFormat.append(sb, x, width, decimals);
        return sb.toString();
    }

    @Test
    void matchesPrintfOnSimpleValues() {
        assertThat(fmt(0.5, 20, 16)).isEqualTo(String.format(Locale.ROOT, "%20.16f", 0.5));
        assertThat(fmt(-1.25, 10, 3)).isEqualTo("    -1.250");
        assertThat(fmt(-1e-12, 8, 4)).isEqualTo("  0.0000");
        assertThat(fmt(123456.0, 3, 0)).isEqualTo("123456");
        // Like Fortran's F format, the exact binary value is rounded (4.4903 is 4.49030000000000040...).
        assertThat(fmt(4.4903, 21, 16)).isEqualTo("   4.4903000000000004");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.paddlewheel.io.RandomStructures#seeds")
    void isTheCorrectlyRoundedDecimalOfTheDouble(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int t = 0; t < 200; t++) {
            double x = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-6, 7));
            int d = rnd.nextInt(0, 17);
            String s = fmt(x, 24, d);
            String p = String.format(Locale.ROOT, "%24." + d + "f", x);
            assertThat(s.length()).as("seed %d x=%s d=%d", seed, x, d).isEqualTo(p.length());
            BigDecimal err = new BigDecimal(s.trim()).subtract(new BigDecimal(x)).abs();
            // at most half a unit in the last place, plus the product's rounding on the fast path
            BigDecimal bound = BigDecimal.ONE.movePointLeft(d).multiply(new BigDecimal("0.5")).add(new BigDecimal(2 * Math.ulp(x)));
            assertThat(err).as("seed %d x=%s d=%d: %s vs %s", seed, x, d, s, p).isLessThanOrEqualTo(bound);
        }
    }
}
