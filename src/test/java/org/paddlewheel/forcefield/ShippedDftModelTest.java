package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.build.AntiperovskiteBuilder;
import org.paddlewheel.md.LangevinThermostat;
import org.paddlewheel.md.MdState;
import org.paddlewheel.md.Rng;
import org.paddlewheel.md.StochasticCellRescaling;
import org.paddlewheel.model.Structure;
import org.paddlewheel.relax.Relaxation;

/**
 * The shipped, provisional {@code na-amide-borohydride-dft} model (UF3 pairs fitted to the CP2K data by
 * forcefields/fit-dft.sh): it loads by name with its fit record (the measured GPW cut-off curves; Na's slope at 850 Ry,
 * −0.5 to −2 meV/Ry per atom, the range the convergence cell brackets) and its DFT validation block; builder cells at x = 0, 0.5
 * and 1 are neutral with every BH4 and NH2 found; its Coulomb + bonded + 2-body part agrees with LAMMPS's pair_style table
 * (energy 1e-5 relative, forces 1e-3 eV/Å RMS; skipped without {@code lmp}; its N-centred (and in later refits B-centred) 3-body terms need ML-UF3,
 * which Debian's LAMMPS lacks: with {@code PADDLEWHEEL_LMP} naming a LAMMPS that has it, the whole model is compared); a 0.5 + 2 ps NPT run at 300 K
 * and 0 GPa keeps x = 1 within 5 % of the measured 4.695 Å (a small-cell sibling of fit-dft.sh's install guard, which a
 * fit to compressed cells failed at 5.18 Å and the uncorrected deviatoric fit at 4.48 Å; this 80-atom cell reads ~2 % below
 * the 3x3x3 guard cell, where the models sit at +5.4 % against the guard's 8 %: forcefields/candidates/README.md); and 1 ps of 700 K NVT leaves every molecule intact (all B–H and
 * N–H below 1.6 Å, no H closer than 1.6 Å to a foreign centre).
 */
class ShippedDftModelTest {
    static final String NAME = "na-amide-borohydride-dft";

    @TempDir
    Path tmp;

    static Structure built(double x, int n, long seed) {
        return new AntiperovskiteBuilder().x(x).latticeParameter(4.765).supercell(n, n, n).seed(seed).build().structure();
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.0, 0.5, 1.0})
    void loadsAndFindsEveryMolecule(double x) throws Exception {
        ForceField ff = ForceField.resolve(NAME);
        Topology top = Topology.build(ff, built(x, 3, 3));
        assertThat(top.totalCharge()).isCloseTo(0, Offset.offset(1e-9));
        assertThat(top.molecules.stream().filter(m -> m.formula().equals("BH4")).count()).isEqualTo(27);
        assertThat(top.molecules.stream().filter(m -> m.formula().equals("NH2")).count()).isEqualTo(Math.round(27 * x));
        var json = SplineJson.baseJson(NAME);
        var curves = org.paddlewheel.forcefield.fit.CutoffCurves.ofJson(json.path("fit").get("cutoff_correction_curves"));
        assertThat(curves).as("the model carries the measured cut-off curves").isNotNull();
        assertThat(curves.slope(org.paddlewheel.model.Element.NA, 850)).isBetween(-2e-3, -0.5e-3);
        assertThat(json.has("dft_validation")).isTrue();
        assertThat(json.path("provisional").asBoolean()).isTrue();
    }

    @Test
    void singlePointAgreesWithLammps() throws Exception {
        Assumptions.assumeTrue(Lammps.available(), "lmp not on PATH");
        ForceField ff = ForceField.resolve(NAME);
        Structure s = Relaxation.relax(built(1, 2, 5), ff, Relaxation.Options.defaults().withFmax(0.1)).structure();
        if (LammpsUf3File.lammpsHasUf3(Lammps.exe())) {
            // a LAMMPS with ML-UF3 (PADDLEWHEEL_LMP): the whole model, bonded-arm triples included
            Lammps.assertSinglePointParity(tmp, ff, s, "shipped DFT model with ML-UF3");
            return;
        }
        // Debian's lmp has no ML-UF3, so the parity is the Coulomb + bonded + 2-body table part: the model without its
        // 3-body terms on both sides (the ML-UF3 file itself is ThreeBodyLammpsExportTest's)
        var json = SplineJson.baseJson(NAME);
        json.remove("three_body");
        ForceField twoBody = SplineJson.load(json, NAME + " (2-body part)");
        Lammps.assertSinglePointParity(tmp, twoBody, s, "shipped DFT model, 2-body part");
    }

    @Test
    void itsThreeBodyTermsAreAnionCentredAndExportableToMlUf3() {
        // since session 16 the shipped model carries the Na–N–H angle through N-centred triples with bonded arms, which
        // LAMMPS's ML-UF3 counts exactly as the engine does (MlUf3ArmRule); the model bundled in session 27 adds B-centred
        // ones (Na–B–H); a bundle that loses the N-centred ones or the bonded arms shows here
        ForceField ff = ForceField.resolve(NAME);
        assertThat(ff.splineTriples()).isNotEmpty()
                .allMatch(t -> t.bondedArms() && java.util.Set.of("N", "B").contains(ff.species().get(t.centre()).name()))
                .anyMatch(t -> ff.species().get(t.centre()).name().equals("N"));
        assertThat(LammpsUf3File.unsupported(ff)).isNull();
    }

    @Test
    void itsForceIsContinuousWhereATripleTurnsConstant() {
        // session 26: a triple held constant below r_min with c_0 != c_1 steps the force there (1.1-9.1 eV/Å in the untied
        // candidates; relaxations stalled on the step). The model bundled in session 27 was fitted with the tie, so
        // every triple's bound is zero to rounding; the bound itself is checked against the measured slope in
        // TripleConstantBelowTieTest
        ForceField ff = ForceField.resolve(NAME);
        assertThat(ff.splineTriples()).anyMatch(SplineTriple::constantBelow);
        for (SplineTriple t : ff.splineTriples()) assertThat(t.forceStepBoundAtRMin()).isLessThan(1e-6);
        assertThat(SplineTriple.forceStepWarning(ff.splineTriples(), ff.species())).isNull();
    }

    @Test
    void nptAt300KKeepsX1LatticeWithin5Percent() {
        ForceField ff = ForceField.resolve(NAME);
        double a = run(ff, built(1, 2, 1), 300, true, 5000)[0];
        System.out.printf("%s: x = 1, 300 K NPT (0.5 ps + 2 ps, 80 atoms): <a> = %.4f Å vs 4.695 Å (%+.2f %%)%n", NAME, a, 100 * (a / 4.695 - 1));
        assertThat(Math.abs(a / 4.695 - 1)).isLessThan(0.05);
    }

    @Test
    void moleculesStayIntactAt700K() {
        ForceField ff = ForceField.resolve(NAME);
        double worst = run(ff, built(1, 2, 2), 700, false, 2000)[1];
        System.out.printf("%s: x = 1, 700 K NVT 1 ps: longest B-H / N-H bond seen %.3f Å%n", NAME, worst);
        assertThat(worst).isLessThan(1.6);
    }

    /** {mean a (Å) over the last 80 % of steps, longest intramolecular X–H distance seen (Å)}. */
    private static double[] run(ForceField ff, Structure s, double t, boolean npt, int steps) {
        Topology top = Topology.build(ff, s);
        boolean[] mobile = new boolean[s.size()];
        java.util.Arrays.fill(mobile, true);
        MdState st = new MdState(s.positions(), top.mass, mobile, new Cell(s.lattice()));
        Rng rng = new Rng(7);
        double sum = 0, worst = 0;
        int count = 0;
        try (ForceEngine eng = new ForceEngine(top, st.cell, ForceEngine.Options.defaults())) {
            st.computeForces(eng);
            var thermo = new LangevinThermostat(0.5, t, 10, st.mass, rng);
            var baro = npt ? new StochasticCellRescaling(thermo, 0.5, t, 0, 0.05, 1000, 10, rng) : null;
            for (int k = 0; k < steps; k++) {
                if (baro != null) baro.step(st, eng); else thermo.step(st, eng);
                if (k >= steps / 5 && k % 10 == 0) {
                    sum += Math.cbrt(st.cell.volume() / 8);
                    count++;
                    for (int b = 0; b < top.bondI.length; b++) {
                        double[] d = new double[3];
                        for (int q = 0; q < 3; q++) d[q] = st.x[3 * top.bondJ[b] + q] - st.x[3 * top.bondI[b] + q];
                        st.cell.wrapDisplacement(d, 0);
                        worst = Math.max(worst, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
                    }
                }
            }
        }
        return new double[] {sum / count, worst};
    }
}
