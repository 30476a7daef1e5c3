package org.paddlewheel.md;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.forcefield.TestCells;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

/** Integrator physics on the provisional x = 1 antiperovskite model. */
class MdPhysicsTest {
    static MdState state(Structure s, Topology top, boolean[] mobile) {
        return new MdState(s.positions(), top.mass, mobile, new Cell(s.lattice()));
    }

    static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    /** Relaxes the hand-built cell with 200 steps of strongly damped Langevin dynamics at 50 K. */
    static void settle(MdState st, ForceEngine eng, long seed) {
        Rng rng = new Rng(seed);
        st.computeForces(eng);
        LangevinThermostat l = new LangevinThermostat(0.5, 50, 50, st.mass, rng);
        for (int k = 0; k < 300; k++) l.step(st, eng);
    }

    @Test
    void timingProbe() {
        Structure s = TestCells.antiperovskite(1, 3, 1, 0.05);
        Topology top = Topology.build(TestCells.model(), s);
        MdState st = state(s, top, all(s.size()));
        try (ForceEngine eng = new ForceEngine(top, st.cell, ForceEngine.Options.defaults())) {
            for (int k = 0; k < 300; k++) st.computeForces(eng);
            long t0 = System.nanoTime();
            for (int k = 0; k < 1000; k++) st.computeForces(eng);
            System.out.printf("force evaluation: %.3f ms, pairs %d%n", (System.nanoTime() - t0) / 1e6 / 1000, eng.neighbourList().pairCount());
        }
    }

    /**
     * NVE at 0.5 fs: |drift| of the total energy below 1e-4 eV/atom/ps over 2 ps, momentum stays 0,
     * with Ewald and with PME (whose mesh forces are not pairwise: without the net-force removal the
     * momentum reached 0.011 amu Å/fs here, measured).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = ForceEngine.KSpace.class, names = {"EWALD", "PME"})
    void nveConservesEnergyAndMomentum(ForceEngine.KSpace kspace) {
        long seed = 3;
        Structure s = TestCells.antiperovskite(1, 3, seed, 0.02);
        Topology top = Topology.build(TestCells.model(), s);
        MdState st = state(s, top, all(s.size()));
        try (ForceEngine eng = new ForceEngine(top, st.cell, ForceEngine.Options.defaults().withKSpace(kspace))) {
            settle(st, eng, seed);
            MaxwellBoltzmann.assign(st, 300, new Rng(seed), true);
            st.computeForces(eng);
            VelocityVerlet vv = new VelocityVerlet(0.5);
            int steps = 4000;
            double[] t = new double[steps / 20], e = new double[steps / 20];
            double maxP = 0;
            for (int k = 0; k < steps; k++) {
                vv.step(st, eng);
                if (k % 20 == 0) {
                    t[k / 20] = k * 0.5e-3;
                    e[k / 20] = st.epot + st.kineticEnergy();
                }
                for (int d = 0; d < 3; d++) maxP = Math.max(maxP, Math.abs(st.momentum(d)));
            }
            double slope = slope(t, e) / s.size();
            double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
            for (double v : e) { min = Math.min(min, v); max = Math.max(max, v); }
            System.out.printf(kspace + " NVE 270 atoms 2 ps: drift %.3g eV/atom/ps, fluctuation %.3g eV, T %.1f K, max|P| %.2g amu Å/fs%n",
                    slope, max - min, st.temperature(true), maxP);
            assertThat(Math.abs(slope)).as("seed %d", seed).isLessThan(1e-4);
            // total momentum: each step adds only rounding (Newton's third law holds pairwise)
            assertThat(maxP).as("seed %d", seed).isLessThan(1e-9);
        }
    }

    static double slope(double[] t, double[] y) {
        double mt = 0, my = 0;
        for (int i = 0; i < t.length; i++) { mt += t[i]; my += y[i]; }
        mt /= t.length; my /= t.length;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < t.length; i++) { sxy += (t[i] - mt) * (y[i] - my); sxx += (t[i] - mt) * (t[i] - mt); }
        return sxy / sxx;
    }

    /**
     * Langevin (BAOAB, γ = 10 ps⁻¹) at 500 K: the mean temperature over 1.5 ps after 0.5 ps matches
     * 500 K within 3 % (the standard error of T for 3N = 810 DOF and ~30 independent samples is
     * ~1 %), and the H speeds follow the Maxwell–Boltzmann distribution: Kolmogorov–Smirnov
     * distance below 0.05 (many correlated samples; 1.36/√n_eff with n_eff ≈ 108 H × 15 ≈ 1600 is 0.034).
     * Frozen Na atoms do not move at all.
     */
    @Test
    void langevinSamplesTargetTemperatureAndSpeeds() {
        long seed = 5;
        Structure s = TestCells.antiperovskite(1, 3, seed, 0.02);
        Topology top = Topology.build(TestCells.model(), s);
        boolean[] mobile = all(s.size());
        for (int i = 0; i < s.size(); i++) if (s.species(i).symbol().equals("Na")) mobile[i] = false;
        MdState st = state(s, top, mobile);
        double[] x0 = st.x.clone();
        Rng rng = new Rng(seed);
        double target = 500;
        try (ForceEngine eng = new ForceEngine(top, st.cell, ForceEngine.Options.defaults())) {
            st.computeForces(eng);
            MaxwellBoltzmann.assign(st, target, rng, false);
            LangevinThermostat l = new LangevinThermostat(0.5, target, 10, st.mass, rng);
            for (int k = 0; k < 1000; k++) l.step(st, eng);
            double tsum = 0;
            int nt = 0;
            java.util.ArrayList<Double> speeds = new java.util.ArrayList<>();
            for (int k = 0; k < 3000; k++) {
                l.step(st, eng);
                tsum += st.temperature(false);
                nt++;
                if (k % 200 == 0) {
                    for (int i = 0; i < s.size(); i++) {
                        if (s.species(i).isHydrogen()) {
                            speeds.add(Math.sqrt(st.v[3 * i] * st.v[3 * i] + st.v[3 * i + 1] * st.v[3 * i + 1] + st.v[3 * i + 2] * st.v[3 * i + 2]));
                        }
                    }
                }
            }
            double tMean = tsum / nt;
            double m = 1.008, kT = Units.BOLTZMANN_EV_PER_K * target * Units.ACCELERATION_EV_PER_A_AMU_TO_A_PER_FS2;
            double a = Math.sqrt(kT / m);
            double[] v = speeds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double ks = 0;
            for (int i = 0; i < v.length; i++) {
                double u = v[i] / a;
                double cdf = org.hipparchus.special.Erf.erf(u / Math.sqrt(2)) - Math.sqrt(2 / Math.PI) * u * Math.exp(-u * u / 2);
                ks = Math.max(ks, Math.max(Math.abs(cdf - (double) i / v.length), Math.abs(cdf - (double) (i + 1) / v.length)));
            }
            System.out.printf("Langevin 500 K: <T> = %.1f K, KS distance of H speeds %.4f (n = %d)%n", tMean, ks, v.length);
            assertThat(tMean).as("seed %d", seed).isBetween(target * 0.97, target * 1.03);
            assertThat(ks).as("seed %d", seed).isLessThan(0.05);
            for (int i = 0; i < s.size(); i++) {
                if (!mobile[i]) for (int d = 0; d < 3; d++) assertThat(st.x[3 * i + d]).isEqualTo(x0[3 * i + d]);
            }
        }
    }

    /**
     * With nothing frozen the Langevin crystal must not random-walk: its centre of mass stays put
     * (plain BAOAB gives D_com = k_B T/(M γ), here ≈ 2e-6 cm²/s, i.e. an RMS drift of ≈ 0.1 Å over
     * these 1,500 steps — the rounding-level bound of 1e-9 Å is 8 orders below) while the internal
     * temperature, on 3N − 3 degrees of freedom, still reaches the target.
     */
    @Test
    void langevinWithoutFrozenAtomsKeepsTheCentreOfMassFixed() {
        long seed = 9;
        Structure s = TestCells.antiperovskite(1, 3, seed, 0.02);
        Topology top = Topology.build(TestCells.model(), s);
        MdState st = state(s, top, all(s.size()));
        Rng rng = new Rng(seed);
        double target = 500;
        try (ForceEngine eng = new ForceEngine(top, st.cell, ForceEngine.Options.defaults())) {
            st.computeForces(eng);
            MaxwellBoltzmann.assign(st, target, rng, true);
            double[] com0 = centreOfMass(st);
            LangevinThermostat l = new LangevinThermostat(0.5, target, 10, st.mass, rng);
            assertThat(l.conservesMomentum()).isTrue();
            double tsum = 0;
            for (int k = 0; k < 1500; k++) {
                l.step(st, eng);
                if (k >= 500) tsum += st.temperature(true);
            }
            double[] com = centreOfMass(st);
            for (int d = 0; d < 3; d++) {
                assertThat(Math.abs(com[d] - com0[d])).as("COM drift along %d, seed %d", d, seed).isLessThan(1e-9);
                assertThat(Math.abs(st.momentum(d))).as("momentum %d", d).isLessThan(1e-9);
            }
            // 270 atoms: σ_T/T = √(2/(3N)) ≈ 5 % per step; 1,000 steps hold ≈ 5 independent samples
            // (correlation time ≈ 1/γ = 200 steps), so the mean is within 3σ ≈ 7 % of the target.
            assertThat(tsum / 1000).as("seed %d", seed).isBetween(target * 0.93, target * 1.07);
        }
    }

    private static double[] centreOfMass(MdState st) {
        double[] c = new double[3];
        double m = 0;
        for (int i = 0; i < st.n; i++) {
            for (int d = 0; d < 3; d++) c[d] += st.mass[i] * st.x[3 * i + d];
            m += st.mass[i];
        }
        for (int d = 0; d < 3; d++) c[d] /= m;
        return c;
    }
}
