package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastDecimalTest {
    private static double fast(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return FastDecimal.parse(b, 0, b.length);
    }

    /** Bit-identical to Double.parseDouble wherever the fast path answers; seeded. */
    @Test
    void randomFormattedNumbersAreBitIdenticalToParseDouble() {
        SplittableRandom rnd = new SplittableRandom(20240611L);
        int answered = 0, total = 200_000;
        for (int k = 0; k < total; k++) {
            double x = switch (k % 4) {
                case 0 -> rnd.nextDouble(-1.5, 1.5);
                case 1 -> rnd.nextDouble(-100, 100);
                case 2 -> Math.scalb(rnd.nextDouble(-1, 1), rnd.nextInt(-40, 40));
                default -> rnd.nextDouble();
            };
            String s = switch (rnd.nextInt(5)) {
                case 0 -> String.format(Locale.ROOT, "%." + rnd.nextInt(0, 19) + "f", x);
                case 1 -> String.format(Locale.ROOT, "%." + rnd.nextInt(0, 17) + "e", x);
                case 2 -> String.format(Locale.ROOT, "%." + rnd.nextInt(1, 17) + "E", x);
                case 3 -> Double.toString(x);
                default -> String.format(Locale.ROOT, "%+.8f", x);
            };
            double f = fast(s);
            if (f != f) continue;                      // fallback: the caller uses parseDouble
            answered++;
            assertThat(Double.doubleToRawLongBits(f)).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
        assertThat(answered).as("fast path coverage").isGreaterThan(total / 2);
    }

    @Test
    void randomDigitStringsAreBitIdenticalToParseDouble() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 100_000; k++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextInt(3) == 0) sb.append(rnd.nextBoolean() ? '-' : '+');
            int a = rnd.nextInt(0, 12), b = rnd.nextInt(0, 14);
            for (int i = 0; i < a; i++) sb.append((char) ('0' + rnd.nextInt(10)));
            if (rnd.nextInt(4) > 0) sb.append('.');
            for (int i = 0; i < b; i++) sb.append((char) ('0' + rnd.nextInt(10)));
            if (rnd.nextInt(4) == 0) sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(-30, 30));
            String s = sb.toString();
            double f = fast(s);
            Double ref;
            try {
                ref = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                ref = null;
            }
            if (f != f) continue;
            assertThat(ref).as(s).isNotNull();
            assertThat(Double.doubleToRawLongBits(f)).as(s).isEqualTo(Double.doubleToRawLongBits(ref));
        }
    }

    @Test
    void unusualShapesFallBack() {
        for (String s : new String[] {"", "-", ".", "1.0D-3", "1.0d0", "NaN", "Infinity", "1e", "1e+", "0x1p3", "1.0f",
                                      "12345678901234567890", "1e400", "1e-400", "9007199254740993", "1,5", "--1"}) {
            assertThat(fast(s)).as(s).isNaN();
        }
        assertThat(fast("-0.0")).isEqualTo(-0.0);
        assertThat(Double.doubleToRawLongBits(fast("-0.000"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(fast("5.")).isEqualTo(5.0);
        assertThat(fast(".25")).isEqualTo(0.25);
    }

    @Test
    void fieldsSkipSpacesAndTabsAndIgnoreExtraTokens() {
        byte[] b = "  0.5\t-1.25   3e2  T T F".getBytes(StandardCharsets.US_ASCII);
        double[] out = new double[4];
        assertThat(FastDecimal.fields(b, 0, b.length, out, 1, 3)).isTrue();
        assertThat(out).containsExactly(0, 0.5, -1.25, 300.0);
        assertThat(FastDecimal.fields(b, 0, b.length, out, 0, 4)).isFalse();
        byte[] short2 = " 1 2 ".getBytes(StandardCharsets.US_ASCII);
        assertThat(FastDecimal.fields(short2, 0, short2.length, out, 0, 3)).isFalse();
    }
}
