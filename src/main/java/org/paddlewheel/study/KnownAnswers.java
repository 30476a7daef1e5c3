package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.paddlewheel.model.Units;

/**
 * The fake engine's made-up physics: closed-form "true" Na diffusivity and C1 rotational times
 * for a run spec, shaped like the paper's claims so every claim of the report has something to
 * decide (D rises with x; BH4 rotates faster than NH2 and ignores x; NH2 speeds up with x;
 * freezing an anion cuts D_Na twenty-fold; freezing Na or BH4 doubles τ_NH2; hops are
 * synchronous with NH2 rotation only). These numbers say nothing about the real material: they
 * exist so the scheduler, resume and report can be tested end to end against known answers.
 * D in cm²/s, τ in ps, Ea in eV.
 */
public final class KnownAnswers {
    /** Ea of the fake D_Na at composition x, eV (0.34 at x = 0 down to 0.26 at x = 1). */
    public static double eaEv(double x) { return 0.34 - 0.08 * x; }

    /** Prefactor of the fake D_Na, cm²/s. */
    public static final double D0_CM2_PER_S = 1e-3;
    /** Factor on D_Na when either anion is frozen. */
    public static final double FROZEN_ANION_FACTOR = 0.05;
    /** Factor on τ_NH2 when Na or BH4 is frozen. */
    public static final double NH2_SLOWDOWN = 2.0;
    /** Hop distance used to turn D into an expected hop count, Å. */
    public static final double HOP_DISTANCE_A = 3.3;

    private KnownAnswers() {}

    /** True Na diffusivity, cm²/s; 0 when Na is frozen. */
    public static double dNa(RunSpec s) {
        if (s.frozen() == Frozen.NA) return 0;
        double d = D0_CM2_PER_S * Math.exp(-eaEv(s.x()) / (Units.BOLTZMANN_EV_PER_K * s.temperatureK()));
        return s.frozen() == Frozen.NH2 || s.frozen() == Frozen.BH4 ? d * FROZEN_ANION_FACTOR : d;
    }

    /** True BH4 C1 time, ps (insensitive to x and to freezing others). */
    public static double tauBh4Ps(RunSpec s) {
        return 0.05 * Math.exp(0.10 / (Units.BOLTZMANN_EV_PER_K * s.temperatureK()));
    }

    /** True NH2 C1 time, ps (faster with x, slower when Na or BH4 is frozen). */
    public static double tauNh2Ps(RunSpec s) {
        double t = 0.08 * Math.exp(0.12 / (Units.BOLTZMANN_EV_PER_K * s.temperatureK())) / (0.3 + 0.7 * s.x());
        return s.frozen() == Frozen.NA || s.frozen() == Frozen.BH4 ? t * NH2_SLOWDOWN : t;
    }

    /** Expected Na hops in production: N_Na·6·D·t / a². */
    static double expectedHops(RunSpec s, int nNa) {
        double dA2PerFs = dNa(s) * (1 / Units.A2_PER_FS_TO_CM2_PER_S);
        return nNa * 6 * dA2PerFs * s.productionFs() / (HOP_DISTANCE_A * HOP_DISTANCE_A);
    }

    /**
     * What an analysis of a run of this length would plausibly report: the truth with a seeded
     * Gaussian error of the size finite sampling gives (σ_D/D = 1/√hops, at least 5 %;
     * σ_τ/τ = 1/√(anions·t/τ), at least 3 %; both at most 100 %), plus the curves and a synthetic hop.
     */
    static RunResult measured(String runId, RunSpec s, int nNa, int nBh4, int nNh2, double volumeA3) {
        SplittableRandom rng = new SplittableRandom(s.seed() * 7919 + Double.hashCode(s.temperatureK()) * 31L
                + Double.hashCode(s.x()) + s.frozen().ordinal());
        double tPs = s.productionFs() / 1000;
        Estimate d = null, sigma = null;
        RunResult.Curve msd = null;
        double hopsExpected = 0;
        if (s.frozen() != Frozen.NA) {
            hopsExpected = expectedHops(s, nNa);
            d = noisy(dNa(s), Math.max(0.05, 1 / Math.sqrt(Math.max(hopsExpected, 1e-9))), rng);
            double ne = nernstEinstein(nNa, volumeA3, s.temperatureK());
            sigma = new Estimate(d.value() * ne, d.sigma() * ne);
            double dA2PerPs = dNa(s) * (1 / Units.A2_PER_FS_TO_CM2_PER_S) * 1000;
            msd = curve(tPs / 2, t -> 0.3 * (1 - Math.exp(-t / 0.05)) + 6 * dA2PerPs * t);
        }
        Map<String, Estimate> tau = new LinkedHashMap<>();
        Map<String, RunResult.Curve> c1 = new LinkedHashMap<>();
        if (s.frozen() != Frozen.BH4 && nBh4 > 0) addTau("BH4", tauBh4Ps(s), nBh4, tPs, rng, tau, c1);
        if (s.frozen() != Frozen.NH2 && nNh2 > 0) addTau("NH2", tauNh2Ps(s), nNh2, tPs, rng, tau, c1);
        int hops = (int) Math.round(hopsExpected);
        Map<String, RunResult.Coupling> coupling = new LinkedHashMap<>();
        if (hops > 0) {
            double err = 20 / Math.sqrt(hops);
            if (tau.containsKey("NH2")) coupling.put("NH2", coupling(25, err, hops, rng));
            if (tau.containsKey("BH4")) coupling.put("BH4", coupling(0, err, hops, rng));
        }
        RunResult.HopTrace trace = hops > 0 ? hopTrace(s, tau, rng) : null;
        Map<String, org.paddlewheel.analysis.LatticeStability.Result> stable = new LinkedHashMap<>();
        for (String kind : tau.keySet()) stable.put(kind, STABLE_CRYSTAL);
        return new RunResult(runId, s, "known answers of the fake engine (synthetic; not a measurement)",
                d, sigma, tau, msd, c1, hops, coupling, trace, Map.of(), Double.NaN, stable);
    }

    /** The fake engine's cells never melt: Lindemann 0.05, anion-centre MSD 0.2 Å², cell drift 0.5 %. */
    public static final org.paddlewheel.analysis.LatticeStability.Result STABLE_CRYSTAL =
            new org.paddlewheel.analysis.LatticeStability.Result(8, 0.2, 0.05, 4.7, 0.005);

    /** σ/D for Nernst–Einstein: N q² / (V k T), S/cm per cm²/s. */
    static double nernstEinstein(int n, double volumeA3, double temperatureK) {
        double vCm3 = volumeA3 * 1e-24;
        double q = Units.ELEMENTARY_CHARGE_C;
        return n / vCm3 * q * q / (Units.BOLTZMANN_J_PER_K * temperatureK);
    }

    private static void addTau(String kind, double tau, int n, double tPs, SplittableRandom rng,
                               Map<String, Estimate> out, Map<String, RunResult.Curve> curves) {
        out.put(kind, noisy(tau, Math.max(0.03, 1 / Math.sqrt(n * tPs / tau)), rng));
        curves.put(kind, curve(Math.min(tPs / 2, 6 * tau), t -> Math.exp(-t / tau)));
    }

    private static RunResult.Coupling coupling(double excessDeg, double errDeg, int hops, SplittableRandom rng) {
        double control = 30;
        double score = control + excessDeg + errDeg * gaussian(rng);
        double z = (score - control) / errDeg;
        double p = 0.5 * org.hipparchus.special.Erf.erfc(z / Math.sqrt(2));
        return new RunResult.Coupling(score, control, errDeg, z, p, hops);
    }

    private static RunResult.HopTrace hopTrace(RunSpec s, Map<String, Estimate> tau, SplittableRandom rng) {
        int n = 121;
        double[] t = new double[n], na = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = -1.5 + 3.0 * i / (n - 1);
            na[i] = HOP_DISTANCE_A / (1 + Math.exp(-t[i] / 0.08)) + 0.15 * gaussian(rng);
        }
        Map<String, List<double[]>> angles = new LinkedHashMap<>();
        if (tau.containsKey("NH2")) {
            List<double[]> l = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                double[] a = new double[n];
                double amp = 90 + 30 * k;
                for (int i = 0; i < n; i++) a[i] = amp / (1 + Math.exp(-t[i] / 0.1)) + 6 * gaussian(rng);
                l.add(a);
            }
            angles.put("NH2", l);
        }
        if (tau.containsKey("BH4")) {
            List<double[]> l = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                double[] a = new double[n];
                double step = 60 * Math.sqrt((t[1] - t[0]) / tau.get("BH4").value());
                for (int i = 1; i < n; i++) a[i] = Math.abs(a[i - 1] + step * gaussian(rng));
                l.add(a);
            }
            angles.put("BH4", l);
        }
        return new RunResult.HopTrace(t, na, angles);
    }

    private static Estimate noisy(double truth, double rel, SplittableRandom rng) {
        rel = Math.min(rel, 1.0);
        double v = truth * Math.exp(rel * gaussian(rng) - rel * rel / 2);
        return new Estimate(v, v * rel);
    }

    private static RunResult.Curve curve(double tMaxPs, java.util.function.DoubleUnaryOperator f) {
        int n = 100;
        double[] t = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { t[i] = tMaxPs * i / (n - 1); y[i] = f.applyAsDouble(t[i]); }
        return new RunResult.Curve(t, y);
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
