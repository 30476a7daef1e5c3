package org.paddlewheel.cp2k;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Element-specific basis names: {@code {q}} in the basis becomes each element's GTH valence (the names of
 * CP2K's BASIS_MOLOPT_UZH file, e.g. TZVP-MOLOPT-PBE-GTH-q9 for Na with its semicore potential), the UZH
 * file is then listed beside BASIS_MOLOPT and the potentials come from POTENTIAL_UZH (those basis sets are made
 * for them), and the default basis is written unchanged with BASIS_MOLOPT and GTH_POTENTIALS only.
 */
class Cp2kBasisNameTest {
    @Test
    void valencePlaceholderBecomesEachElementsQ() {
        Structure s = Structure.of(Lattice.cubic(6), new Element[] {Element.of("Na"), Element.of("H"), Element.of("B")},
                new double[] {0, 0, 0, 1.5, 1.5, 1.5, 3, 3, 3});
        String tz = Cp2kInput.forceEval(s, Cp2kSettings.paperDefaults().withBasis("TZVP-MOLOPT-PBE-GTH-q{q}"), null, true);
        assertThat(tz).contains("BASIS_SET TZVP-MOLOPT-PBE-GTH-q9").contains("BASIS_SET TZVP-MOLOPT-PBE-GTH-q1")
                .contains("BASIS_SET TZVP-MOLOPT-PBE-GTH-q3").contains("BASIS_SET_FILE_NAME BASIS_MOLOPT_UZH")
                .contains("POTENTIAL GTH-PBE-q9").contains("POTENTIAL_FILE_NAME POTENTIAL_UZH").doesNotContain("{q}");
        String dz = Cp2kInput.forceEval(s, Cp2kSettings.paperDefaults(), null, true);
        assertThat(dz).contains("BASIS_SET DZVP-MOLOPT-SR-GTH").contains("POTENTIAL_FILE_NAME GTH_POTENTIALS").doesNotContain("_UZH");
        assertThatThrownBy(() -> Cp2kInput.basisName("X-q{q}", Element.of("Xe"))).hasMessageContaining("Xe");
    }
}
