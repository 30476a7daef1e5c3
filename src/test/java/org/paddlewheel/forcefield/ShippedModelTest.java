package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.build.AntiperovskiteBuilder;
import org.paddlewheel.forcefield.fit.FitProblem;
import org.paddlewheel.md.LangevinThermostat;
import org.paddlewheel.md.MdState;
import org.paddlewheel.md.Rng;
import org.paddlewheel.md.StochasticCellRescaling;
import org.paddlewheel.model.Structure;
import org.paddlewheel.relax.Relaxation;

/**
 * The shipped {@code na-amide-borohydride} model (forcefields/README.md): it loads by name, builder
 * cells are neutral with every BH4 and NH2 found, its stretch wavenumbers match the fit targets
 * (2300 / 3240 cm⁻¹ within 1 cm⁻¹), its single point on a relaxed builder cell agrees with LAMMPS
 * (energy 1e-5 relative, forces 1e-3 eV/Å RMS; skipped without {@code lmp}), and (slow) a 2 ps NPT run
 * at 300 K keeps the x = 1 lattice parameter within 3 % of 4.695 Å.
 */
class ShippedModelTest {
    @TempDir
    Path tmp;

    static Structure built(double x, long seed) {
        return new AntiperovskiteBuilder().x(x).supercell(3, 3, 3).seed(seed).build().structure();
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.0, 0.5, 1.0})
    void loadsAndFindsEveryMolecule(double x) {
        ForceField ff = ForceField.resolve("na-amide-borohydride");
        Topology top = Topology.build(ff, built(x, 3));
        assertThat(top.totalCharge()).isCloseTo(0, Offset.offset(1e-9));
        long bh4 = top.molecules.stream().filter(m -> m.formula().equals("BH4")).count();
        long nh2 = top.molecules.stream().filter(m -> m.formula().equals("NH2")).count();
        assertThat(bh4).isEqualTo(27);
        assertThat(nh2).isEqualTo(Math.round(27 * x));
        assertThat(FitProblem.stretchWavenumber(ff, "BH4")).isCloseTo(2300, Offset.offset(1.0));
        assertThat(FitProblem.stretchWavenumber(ff, "NH2")).isCloseTo(3240, Offset.offset(1.0));
    }

    @Test
    void singlePointAgreesWithLammps() throws Exception {
        Assumptions.assumeTrue(Lammps.available(), "lmp not on PATH");
        ForceField ff = ForceField.resolve("na-amide-borohydride");
        Structure s = Relaxation.relax(built(1, 5), ff, Relaxation.Options.defaults().withFmax(0.1)).structure();
        Lammps.assertSinglePointParity(tmp, ff, s, "shipped model");
    }

    /** About 20–40 s on one core (5000 steps of 270 atoms): the acceptance check, kept in the default suite. */
    @Test
    void nptAt300KKeepsX1LatticeWithin3Percent() {
        ForceField ff = ForceField.resolve("na-amide-borohydride");
        long seed = 1;
        Structure s = Relaxation.relax(built(1, seed), ff, Relaxation.Options.defaults().withFmax(0.05)).structure();
        Topology top = Topology.build(ff, s);
        boolean[] mobile = new boolean[s.size()];
        java.util.Arrays.fill(mobile, true);
        MdState st = new MdState(s.positions(), top.mass, mobile, new Cell(s.lattice()));
        Rng rng = new Rng(seed);
        double sum = 0;
        int count = 0;
        try (ForceEngine eng = new ForceEngine(top, st.cell, ForceEngine.Options.defaults())) {
            st.computeForces(eng);
            var npt = new StochasticCellRescaling(new LangevinThermostat(0.5, 300, 10, st.mass, rng), 0.5, 300, 0, 0.05, 1000, 10, rng);
            for (int k = 0; k < 5000; k++) {
                npt.step(st, eng);
                if (k >= 1000 && k % 10 == 0) { sum += Math.cbrt(st.cell.volume() / 27); count++; }
            }
        }
        double a = sum / count;
        System.out.printf("x = 1, 300 K NPT (0.5 ps + 2 ps): <a> = %.4f Å vs 4.695 Å (%+.2f %%), seed %d%n", a, 100 * (a / 4.695 - 1), seed);
        assertThat(Math.abs(a / 4.695 - 1)).as("seed %d", seed).isLessThan(0.03);
    }
}
