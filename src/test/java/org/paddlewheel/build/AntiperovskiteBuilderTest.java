package org.paddlewheel.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.ClusterAnion;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.MoleculeFinder;
import org.paddlewheel.model.Structure;

class AntiperovskiteBuilderTest {

    /** Composition, neutrality, vacancies and realised x for the paper's three AIMD cells (3x3x3). */
    @ParameterizedTest(name = "x = {0}")
    @CsvSource({"0.0, 0, 81", "0.5, 14, 67", "1.0, 27, 54"})
    void compositionChargeAndVacancies(double x, int nSub, int nNa) {
        var r = new AntiperovskiteBuilder().x(x).supercell(3, 3, 3).seed(7).build();
        Structure s = r.structure();
        Map<Element, Integer> c = s.composition();
        assertThat(r.substitutions()).isEqualTo(nSub);
        assertThat(r.vacancies()).isEqualTo(nSub);
        assertThat(r.realisedX()).isEqualTo(nSub / 27.0);
        assertThat(c.get(Element.NA)).isEqualTo(nNa);
        assertThat(c.get(Element.B)).isEqualTo(27);
        assertThat(c.getOrDefault(Element.O, 0)).isEqualTo(27 - nSub);
        assertThat(c.getOrDefault(Element.N, 0)).isEqualTo(nSub);
        assertThat(c.get(Element.H)).isEqualTo(4 * 27 + 2 * nSub);
        // Formal charges: Na +1, O −2, NH2 −1, BH4 −1 → the cell must be neutral.
        int charge = nNa - 2 * (27 - nSub) - nSub - 27;
        assertThat(charge).isZero();
        List<Molecule> mols = MoleculeFinder.find(s);
        assertThat(MoleculeFinder.countByFormula(mols)).containsEntry("BH4", 27);
        assertThat(MoleculeFinder.countByFormula(mols).getOrDefault("NH2", 0)).isEqualTo(nSub);
        if (x == 0.5) assertThat(r.notes()).anyMatch(n -> n.contains("not an integer") && n.contains("0.5185"));
        // Every non-bonded contact keeps the default 1.8 Å.
        double[] d = new double[1];
        int[] p = PhysicalContacts.closestNonBonded(s, 1.8, d);
        assertThat(p).as("closest pair %s at %s", p == null ? "-" : p[0] + "," + p[1], d[0]).isNull();
    }

    @Test
    void sameSeedSameCellOtherSeedDifferent() {
        Structure a = new AntiperovskiteBuilder().x(0.5).seed(3).build().structure();
        Structure b = new AntiperovskiteBuilder().x(0.5).seed(3).build().structure();
        Structure c = new AntiperovskiteBuilder().x(0.5).seed(4).build().structure();
        assertThat(a.positions()).containsExactly(b.positions());
        assertThat(a.positions()).isNotEqualTo(c.positions());
    }

    @Test
    void vegardDefaultsAndMolecularGeometry() {
        var r = new AntiperovskiteBuilder().x(1).supercell(2, 2, 2).seed(1).build();
        assertThat(r.latticeParameterAngstrom()).isEqualTo(4.70);
        assertThat(r.structure().lattice().length(0)).isEqualTo(9.40, org.assertj.core.data.Offset.offset(1e-12));
        for (Molecule m : MoleculeFinder.find(r.structure())) {
            double expect = m.formula().equals("BH4") ? 1.21 : 1.02;
            for (int l : m.ligands()) assertThat(r.structure().distance(m.centre(), l)).isCloseTo(expect, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void impossibleContactIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> new AntiperovskiteBuilder().x(1).latticeParameter(3.2).seed(1).maxAttempts(200).build())
                .isInstanceOf(InputException.class).hasMessageContaining("Å");
    }

    @Test
    void otherChemistryNeedsLatticeParameter() {
        assertThatThrownBy(() -> new AntiperovskiteBuilder().cation(Element.LI, 1).aSite(ClusterAnion.O)
                .substituent(ClusterAnion.OH).bSite(ClusterAnion.CL).x(0.5).build())
                .isInstanceOf(InputException.class).hasMessageContaining("--a");
        var r = new AntiperovskiteBuilder().cation(Element.LI, 1).aSite(ClusterAnion.O).substituent(ClusterAnion.OH)
                .bSite(ClusterAnion.CL).x(1).latticeParameter(3.91).minDistance(1.5).seed(2).build();
        assertThat(r.structure().composition()).containsEntry(Element.LI, 2 * 27);
        assertThat(MoleculeFinder.countByFormula(MoleculeFinder.find(r.structure()))).containsEntry("OH", 27);
    }
}
