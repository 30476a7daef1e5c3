package org.paddlewheel.experiment.nmr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** EFG tensors with known eigenvalues, in any orientation, give the expected C_Q and η_Q. */
class EfgTensorTest {
    static LongStream seeds() { return LongStream.range(0, 20); }

    @ParameterizedTest
    @MethodSource("seeds")
    void rotatedTensorGivesKnownCqAndEta(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double vzz = (r.nextBoolean() ? 1 : -1) * (0.5 + 5 * r.nextDouble()); // V/Å²
        double eta = r.nextDouble();
        double vxx = -vzz * (1 + eta) / 2, vyy = -vzz * (1 - eta) / 2;          // traceless, η = |Vxx−Vyy|/|Vzz|
        double[][] m = rotation(new double[] {r.nextDouble() - 0.5, r.nextDouble() - 0.5, r.nextDouble() + 0.1}, 2 * Math.PI * r.nextDouble());
        double[] d = {vxx, vyy, vzz};
        double[] t = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) t[3 * i + j] += m[i][k] * d[k] * m[j][k];
        EfgTensor efg = EfgTensor.ofMatrix(t, EfgTensor.Unit.V_PER_A2);
        assertThat(efg.vzzSi() / 1e20).as("seed %d", seed).isCloseTo(vzz, within(1e-12 * Math.abs(vzz) + 1e-12));
        assertThat(efg.eta()).as("seed %d", seed).isCloseTo(eta, within(1e-9));
        // C_Q = eQVzz/h: 23Na, Q = 104 mb → 0.25148 MHz per V/Å².
        double expected = 1.602176634e-19 * 104e-31 * vzz * 1e20 / 6.62607015e-34;
        assertThat(efg.cqHz(Nucleus.of("23Na")) / expected).as("seed %d", seed).isCloseTo(1.0, within(1e-12));
        double[] p = efg.principalSi();
        assertThat(Math.abs(p[2])).isGreaterThanOrEqualTo(Math.abs(p[0]));
        assertThat(Math.abs(p[0])).isGreaterThanOrEqualTo(Math.abs(p[1]));
    }

    /** Rodrigues rotation matrix about {@code axis} by {@code angle} (radians). */
    static double[][] rotation(double[] axis, double angle) {
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        double x = axis[0] / n, y = axis[1] / n, z = axis[2] / n, c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
        return new double[][] {
            {c + x * x * t, x * y * t - z * s, x * z * t + y * s},
            {y * x * t + z * s, c + y * y * t, y * z * t - x * s},
            {z * x * t - y * s, z * y * t + x * s, c + z * z * t}};
    }

    @Test
    void unitsAgree() {
        // 1 atomic unit = 9.7173624292e21 V/m² = 97.173624292 V/Å² (CODATA 2018).
        assertThat(EfgTensor.ATOMIC_UNIT_V_PER_M2).isCloseTo(9.7173624292e21, within(1e12));
        EfgTensor au = EfgTensor.ofMatrix(new double[] {-0.5, 0, 0, 0, -0.5, 0, 0, 0, 1}, EfgTensor.Unit.ATOMIC);
        EfgTensor va = EfgTensor.ofMatrix(new double[] {-0.5, 0, 0, 0, -0.5, 0, 0, 0, 1}, EfgTensor.Unit.V_PER_A2);
        assertThat(au.vzzSi() / va.vzzSi()).isCloseTo(97.173624292, within(1e-6));
        // 11B, Vzz = 1 au: the usual conversion C_Q[MHz] = 234.9647·Q[b]·Vzz[au] gives 9.5372 MHz for Q = 40.59 mb.
        assertThat(au.cqHz(Nucleus.of("11B")) / 1e6).isCloseTo(9.5372, within(2e-4));
        assertThat(au.eta()).isCloseTo(0, within(1e-15));
    }

    @Test
    void readsVaspOutcarBlock() throws Exception {
        Path f = Path.of(getClass().getResource("OUTCAR_efg_fixture").toURI());
        List<OutcarEfgReader.IonEfg> ions = OutcarEfgReader.read(f);
        assertThat(ions).hasSize(3);
        assertThat(ions.get(0).element()).isEqualTo("Na");
        assertThat(ions.get(2).element()).isEqualTo("B");
        assertThat(ions.get(0).tensor().vzzSi()).isCloseTo(3e20, within(1e8));
        assertThat(ions.get(0).tensor().eta()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(ions.get(1).tensor().eta()).isCloseTo(0, within(1e-12));
    }

    @Test
    void nucleusTable() {
        assertThat(Nucleus.of("23Na").quadrupoleMb()).isEqualTo(104.0);
        assertThat(Nucleus.of("Na-23")).isEqualTo(Nucleus.of("na23"));
        assertThat(Nucleus.of("B").label()).isEqualTo("11B");
        assertThat(Nucleus.of("14N").quadrupoleMb()).isEqualTo(20.44);
        assertThat(Nucleus.of("11B").quadrupoleMb()).isEqualTo(40.59);
        assertThat(Nucleus.parseSpin("3/2")).isEqualTo(1.5);
    }
}
