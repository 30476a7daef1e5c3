package org.paddlewheel.experiment.diffraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TOF = ZERO + DIFC·d + DIFA·d² (paper Eq. 2) and its inverse round-trip. */
class TofConversionTest {
    static LongStream seeds() { return LongStream.range(0, 30); }

    @ParameterizedTest
    @MethodSource("seeds")
    void roundTrips(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        // NOMAD-like: DIFC 1000–20000 µs/Å, DIFA ±20 µs/Å², ZERO ±20 µs, d 0.2–5 Å
        TofConversion c = new TofConversion(40 * (r.nextDouble() - 0.5), 1000 + 19000 * r.nextDouble(), 40 * (r.nextDouble() - 0.5));
        double d = 0.2 + 4.8 * r.nextDouble();
        assertThat(c.d(c.tof(d))).as("seed %d", seed).isCloseTo(d, within(1e-12 * 5));
        double tof = c.tof(d);
        assertThat(c.tof(c.d(tof))).as("seed %d", seed).isCloseTo(tof, within(1e-9));
    }

    @Test
    void linearCaseAndGeometry() {
        TofConversion c = new TofConversion(0, 10000, 0);
        assertThat(c.d(23500)).isCloseTo(2.35, within(1e-14));
        // DIFC = 252.778·L·2sinθ: L = 20 m at 2θ = 90° → 7149.6 µs/Å
        assertThat(TofConversion.difc(20, 90)).isCloseTo(252.7784 * 20 * Math.sqrt(2), within(0.01));
    }
}
