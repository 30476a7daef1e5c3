package org.paddlewheel.cp2k;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * The OT minimiser written into CP2K inputs: CG with FULL_ALL by default (DIIS stopped 6.5 eV above the ground state on
 * an 80-atom snapshot, forcefields/dft/README.md), DIIS with FULL_SINGLE_INVERSE on request, and the choice named in
 * the level of theory only when it is the non-default DIIS; anything else is refused. (That CG reaches the same ground
 * state as before is checked by Cp2kLiveTest's stored single-point energy.)
 */
class Cp2kOtMinimizerTest {
    private static final Structure H2 = Structure.of(Lattice.cubic(6), new Element[] {Element.H, Element.H}, new double[] {3, 3, 3, 3, 3, 3.74});

    @Test
    void cgByDefaultDiisOnRequest() {
        String cg = Cp2kInput.singlePoint("sp", H2, Cp2kSettings.smoke(), null);
        assertThat(cg).contains("MINIMIZER CG").contains("PRECONDITIONER FULL_ALL").doesNotContain("DIIS");
        Cp2kSettings diis = Cp2kSettings.smoke().withOtMinimizer("diis");
        String d = Cp2kInput.singlePoint("sp", H2, diis, null);
        assertThat(d).contains("MINIMIZER DIIS").contains("PRECONDITIONER FULL_SINGLE_INVERSE");
        assertThat(Cp2kSettings.paperDefaults().describe()).doesNotContain("DIIS");
        assertThat(diis.describe()).endsWith("OT DIIS");
        assertThatThrownBy(() -> Cp2kSettings.smoke().withOtMinimizer("BFGS")).hasMessageContaining("CG or DIIS");
    }
}
