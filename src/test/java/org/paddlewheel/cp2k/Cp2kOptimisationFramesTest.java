package org.paddlewheel.cp2k;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.CliRunner;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Structure;

/**
 * Frames of a stored CP2K CELL_OPT (src/test/resources/cp2k/cellopt: two H2 molecules in a 3.6 x 3.8 x 4.0 Å box,
 * SZV-MOLOPT-GTH, 150 Ry, BFGS; output cut in the middle of the fifth evaluation's SCF). Steps 0–3 come back
 * (the cut evaluation counted as incomplete): step 0 at the start structure and cell, steps 1–3 at the
 * trajectory's positions and the .cell file's cells, energies equal to the trajectory's E. Physics: along a step
 * the energy change must match the work of the printed forces and stress, ΔE ≈ −½(F_k + F_k+1)·δ + V̄ σ̄:ε
 * (δ the internal displacement after removing the homogeneous strain ε of the cell; σ in ASE's sign), which ties
 * positions, forces, stress, units and signs to the right evaluation; tolerance 20 % of |ΔE| + 2 meV for a
 * trapezoid rule over BFGS steps (measured: step 0→1 −0.871 eV against −0.727, 1→2 −0.0155 against −0.0138, 2→3
 * −0.0236 against −0.0238). Pairing frames off by one step, or flipping the sign of forces and stress, breaks it.
 */
class Cp2kOptimisationFramesTest {
    @TempDir
    Path tmp;

    private Path stored() throws Exception {
        Path d = tmp.resolve("cellopt");
        Files.createDirectories(d);
        for (String f : List.of("relax.out.gz", "relax-pos-1.xyz", "relax-1.cell", "start.extxyz")) {
            try (var in = getClass().getResourceAsStream("/cp2k/cellopt/" + f)) {
                Files.copy(in, d.resolve(f));
            }
        }
        return d;
    }

    @Test
    void stepsOfACellOptimisationWithConsistentEnergiesForcesAndStress() throws Exception {
        Path d = stored();
        Structure start = Formats.readStructure(d.resolve("start.extxyz"), null);
        var r = Cp2kOptimisationFrames.read(d, "relax", start, "relax-h2", "cellopt/relax.out", 0);
        System.out.println("relax frames: " + Cp2kOptimisationFrames.summary(r));
        assertThat(r.frames()).hasSize(4);
        assertThat(r.incomplete()).isEqualTo(1);
        assertThat(r.frames().get(0).structure().positions()).containsExactly(start.positions(), within(1e-12));
        assertThat(r.frames().get(0).structure().lattice().rowMajor()).containsExactly(start.lattice().rowMajor(), within(1e-12));
        assertThat(r.frames().get(1).structure().lattice().rowMajor()[0]).isCloseTo(3.5768480609, within(1e-9));
        assertThat(r.frames().get(3).info()).containsEntry("source", "cellopt/relax.out#3").containsEntry("config_type", "relax-h2");
        // the grid and nominal cut-off each step was computed with (the stored run: 75 Ha = 150 Ry, a 27 x 27 x 30 finest grid),
        // which the GPW cut-off correction needs: the nominal cut-off as the correction reads it, and the grid as printed
        for (var f : r.frames()) {
            assertThat(GpwGrid.nominalCutoffRy(f.info())).isEqualTo(150.0);
            assertThat(GpwGrid.ofFrame(f.info(), f.structure().lattice().rows())).containsExactly(27, 27, 30);
        }
        for (int k = 0; k + 1 < r.frames().size(); k++) {
            var a = r.frames().get(k);
            var b = r.frames().get(k + 1);
            double de = b.energyEv() - a.energyEv(), work = work(a, b);
            System.out.printf("step %d→%d: ΔE %.5f eV, work estimate %.5f eV%n", k, k + 1, de, work);
            assertThat(work).isCloseTo(de, within(0.2 * Math.abs(de) + 2e-3));
        }
        // controls: pairing off by one step (the energy change of step 2→3 against the work along 1→2) and the
        // forces' and stress's sign flipped (−work) both fail the same tolerance
        double de23 = r.frames().get(3).energyEv() - r.frames().get(2).energyEv(), w12 = work(r.frames().get(1), r.frames().get(2));
        assertThat(Math.abs(w12 - de23)).isGreaterThan(0.2 * Math.abs(de23) + 2e-3);
        double w23 = work(r.frames().get(2), r.frames().get(3));
        assertThat(Math.abs(-w23 - de23)).isGreaterThan(0.2 * Math.abs(de23) + 2e-3);

        // the same folder as a resumed cell optimisation (&EXT_RESTART in its input): cells cannot be paired by step, so
        // everything is left out and counted
        Path resumed = tmp.resolve("resumed");
        Files.createDirectories(resumed);
        try (var files = Files.list(d)) {
            for (Path f : files.toList()) Files.copy(f, resumed.resolve(f.getFileName()));
        }
        Files.writeString(resumed.resolve("relax.inp"), "&GLOBAL\n  PROJECT relax\n  RUN_TYPE CELL_OPT\n&END GLOBAL\n&EXT_RESTART\n"
                + "  RESTART_FILE_NAME relax-1.restart\n&END EXT_RESTART\n");
        var rr = Cp2kOptimisationFrames.read(resumed, "relax", start, "relax-h2", "cellopt/relax.out", 0);
        assertThat(rr.frames()).isEmpty();
        assertThat(rr.resumedLeftOut()).isEqualTo(rr.evaluations()).isPositive();
        assertThat(Cp2kOptimisationFrames.summary(rr)).contains("resumed");
        // as a resumed GEO_OPT (fixed cell) its steps are paired by energy instead: the same positions and energies as the
        // fresh run's step pairing (step 0, the start, is not claimed: a resumed run's step 0 is its restart geometry), the
        // start's cell, marked as resumed
        Files.writeString(resumed.resolve("relax.inp"), "&GLOBAL\n  PROJECT relax\n  RUN_TYPE GEO_OPT\n&END GLOBAL\n&EXT_RESTART\n"
                + "  RESTART_FILE_NAME relax-1.restart\n&END EXT_RESTART\n");
        var rg = Cp2kOptimisationFrames.read(resumed, "relax", start, "relax-h2", "cellopt/relax.out", 0);
        assertThat(rg.resumedLeftOut()).isZero();
        var fresh = r.frames().stream().filter(f -> !f.info().get("optimisation_step").equals("0")).toList();
        assertThat(rg.frames()).hasSize(fresh.size()).isNotEmpty();
        for (int k = 0; k < fresh.size(); k++) {
            assertThat(rg.frames().get(k).energyEv()).isEqualTo(fresh.get(k).energyEv());
            assertThat(rg.frames().get(k).structure().positions()).containsExactly(fresh.get(k).structure().positions());
            assertThat(rg.frames().get(k).structure().lattice().rowMajor()).containsExactly(start.lattice().rowMajor());
            assertThat(rg.frames().get(k).info()).containsEntry("optimisation_run", "resumed");
        }
        // and a frame whose energy names two different geometries is not claimed
        var frames = Cp2kOptimisationFrames.trajectory(resumed.resolve("relax-pos-1.xyz")).stream()
                .map(Cp2kOptimisationFrames.TrajectoryFrame::energyAndPositions).toList();
        double[] twin = frames.get(1).clone();
        twin[1] += 0.1;
        assertThat(Cp2kOptimisationFrames.byEnergy(java.util.List.of(frames.get(1), twin), frames.get(1)[0])).isNull();
        assertThat(Cp2kOptimisationFrames.byEnergy(java.util.List.of(frames.get(1), frames.get(1).clone()), frames.get(1)[0])).isNotNull();

        Path out = tmp.resolve("frames.extxyz");
        var cli = CliRunner.run("dft", "relax-frames", d.toString(), "-i", d.resolve("start.extxyz").toString(), "--min-step", "0", "-o", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(0);
        assertThat(LabelledXyz.read(out)).hasSize(4);
        var thin = CliRunner.run("dft", "relax-frames", d.toString(), "--min-step", "5", "-o", tmp.resolve("thin.extxyz").toString());
        assertThat(thin.exitCode()).as(thin.err()).isEqualTo(0);
        assertThat(LabelledXyz.read(tmp.resolve("thin.extxyz"))).as("without a start: steps 1-3, thinned to the first").hasSize(1);
        var none = CliRunner.run("dft", "relax-frames", tmp.toString(), "-o", tmp.resolve("none.extxyz").toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(tmp.resolve("none.extxyz")).doesNotExist();
    }

    /** −½(F_a + F_b)·δ + V̄ σ̄:ε for the step from a to b (ε from the cells, δ = x_b − (I+ε)x_a, minimum image). */
    static double work(LabelledXyz.Labelled a, LabelledXyz.Labelled b) {
        double[] ha = a.structure().lattice().rowMajor(), hb = b.structure().lattice().rowMajor();
        // rows are cell vectors: hb = ha (I + ε)ᵀ → (I + ε)ᵀ = ha⁻¹ hb
        double[] m = mul(inv(ha), hb);
        double[] eps = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) eps[3 * i + j] = 0.5 * (m[3 * j + i] + m[3 * i + j]) - (i == j ? 1 : 0);
        double[] xa = a.structure().positions(), xb = b.structure().positions(), fa = a.forcesEvPerA(), fb = b.forcesEvPerA();
        double w = 0;
        double[] hbInv = inv(hb);
        for (int n = 0; n < xa.length / 3; n++) {
            double[] p = new double[3];
            for (int i = 0; i < 3; i++) { p[i] = xa[3 * n + i]; for (int j = 0; j < 3; j++) p[i] += eps[3 * i + j] * xa[3 * n + j]; }
            double[] d = {xb[3 * n] - p[0], xb[3 * n + 1] - p[1], xb[3 * n + 2] - p[2]};
            double[] f = {d[0] * hbInv[0] + d[1] * hbInv[3] + d[2] * hbInv[6], d[0] * hbInv[1] + d[1] * hbInv[4] + d[2] * hbInv[7],
                d[0] * hbInv[2] + d[1] * hbInv[5] + d[2] * hbInv[8]};
            for (int i = 0; i < 3; i++) f[i] -= Math.rint(f[i]);
            for (int i = 0; i < 3; i++) d[i] = f[0] * hb[i] + f[1] * hb[3 + i] + f[2] * hb[6 + i];
            for (int i = 0; i < 3; i++) w -= 0.5 * (fa[3 * n + i] + fb[3 * n + i]) * d[i];
        }
        double v = 0.5 * (a.structure().lattice().volume() + b.structure().lattice().volume());
        for (int k = 0; k < 9; k++) w += v * 0.5 * (a.stressEvPerA3()[k] + b.stressEvPerA3()[k]) * eps[k];
        return w;
    }

    private static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) c[3 * i + j] += a[3 * i + k] * b[3 * k + j];
        return c;
    }

    private static double[] inv(double[] m) {
        double d = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
        return new double[] {(m[4] * m[8] - m[5] * m[7]) / d, -(m[1] * m[8] - m[2] * m[7]) / d, (m[1] * m[5] - m[2] * m[4]) / d,
            -(m[3] * m[8] - m[5] * m[6]) / d, (m[0] * m[8] - m[2] * m[6]) / d, -(m[0] * m[5] - m[2] * m[3]) / d,
            (m[3] * m[7] - m[4] * m[6]) / d, -(m[0] * m[7] - m[1] * m[6]) / d, (m[0] * m[4] - m[1] * m[3]) / d};
    }
}
