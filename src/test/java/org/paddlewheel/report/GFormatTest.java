package org.paddlewheel.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GFormatTest {
    /** Equal to String.format("%.8g") except, rarely, one unit in the 8th digit at a half-way tie; seeded. */
    @Test
    void matchesFormatterToTheLastDigit() {
        SplittableRandom rnd = new SplittableRandom(11);
        int differ = 0, n = 100_000;
        for (int k = 0; k < n; k++) {
            double v = Math.scalb(rnd.nextDouble(-1, 1), rnd.nextInt(-60, 60));
            if (k % 5 == 0) v = Math.round(v * 1000) / 1000.0;
            int p = k % 3 == 0 ? 6 : 8;
            String ref = String.format(Locale.ROOT, "%." + p + "g", v);
            String got = GFormat.append(new StringBuilder(), v, p).toString();
            if (!got.equals(ref)) {
                differ++;
                assertThat(got.length()).as(ref).isEqualTo(ref.length());
                double ulp = Math.abs(v) * Math.pow(10, 1 - p);
                assertThat(Math.abs(Double.parseDouble(got) - Double.parseDouble(ref))).as(ref + " vs " + got).isLessThanOrEqualTo(ulp);
            }
        }
        assertThat(differ).isLessThan(n / 1000);
    }

    @Test
    void specialValuesAndBoundaries() {
        for (double v : new double[] {0.0, -0.0, 1, -1, 1e-4, 9.99999995e-5, 0.000123456789, 99999999.5, 1e8, 12345678, 123456789,
                                      9.9999999995, 1e-300, 4.9e-324, 1.7976931348623157e308, 0.5, 100, -2.5e-7}) {
            assertThat(GFormat.append(new StringBuilder(), v, 8).toString()).as("" + v).isEqualTo(String.format(Locale.ROOT, "%.8g", v));
        }
        assertThat(GFormat.append(new StringBuilder(), Double.NaN, 8).toString()).isEqualTo("NaN");
        assertThat(GFormat.append(new StringBuilder(), Double.NEGATIVE_INFINITY, 8).toString()).isEqualTo("-Infinity");
    }
}
