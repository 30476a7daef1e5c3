package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

/** Ewald sum against Madelung constants, a direct lattice sum, and LAMMPS's parameter choice. */
class EwaldTest {
    static ForceField ions(String cation, String anion, double accuracy, double cutoff) {
        return ForceField.parse("""
                {"name": "ions", "species": [
                  {"name": "%s", "element": "%s", "charge": 1},
                  {"name": "%s", "element": "%s", "charge": -1}],
                 "pairs": [], "cutoff": %s, "ewald_accuracy": %s}
                """.formatted(cation, cation, anion, anion, cutoff, accuracy), "test");
    }

    static double energy(ForceField ff, Structure s) {
        Topology top = Topology.build(ff, s);
        Cell cell = new Cell(s.lattice());
        try (ForceEngine e = new ForceEngine(top, cell, ForceEngine.Options.defaults())) {
            return e.compute(s.positions(), cell, new double[3 * s.size()]);
        }
    }

    @Test
    void rockSaltMadelungConstant() {
        double a = 5.64;
        Structure.Builder b = Structure.builder(Lattice.cubic(a));
        double[][] fcc = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        for (double[] p : fcc) b.addFractional(Element.NA, p[0], p[1], p[2]);
        for (double[] p : fcc) b.addFractional(Element.CL, p[0] + .5, p[1], p[2]);
        // 4 ion pairs; E = −4 M k_e / r0 with r0 = a/2. Cut-off 9 Å > a/2 exercises the image sum.
        double e = energy(ions("Na", "Cl", 1e-12, 9.0), b.build());
        double m = -e * (a / 2) / (4 * Units.COULOMB_EV_ANGSTROM);
        System.out.printf("NaCl Madelung %.9f%n", m);
        assertThat(m).isCloseTo(1.747565, Offset.offset(1e-6));
    }

    @Test
    void cesiumChlorideMadelungConstant() {
        double a = 4.12;
        Structure.Builder b = Structure.builder(Lattice.cubic(a));
        b.addFractional(Element.CS, 0, 0, 0);
        b.addFractional(Element.CL, .5, .5, .5);
        double e = energy(ions("Cs", "Cl", 1e-12, 9.0), b.build());
        double m = -e * (a * Math.sqrt(3) / 2) / Units.COULOMB_EV_ANGSTROM;
        System.out.printf("CsCl Madelung %.9f%n", m);
        assertThat(m).isCloseTo(1.762675, Offset.offset(1e-6));
    }

    /**
     * A random neutral triclinic box of 8 charges against the spherical direct sum over whole-cell
     * images, Σ_n w(|n·h|/R) ½ Σ' q_i q_j/|r_ij + n|, which converges to the tin-foil Ewald energy plus
     * the surface term 2π k_e |Σ q r|²/(3V) (de Leeuw, Perram &amp; Smith 1980). A hard sphere
     * converges slowly (1.8e-4 relative at R = 155 Å); a smooth taper w (1 to R/2, cos² to 0 at R)
     * removes the shell noise: 4e-7 at R = 100 Å, 6e-7 at 160 Å. Tolerance 2e-6 relative.
     */
    @Test
    void randomTriclinicBoxAgreesWithDirectSum() {
        long seed = 42;
        SplittableRandom r = new SplittableRandom(seed);
        Lattice lat = Lattice.fromParameters(7.3, 8.1, 7.7, 80, 100, 73);
        Structure.Builder b = Structure.builder(lat);
        for (int i = 0; i < 8; i++) b.addFractional(i % 2 == 0 ? Element.NA : Element.CL, r.nextDouble(), r.nextDouble(), r.nextDouble());
        Structure s = b.build();
        double ewald = energy(ions("Na", "Cl", 1e-12, 8.0), s);
        double[] q = new double[8];
        for (int i = 0; i < 8; i++) q[i] = i % 2 == 0 ? 1 : -1;
        double[] x = s.positions();
        double dx = 0, dy = 0, dz = 0;
        for (int i = 0; i < 8; i++) { dx += q[i] * x[3 * i]; dy += q[i] * x[3 * i + 1]; dz += q[i] * x[3 * i + 2]; }
        double surface = 2 * Math.PI * Units.COULOMB_EV_ANGSTROM * (dx * dx + dy * dy + dz * dz) / (3 * lat.volume());
        double direct = directSum(lat, x, q, 120) - surface;
        System.out.printf("triclinic: Ewald %.8f eV, direct %.8f eV, rel %.2g (seed %d)%n", ewald, direct,
                Math.abs(ewald - direct) / Math.abs(ewald), seed);
        assertThat(direct).as("seed %d", seed).isCloseTo(ewald, Offset.offset(2e-6 * Math.abs(ewald)));
    }

    static double directSum(Lattice lat, double[] x, double[] q, double rMax) {
        double[][] h = lat.rows();
        int m = (int) Math.ceil(rMax / lat.minPerpendicularWidth()) + 1;
        double e = 0;
        for (int a = -m; a <= m; a++) for (int b = -m; b <= m; b++) for (int c = -m; c <= m; c++) {
            double sx = a * h[0][0] + b * h[1][0] + c * h[2][0];
            double sy = a * h[0][1] + b * h[1][1] + c * h[2][1];
            double sz = a * h[0][2] + b * h[1][2] + c * h[2][2];
            double t = Math.sqrt(sx * sx + sy * sy + sz * sz) / rMax;
            if (t > 1) continue;
            double w = t < 0.5 ? 1 : 0.5 * (1 + Math.cos(Math.PI * (t - 0.5) / 0.5));
            for (int i = 0; i < q.length; i++) for (int j = 0; j < q.length; j++) {
                if (a == 0 && b == 0 && c == 0 && i == j) continue;
                double ddx = x[3 * j] + sx - x[3 * i], ddy = x[3 * j + 1] + sy - x[3 * i + 1], ddz = x[3 * j + 2] + sz - x[3 * i + 2];
                e += w * 0.5 * q[i] * q[j] / Math.sqrt(ddx * ddx + ddy * ddy + ddz * ddz);
            }
        }
        return e * Units.COULOMB_EV_ANGSTROM;
    }

    /** α and kmax as LAMMPS 29Sep2021 prints them for the 270-atom x = 1 cell (log: G vector 0.43..., kmax 6). */
    @Test
    void parametersFollowLammps() {
        Structure s = TestCells.antiperovskite(1, 3, 1, 0);
        Topology top = Topology.build(TestCells.model(), s);
        double q2 = 0;
        for (double c : top.charge) q2 += c * c;
        EwaldSum.Parameters p = EwaldSum.lammpsParameters(1e-5, 7.0, s.size(), q2, new Cell(s.lattice()));
        System.out.println("Ewald " + p);
        assertThat(p.alpha()).isBetween(0.40, 0.47);
        assertThat(p.kx()).isEqualTo(p.ky()).isEqualTo(p.kz());
    }

    @Test
    void badForceFieldKeysAreNamed() {
        assertThatThrownBy(() -> ForceField.parse("{\"name\":\"x\",\"species\":[{\"name\":\"Na\",\"element\":\"Na\"}],"
                + "\"pairs\":[],\"cutoff\":7,\"ewald_accuracy\":1e-5}", "f.json"))
                .isInstanceOf(InputException.class).hasMessageContaining("species[0].charge");
        assertThatThrownBy(() -> ForceField.parse("{\"name\":\"x\",\"species\":[{\"name\":\"Na\",\"element\":\"Na\",\"charge\":1}],"
                + "\"pairs\":[{\"species\":[\"Na\",\"Cl\"],\"style\":\"buckingham\",\"A\":1,\"rho\":1}],\"cutoff\":7,\"ewald_accuracy\":1e-5}", "f.json"))
                .isInstanceOf(InputException.class).hasMessageContaining("pairs[0].species").hasMessageContaining("Cl");
        assertThatThrownBy(() -> ForceField.parse("{\"name\":\"x\",\"cutof\":7}", "f.json"))
                .isInstanceOf(InputException.class).hasMessageContaining("'cutof'");
        assertThatThrownBy(() -> ForceField.parse("{\"name\":\"x\",\"species\":[{\"name\":\"Na\",\"element\":\"Na\",\"charge\":1}],"
                + "\"pairs\":[{\"species\":[\"Na\",\"Na\"],\"style\":\"buckingham\",\"A\":1,\"rho\":-1}],\"cutoff\":7,\"ewald_accuracy\":1e-5}", "f.json"))
                .hasMessageContaining("pairs[0].rho");
    }

    @Test
    void bundledModelLoadsByNameAndFindsMolecules() {
        ForceField ff = ForceField.resolve("na-amide-borohydride");
        assertThat(ff.provisional()).isTrue();
        Structure s = TestCells.antiperovskite(0.5, 3, 3, 0.05);
        Topology top = Topology.build(ff, s);
        assertThat(top.totalCharge()).isCloseTo(0, Offset.offset(1e-9));
        long bh4 = top.molecules.stream().filter(m -> m.formula().equals("BH4")).count();
        long nh2 = top.molecules.stream().filter(m -> m.formula().equals("NH2")).count();
        assertThat(bh4).isEqualTo(27);
        assertThat(nh2).isEqualTo(14);
        assertThat(top.bondI).hasSize(27 * 4 + 14 * 2);
        assertThat(top.angleI).hasSize(27 * 6 + 14);
    }

    /**
     * The kernel in use (SIMD when the Vector API is present, with its register-blocked force loop
     * that sums t·k as T0 k_lo + T1 Δk) against the scalar per-atom loop on the same tables: a
     * triclinic cell with 23 random ions (not a multiple of any SIMD width, so the scalar tail runs
     * too). Agreement to 1e-10 relative: both are the same sum in a different order.
     */
    @Test
    void kernelForcesMatchTheScalarLoopOnATriclinicCell() {
        Lattice lat = Lattice.fromRows(new double[][] {{7.3, 0, 0}, {1.1, 6.8, 0}, {-0.7, 0.9, 8.1}});
        SplittableRandom r = new SplittableRandom(7);
        int n = 23;
        double[] q = new double[n], x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            q[i] = i % 2 == 0 ? 1.2 : -1.2 + (i == n - 1 ? 1.2 : 0);
            double a = r.nextDouble(), b = r.nextDouble(), c = r.nextDouble();
            double[][] v = lat.rows();
            for (int d = 0; d < 3; d++) x[3 * i + d] = a * v[0][d] + b * v[1][d] + c * v[2][d];
        }
        Cell cell = new Cell(lat);
        double q2 = 0;
        for (double c : q) q2 += c * c;
        EwaldSum e = new EwaldSum(EwaldSum.lammpsParameters(1e-7, 6.0, n, q2, cell), q, cell, 1);
        e.setCell(cell);
        e.structureFactor(0, 0, n, x, cell);
        e.reduce(new double[6]);
        double[] fk = new double[3 * n], fs = new double[3 * n];
        e.forces(0, n, fk);
        for (int i = 0; i < n; i++) EwaldKernel.Scalar.forceOn(e, i, fs);
        double rms = 0, diff = 0;
        for (int k = 0; k < 3 * n; k++) { rms += fs[k] * fs[k]; diff = Math.max(diff, Math.abs(fk[k] - fs[k])); }
        rms = Math.sqrt(rms / (3 * n));
        System.out.printf("Ewald kernel vs scalar: max |ΔF| %.2e of RMS %.3f eV/Å (%d k-vectors, simd %s)%n", diff, rms, e.kVectorCount(), Simd.enabled());
        assertThat(rms).isGreaterThan(0.1);
        assertThat(diff).isLessThan(1e-10 * rms);
    }
}
