package org.paddlewheel.experiment.impedance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.paddlewheel.model.InputException;

class ArcAndConductivityTest {

    @Test
    void brugEffectiveCapacitance() {
        // (Q R^(1−α))^(1/α): Q = 1e-10, α = 0.9, R = 1e5 → 10^((−10 + 0.5)/0.9) = 10^−10.556
        assertThat(ArcAnalysis.brugParallel(1e-10, 0.9, 1e5)).isCloseTo(Math.pow(10, -9.5 / 0.9), within(1e-24));
        // α = 1 is an ideal capacitor: C_eff = Q
        assertThat(ArcAnalysis.brugParallel(3e-9, 1.0, 1e5)).isCloseTo(3e-9, within(1e-21));
        assertThat(ArcAnalysis.label(3e-12)).isEqualTo(ArcAnalysis.Label.BULK);
        assertThat(ArcAnalysis.label(5e-9)).isEqualTo(ArcAnalysis.Label.GRAIN_BOUNDARY);
        assertThat(ArcAnalysis.label(1e-6)).isEqualTo(ArcAnalysis.Label.ELECTRODE);
    }

    @Test
    void pelletArcsAndConductivity() {
        Circuit c = ComplexNonlinearLeastSquaresTest.PELLET;
        double[] t = ComplexNonlinearLeastSquaresTest.TRUTH;
        Spectrum s = c.simulate(t, ComplexNonlinearLeastSquaresTest.FREQ, "pellet_25C.csv");
        double area = Conductivity.discAreaCm2(1.27);
        SpectrumAnalysis a = SpectrumAnalysis.run(s, c, java.util.Map.of(), java.util.List.of(), ComplexNonlinearLeastSquares.standard(),
                298.15, 0.1, area, java.util.List.of());
        assertThat(a.arcs()).hasSize(2);
        assertThat(a.arcs().get(0).name()).isEqualTo("R1");
        assertThat(a.arcs().get(0).label()).isEqualTo(ArcAnalysis.Label.BULK);       // C' = 2.8e-11 F · 0.079 cm⁻¹
        assertThat(a.arcs().get(1).label()).isEqualTo(ArcAnalysis.Label.ELECTRODE);  // series CPE2
        assertThat(a.sigmaFrom()).containsExactly("R1");
        // σ = L/(R A) = 0.1 cm / (1e5 Ω · 1.2668 cm²) = 7.894e-7 S/cm; noise-free fit: 1e-6 relative
        assertThat(a.sigmaSPerCm()).isCloseTo(0.1 / (1e5 * area), within(1e-6 * 7.9e-7));
        assertThat(a.toJson()).containsKeys("parameters", "standard_errors", "arcs", "sigma_S_per_cm", "chi_squared");
        assertThat(((java.util.Map<?, ?>) a.toJson().get("parameters")).keySet()).map(Object::toString).contains("R1_ohm", "CPE1_Q_S_s^alpha", "CPE1_alpha");
    }

    @Test
    void parsesAreasAndTemperatures() {
        assertThat(Conductivity.parseAreaCm2("1.27cm2")).isEqualTo(1.27);
        assertThat(Conductivity.parseAreaCm2("126.7 mm2")).isCloseTo(1.267, within(1e-12));
        assertThat(Conductivity.parseAreaCm2("1.27cm^2")).isEqualTo(1.27);
        assertThatThrownBy(() -> Conductivity.parseAreaCm2("1.27cm")).isInstanceOf(InputException.class).hasMessageContaining("area unit");
        assertThat(Conductivity.temperatureFromName("NaNH2BH4_25C.mpt")).isCloseTo(298.15, within(1e-9));
        assertThat(Conductivity.temperatureFromName("run-300K-2.txt")).isEqualTo(300.0);
        assertThat(Conductivity.temperatureFromName("pellet_-20C.csv")).isCloseTo(253.15, within(1e-9));
        assertThat(Conductivity.temperatureFromName("x_12.5C.z")).isCloseTo(285.65, within(1e-9));
        assertThat(Conductivity.temperatureFromName("spectrum.csv")).isNaN();
        assertThat(Conductivity.discAreaCm2(1.27)).isCloseTo(Math.PI * 1.27 * 1.27 / 4, within(1e-15));
    }
}
