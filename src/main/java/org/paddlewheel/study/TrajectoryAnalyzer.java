package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paddlewheel.analysis.AnalysisConfig;
import org.paddlewheel.analysis.Diffusivity;
import org.paddlewheel.analysis.HopDetector;
import org.paddlewheel.analysis.LatticeStability;
import org.paddlewheel.analysis.HopRotationCoupling;
import org.paddlewheel.analysis.OrientationSampler;
import org.paddlewheel.analysis.StretchedExponentialFit;
import org.paddlewheel.analysis.TrajectoryAnalysis;
import org.paddlewheel.build.AntiperovskiteBuilder;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.TrajectoryReader;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.MoleculeFinder;
import org.paddlewheel.model.Structure;

/**
 * Analyses a real run's {@code trajectory.extxyz} (production only) with the
 * {@code org.paddlewheel.analysis} library, in one streaming pass and with the defaults of
 * {@code paddlewheel analyze} ({@link AnalysisConfig}, docs/summary-json.md): Na MSD and D with block errors (5 blocks,
 * default fit window), Nernst–Einstein σ at the spec's temperature (formal charge +1), C1 of every
 * anion kind with the KWW mean time τ̄ and its lower-bound flag, hops, and hop–rotation coupling
 * (4 Å cut-off, ±0.25 ps hop window, 200 random-time controls per hop, seeded by the run's seed).
 *
 * <p>Hop sites come from an ideal reference cell with <em>every</em> Na site — the x = 0 cell of
 * the same supercell (the vacancies of x &gt; 0 sit on those face-centre sites; fractional
 * positions, so the lattice parameter does not matter) — passed as the analysis' reference
 * structure, so hops into vacancies are seen. τ̄'s σ comes from {@link RotationGroups}; a τ̄ longer
 * than half the run (a KWW extrapolation) gets σ = NaN, so no claim rests on it. A frozen
 * species contributes nothing: no D for frozen Na, no τ/C1/coupling for a frozen anion kind.
 */
public final class TrajectoryAnalyzer implements RunAnalyzer {
    /** Points kept per stored curve (result.json stays small). */
    static final int CURVE_POINTS = 250;

    @Override
    public String description() {
        return "org.paddlewheel.analysis TrajectoryAnalysis (MSD/D with 5-block errors, Nernst-Einstein sigma, C1 + KWW tau,"
                + " hops vs all ideal Na sites, hop-rotation coupling); tau sigma from 4 anion groups";
    }

    /** The reference structure holding every Na site of the spec's supercell (the x = 0 cell; every Pbcm face site). */
    public static Structure allSitesReference(RunSpec s) {
        if (s.isPbcm()) return org.paddlewheel.build.PbcmBuilder.allCationSites(s.supercell(), s.supercell(), 1);
        return new AntiperovskiteBuilder().x(0).supercell(s.supercell(), s.supercell(), s.supercell())
                .latticeParameter(AntiperovskiteBuilder.vegardLatticeParameter(s.x())).seed(s.seed()).build().structure();
    }

    /** The analysis configuration used for a spec with the given anions. */
    static TrajectoryAnalysis.Config config(RunSpec s, List<Molecule> molecules) {
        return AnalysisConfig.builder().mobile(Set.of(Element.NA)).molecules(molecules).reference(allSitesReference(s))
                .temperatureK(s.temperatureK()).frameSpacingFs(s.frameIntervalFs()).seed(s.seed()).density(Set.of()).build();
    }

    @Override
    public RunResult analyse(RunFolder run) throws Exception {
        RunSpec s = run.spec();
        TrajectoryAnalysis.Results r;
        RotationGroups groups;
        try (TrajectoryReader reader = Formats.openTrajectory(run.file(RunFolder.TRAJECTORY), null, s.timestepFs())) {
            if (!reader.hasNext()) throw new InputException(run.file(RunFolder.TRAJECTORY).toString(), 0, "no frames");
            Frame first = reader.next();
            List<Molecule> mols = MoleculeFinder.find(first.structure());
            TrajectoryAnalysis a = new TrajectoryAnalysis(config(s, mols));
            groups = new RotationGroups(mols);
            a.accept(first);
            groups.accept(first.structure());
            while (reader.hasNext()) {
                Frame f = reader.next();
                a.accept(f);
                groups.accept(f.structure());
            }
            r = a.finish();
        }
        // the cell's stability per mobile anion sublattice (a frozen one cannot melt and says nothing)
        Map<String, LatticeStability.Result> stability = new LinkedHashMap<>(r.stability());
        stability.remove(s.frozen().cliName());
        return toResult(run.id(), s, r, groups.sigmaPs(r.timestepFs()), description()).withStability(stability);
    }

    /** Maps the library's results onto a {@link RunResult}. */
    static RunResult toResult(String id, RunSpec s, TrajectoryAnalysis.Results r, Map<String, Double> tauSigmaPs, String analysis) {
        double dtPs = r.timestepFs() / 1000;
        boolean naFree = s.frozen() != Frozen.NA;
        Diffusivity.Result d = r.diffusion().get(Element.NA);
        Estimate dNa = naFree ? new Estimate(d.dCm2PerS(), d.dStdCm2PerS()) : null;
        Double sig = r.conductivitySPerCm().get(Element.NA), sigStd = r.conductivityStdSPerCm().get(Element.NA);
        Estimate sigmaNa = naFree && sig != null ? new Estimate(sig, sigStd) : null;
        RunResult.Curve msd = naFree ? curve(d.msdTotalA2(), dtPs) : null;
        Map<String, Estimate> tau = new LinkedHashMap<>();
        Map<String, Boolean> lower = new LinkedHashMap<>();
        Map<String, RunResult.Curve> c1 = new LinkedHashMap<>();
        for (String kind : r.rotationFits().keySet()) {
            if (kind.equals(s.frozen().cliName())) continue;
            StretchedExponentialFit.Result f = r.rotationFits().get(kind).get(OrientationSampler.Vector.LIGAND)[0];
            // τ̄ beyond the observed window (half the run) is a KWW extrapolation: value kept, σ unknown (NaN)
            double windowPs = (r.frames() / 2) * dtPs;
            double sigma = f.isLowerBound() ? 0 : f.meanTauFs() / 1000 > windowPs ? Double.NaN : tauSigmaPs.getOrDefault(kind, Double.NaN);
            tau.put(kind, new Estimate(f.meanTauFs() / 1000, sigma));
            lower.put(kind, f.isLowerBound());
            c1.put(kind, curve(r.rotation().get(kind).get(OrientationSampler.Vector.LIGAND).c1(), dtPs));
        }
        int nNa = 0;
        for (Element e : r.mobileSpecies()) if (e == Element.NA) nNa++;
        int hops = 0;
        for (HopDetector.Hop h : r.hops()) if (r.mobileSpecies()[h.atom()] == Element.NA) hops++;
        double durationPs = (r.frames() - 1) * dtPs;
        double rate = nNa > 0 && durationPs > 0 ? hops / (nNa * durationPs) : Double.NaN;
        Map<String, RunResult.Coupling> coupling = new LinkedHashMap<>();
        for (Map.Entry<String, HopRotationCoupling.Result> e : r.coupling().entrySet()) {
            HopRotationCoupling.Result c = e.getValue();
            if (e.getKey().equals(s.frozen().cliName()) || c.events() == 0) continue;
            double diff = c.hopRotationDeg() - c.controlRotationDeg();
            double std = Double.isFinite(c.z()) && c.z() != 0 ? Math.abs(diff / c.z()) : Double.NaN;
            coupling.put(e.getKey(), new RunResult.Coupling(c.hopRotationDeg(), c.controlRotationDeg(), std, c.z(), c.pValue(), c.events()));
        }
        return new RunResult(id, s, analysis, dNa, sigmaNa, tau, msd, c1, hops, coupling, hopTrace(r, s), lower, rate)
                .withCageRatio(naFree ? cageRatio(d, r.siteSpacingA()) : null);
    }

    /**
     * The Na MSD at the end of the D fit window over the squared site spacing, as {@code analyze}'s {@code cage_regime}
     * flag measures it (docs/summary-json.md); null when either is unknown.
     */
    static Double cageRatio(Diffusivity.Result d, double spacingA) {
        double msd = d.msdAtFitEndA2();
        if (!Double.isFinite(spacingA) || spacingA <= 0 || !Double.isFinite(msd)) return null;
        return msd / (spacingA * spacingA);
    }

    /** One representative hop: the NH2 coupling's example event (else BH4's), with every kind that chose the same hop. */
    static RunResult.HopTrace hopTrace(TrajectoryAnalysis.Results r, RunSpec s) {
        HopRotationCoupling.Result main = null;
        for (String kind : List.of("NH2", "BH4")) {
            HopRotationCoupling.Result c = r.coupling().get(kind);
            if (main == null && c != null && c.events() > 0 && c.exampleHop() != null && !kind.equals(s.frozen().cliName())) main = c;
        }
        if (main == null) return null;
        double[] t = new double[main.profileTimeFs().length];
        for (int i = 0; i < t.length; i++) t[i] = main.profileTimeFs()[i] / 1000;
        Map<String, List<double[]>> angles = new LinkedHashMap<>();
        for (Map.Entry<String, HopRotationCoupling.Result> e : r.coupling().entrySet()) {
            HopRotationCoupling.Result c = e.getValue();
            if (e.getKey().equals(s.frozen().cliName()) || c.events() == 0 || !main.exampleHop().equals(c.exampleHop())) continue;
            List<double[]> rows = new ArrayList<>();
            for (double[] a : c.exampleAnionDeg()) rows.add(a.clone());
            if (!rows.isEmpty()) angles.put(e.getKey(), rows);
        }
        return new RunResult.HopTrace(t, main.exampleCationA().clone(), angles);
    }

    /** The first half of a lag curve (the reliable lags), thinned to at most {@link #CURVE_POINTS} points. */
    static RunResult.Curve curve(double[] y, double dtPs) {
        int half = Math.max(2, y.length / 2);
        int stride = Math.max(1, (int) Math.ceil(half / (double) CURVE_POINTS));
        int n = (half + stride - 1) / stride;
        double[] t = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) { t[i] = i * stride * dtPs; v[i] = y[i * stride]; }
        return new RunResult.Curve(t, v);
    }
}
