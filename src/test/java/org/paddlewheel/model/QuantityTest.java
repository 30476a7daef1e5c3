package org.paddlewheel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantityTest {
    @Test
    void parsesTheIssueExamples() {
        assertThat(Quantity.timeFs("0.5fs")).isEqualTo(0.5);
        assertThat(Quantity.timeFs("50 ps")).isEqualTo(50_000.0);
        assertThat(Quantity.lengthAngstrom("4.70Å")).isEqualTo(4.70);
        assertThat(Quantity.lengthAngstrom("1mm")).isEqualTo(1e7);
        assertThat(Quantity.lengthAngstrom("12.7 mm")).isCloseTo(1.27e8, within(1e-3));
        assertThat(Quantity.frequencyHz("160.49MHz")).isCloseTo(160.49e6, within(1e-6));
        assertThat(Quantity.temperatureK("700K")).isEqualTo(700.0);
        assertThat(Quantity.temperatureK("15C")).isCloseTo(288.15, within(1e-12));
        assertThat(Quantity.energyEv("358meV")).isCloseTo(0.358, within(1e-15));
        assertThat(Quantity.pressureGPa("1 bar")).isCloseTo(1e-4, within(1e-18));
        assertThat(Quantity.timeFs("3")).isEqualTo(3.0);
        assertThat(Quantity.timeFs("1e-3ns")).isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void wrongDimensionNamesWhatWasExpected() {
        assertThatThrownBy(() -> Quantity.timeFs("4.7Å")).isInstanceOf(InputException.class)
                .hasMessageContaining("not a time unit");
        assertThatThrownBy(() -> Quantity.lengthAngstrom("abc")).isInstanceOf(InputException.class)
                .hasMessageContaining("not a number");
    }

    @Test
    void derivedConstantsMatchCodata2018() {
        // e²/(4πε0) = 14.3996454784 eV·Å (CODATA 2018); 1 eV/Å³ = 160.2176634 GPa (exact from e); kinetic factor 103.6427 eV per amu·Å²/fs².
        assertThat(Units.COULOMB_EV_ANGSTROM).isCloseTo(14.3996454784, within(1e-9));
        assertThat(Units.EV_PER_A3_TO_GPA).isCloseTo(160.2176634, within(1e-6));
        assertThat(Units.AMU_A2_PER_FS2_TO_EV).isCloseTo(103.642696, within(1e-5));
        assertThat(Units.BOLTZMANN_EV_PER_K).isCloseTo(Units.BOLTZMANN_J_PER_K / Units.EV_J, within(1e-14));
    }

    @Test
    void elementsAcceptLabels() {
        assertThat(Element.of("Na1")).isEqualTo(Element.NA);
        assertThat(Element.of("O2-")).isEqualTo(Element.O);
        assertThat(Element.of("Na_pv")).isEqualTo(Element.NA);
        assertThat(Element.of("NA")).isEqualTo(Element.NA);
        assertThat(Element.find("Xx")).isNull();
        assertThat(Element.find("Nax")).isNull();
        assertThat(Element.ofAtomicNumber(11)).isEqualTo(Element.NA);
        assertThat(Element.B.massAmu()).isEqualTo(10.81);
    }
}
