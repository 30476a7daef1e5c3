package org.paddlewheel.analysis;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/**
 * One streaming pass over a trajectory feeding every analysis of {@code paddlewheel analyze}:
 * frames before {@code skipFs} are dropped and then every {@code every}-th frame is kept; per kept
 * frame the mobile ions are unwrapped ({@link Unwrapper}) and stored, the framework centre of mass
 * (the framework if one is chosen, else a watched reference sublattice: {@link Drift}) is stored as a
 * drift series, orientation vectors and centres of every
 * anion kind are stored (and watched for melting: {@link LatticeStability}), hops are detected and density maps accumulated. Only per-atom series are
 * kept (never Frame objects): storage ≈ frames × (24·mobile ions + 12·orientation vectors +
 * 12·anions + 96) bytes, on the heap up to a budget and in a temporary file beyond it
 * ({@link SeriesStore}), so the heap stays flat however long the run. {@link #finish} runs the FFT
 * analyses, returns a {@link Results} and releases the stores.
 */
public final class TrajectoryAnalysis {
    /** Options of the analysis; times fs, lengths Å, temperatures K. NaN = default/unknown. */
    public record Config(Set<Element> mobile, Map<Element, Double> chargesE, Set<Element> framework,
                         List<Molecule> molecules, Structure reference, double temperatureK,
                         double skipFs, int every, double timestepFs, int blocks, double fitStartFs, double fitEndFs,
                         double siteRadiusA, double couplingCutoffA, double couplingHalfWidthFs, double couplingWindowFs,
                         int controlDraws, long seed, Set<Element> densitySpecies, double densitySpacingA,
                         double densitySigmaA, int[] densityFold) {}

    /** Everything computed. */
    public record Results(int frames, double timestepFs, double meanVolumeA3, long unwrapWarnings,
                          Map<Element, Diffusivity.Result> diffusion, Map<Element, IonicConductivity.Collective> collective,
                          Map<Element, Double> conductivitySPerCm, Map<Element, Double> conductivityStdSPerCm,
                          Map<String, Map<OrientationSampler.Vector, RotationalAutocorrelation.Curves>> rotation,
                          Map<String, Map<OrientationSampler.Vector, StretchedExponentialFit.Result[]>> rotationFits,
                          List<HopDetector.Hop> hops, int[] mobileAtoms, Element[] mobileSpecies, double siteRadiusA,
                          Map<String, HopRotationCoupling.Result> coupling, Map<Element, DensityMap> density,
                          Drift drift, Map<String, LatticeStability.Result> stability, SiteFinder.Sites sites, double siteSpacingA,
                          Map<String, QuaternionRotationEvents.Result> rotationEvents) {}

    /**
     * Centre-of-mass motion of a reference sublattice: the {@code --framework} species when given
     * (then subtracted from every mobile ion, {@code removed}), else the heaviest non-mobile,
     * non-hydrogen species, watched but not subtracted. A crystal whose reference sublattice's COM
     * diffuses is drifting as a whole (e.g. a thermostat that does not conserve momentum), and
     * every mobile D then includes that drift. Null when there is no such species.
     *
     * @param dCm2PerS    D of the sublattice centre of mass, cm²/s (block averaging as for the ions)
     * @param dStdCm2PerS its 1σ error, cm²/s
     * @param netA        net displacement of that centre of mass over the run, Å
     */
    public record Drift(List<Element> species, boolean removed, double dCm2PerS, double dStdCm2PerS, double netA) {}

    private final Config cfg;
    private int[] mobileAtoms;
    private Element[] mobileSpecies;
    private Map<Element, int[]> mobileBySpecies;
    private int[] frameworkAtoms;
    private List<Element> driftSpecies;
    private Unwrapper unwrapper;
    private SeriesStore mobileStore;
    private SeriesStore driftStore;
    private SeriesStore latticeStore;
    private final Map<String, OrientationSampler> samplers = new LinkedHashMap<>();
    private final Map<String, Map<OrientationSampler.Vector, SeriesStore>> vectorStores = new LinkedHashMap<>();
    private final Map<String, SeriesStore> centreStores = new LinkedHashMap<>();
    private final Map<String, LatticeStability> stability = new LinkedHashMap<>();
    private final Map<String, List<Molecule>> kinds = new LinkedHashMap<>();
    private HopDetector hops;
    private double[] sitesFractional;
    private final Map<Element, DensityMap> density = new LinkedHashMap<>();
    private double firstTime = Double.NaN, secondTime = Double.NaN, lastKeptTime = Double.NaN;
    private long seen;
    private int kept;
    private double volumeSum;
    private double[] row;

    private boolean automaticSites;
    private SiteFinder.Sites foundSites;

    public TrajectoryAnalysis(Config cfg) { this.cfg = cfg; }

    /**
     * With {@code true} and no reference structure in the config, hop sites are the peaks of the
     * time-averaged mobile-ion density ({@link SiteFinder}), found after the last frame, instead of
     * the ions' first-frame positions (which miss every site vacant at the start). Returns this.
     */
    public TrajectoryAnalysis automaticSites(boolean on) {
        this.automaticSites = on;
        return this;
    }

    /** Also runs Jun et al.'s quaternion rotation-event analysis ({@link QuaternionRotationEvents}) with {@code p}; null: not. Returns this. */
    public TrajectoryAnalysis rotationEvents(QuaternionRotationEvents.Params p) {
        this.rotationEventParams = p;
        return this;
    }

    private QuaternionRotationEvents.Params rotationEventParams;
    private Structure symmetryReference;

    /** Tolerance for a symmetry operation of the {@link #siteSymmetry} reference, Å. */
    public static final double SYMMETRY_TOLERANCE_A = 0.1;

    /**
     * Automatic sites are merged under the symmetry of {@code reference} ({@link SiteSymmetry}; its
     * cell must tile the trajectory's); null: not merged. Returns this.
     */
    public TrajectoryAnalysis siteSymmetry(Structure reference) {
        this.symmetryReference = reference;
        return this;
    }

    private boolean deferredSites() { return automaticSites && cfg.reference() == null; }

    /** Runs over all frames; {@code progress} receives the count of frames read (may be null). */
    public Results run(Iterator<Frame> frames, LongConsumer progress) {
        double start = Double.NaN;
        while (frames.hasNext()) {
            Frame f = frames.next();
            seen++;
            if (progress != null) progress.accept(seen);
            if (Double.isNaN(start)) start = f.timeFs();
            if (f.timeFs() - start < cfg.skipFs() - 1e-9) continue;
            if (skippedCounter++ % Math.max(1, cfg.every()) != 0) continue;
            accept(f);
        }
        return finish();
    }

    private long skippedCounter;

    /** Feeds one kept frame (already filtered by skip/every). */
    public void accept(Frame frame) {
        Structure s = frame.structure();
        if (kept == 0) setUp(s);
        if (kept == 0) firstTime = frame.timeFs();
        else if (kept == 1) secondTime = frame.timeFs();
        lastKeptTime = frame.timeFs();
        unwrapper.accept(s);
        int nm = mobileAtoms.length;
        for (int i = 0; i < nm; i++) for (int k = 0; k < 3; k++) row[3 * i + k] = unwrapper.x(i, k);
        mobileStore.append(row);
        if (driftStore != null) {
            double[] com = new double[3];
            double mass = 0;
            for (int j = 0; j < frameworkAtoms.length; j++) {
                double m = s.species(frameworkAtoms[j]).massAmu();
                for (int k = 0; k < 3; k++) com[k] += m * unwrapper.x(nm + j, k);
                mass += m;
            }
            for (int k = 0; k < 3; k++) com[k] /= mass;
            driftStore.append(com);
        }
        latticeStore.append(s.lattice().rowMajor());
        volumeSum += s.lattice().volume();
        for (Map.Entry<String, OrientationSampler> e : samplers.entrySet()) {
            for (Map.Entry<OrientationSampler.Vector, SeriesStore> v : vectorStores.get(e.getKey()).entrySet()) {
                double[] buf = new double[v.getValue().channels()];
                e.getValue().sample(s, v.getKey(), buf);
                v.getValue().append(buf);
            }
            List<Molecule> ms = kinds.get(e.getKey());
            double[] c = new double[3 * ms.size()];
            for (int m = 0; m < ms.size(); m++) {
                int a = ms.get(m).centre();
                s.lattice().toFractional(s.x(a, 0), s.x(a, 1), s.x(a, 2), c, 3 * m);
            }
            centreStores.get(e.getKey()).append(c);
            stability.get(e.getKey()).accept(s);
        }
        if (hops != null) hops.accept(s);
        for (DensityMap d : density.values()) d.accept(s);
        kept++;
    }

    private void setUp(Structure s) {
        List<Integer> mob = new ArrayList<>();
        mobileBySpecies = new LinkedHashMap<>();
        for (Element e : cfg.mobile()) {
            int[] idx = s.indicesOf(e);
            if (idx.length == 0) throw new InputException("no " + e.symbol() + " atoms in the trajectory (--mobile)");
            mobileBySpecies.put(e, idx);
            for (int i : idx) mob.add(i);
        }
        mobileAtoms = mob.stream().mapToInt(Integer::intValue).toArray();
        mobileSpecies = new Element[mobileAtoms.length];
        for (int i = 0; i < mobileAtoms.length; i++) mobileSpecies[i] = s.species(mobileAtoms[i]);
        List<Integer> fw = new ArrayList<>();
        for (Element e : cfg.framework()) for (int i : s.indicesOf(e)) fw.add(i);
        if (!cfg.framework().isEmpty() && fw.isEmpty()) throw new InputException("framework species " + cfg.framework() + " not present");
        driftSpecies = new ArrayList<>(cfg.framework());
        if (cfg.framework().isEmpty()) {
            // Watch (not remove) the heaviest non-mobile, non-hydrogen sublattice for whole-cell drift.
            Element probe = null;
            for (Element e : s.speciesArray()) {
                if (cfg.mobile().contains(e) || e.isHydrogen()) continue;
                if (probe == null || e.massAmu() > probe.massAmu()) probe = e;
            }
            if (probe != null) {
                driftSpecies.add(probe);
                for (int i : s.indicesOf(probe)) fw.add(i);
            }
        }
        frameworkAtoms = fw.stream().mapToInt(Integer::intValue).toArray();
        int[] all = new int[mobileAtoms.length + frameworkAtoms.length];
        System.arraycopy(mobileAtoms, 0, all, 0, mobileAtoms.length);
        System.arraycopy(frameworkAtoms, 0, all, mobileAtoms.length, frameworkAtoms.length);
        unwrapper = new Unwrapper(all);
        mobileStore = new SeriesStore(3 * mobileAtoms.length, false);
        row = new double[3 * mobileAtoms.length];
        driftStore = frameworkAtoms.length > 0 ? new SeriesStore(3, false) : null;
        latticeStore = new SeriesStore(9, false);
        for (Molecule m : cfg.molecules()) {
            if (m.ligandCount() == 0) continue;
            kinds.computeIfAbsent(m.formula(), k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<String, List<Molecule>> e : kinds.entrySet()) {
            OrientationSampler os = new OrientationSampler(e.getValue());
            samplers.put(e.getKey(), os);
            Map<OrientationSampler.Vector, SeriesStore> st = new LinkedHashMap<>();
            for (OrientationSampler.Vector v : os.vectorTypes()) st.put(v, new SeriesStore(os.channels(v), true));
            vectorStores.put(e.getKey(), st);
            centreStores.put(e.getKey(), new SeriesStore(3 * e.getValue().size(), true));
            stability.put(e.getKey(), new LatticeStability(e.getValue().stream().mapToInt(Molecule::centre).toArray()));
        }
        if (deferredSites()) {
            for (Element e : cfg.densitySpecies()) {
                int[] idx = s.indicesOf(e);
                if (idx.length == 0) continue;
                density.put(e, new DensityMap(DensityMap.gridFor(s.lattice(), cfg.densityFold(), cfg.densitySpacingA()), cfg.densityFold(), idx));
            }
            return;
        }
        Structure ref = cfg.reference() == null ? s : cfg.reference();
        List<Double> sites = new ArrayList<>();
        for (Element e : cfg.mobile()) {
            for (int i : ref.indicesOf(e)) {
                double[] fr = ref.lattice().toFractional(ref.position(i));
                for (double v : fr) sites.add(v - Math.floor(v));
            }
        }
        if (sites.isEmpty()) throw new InputException("the reference structure has no " + cfg.mobile() + " sites");
        sitesFractional = sites.stream().mapToDouble(Double::doubleValue).toArray();
        double[] unknown = new double[sitesFractional.length / 3];
        java.util.Arrays.fill(unknown, Double.NaN);
        foundSites = new SiteFinder.Sites(sitesFractional.clone(), unknown, cfg.reference() != null
                ? "the " + cfg.mobile() + " atoms of the reference structure (--structure)"
                : "the mobile ions' positions in the first analysed frame (a site vacant then is never hopped into)", unknown.length);
        double radius = Double.isNaN(cfg.siteRadiusA()) ? HopDetector.defaultRadius(sitesFractional, s.lattice()) : cfg.siteRadiusA();
        hops = new HopDetector(sitesFractional, mobileAtoms, radius);
        for (Element e : cfg.densitySpecies()) {
            int[] idx = s.indicesOf(e);
            if (idx.length == 0) continue;
            density.put(e, new DensityMap(DensityMap.gridFor(s.lattice(), cfg.densityFold(), cfg.densitySpacingA()), cfg.densityFold(), idx));
        }
    }

    /** Runs the FFT analyses on what was recorded. */
    public Results finish() {
        try {
            return analyse();
        } finally {
            closeStores();
        }
    }

    private Results analyse() {
        if (kept < 8) throw new InputException("only " + kept + " frames kept after --skip/--every; need at least 8");
        double dt = !Double.isNaN(cfg.timestepFs()) && cfg.timestepFs() > 0 ? cfg.timestepFs() * Math.max(1, cfg.every()) : secondTime - firstTime;
        if (!(dt > 0)) throw new InputException("cannot tell the time between frames; give --timestep");
        double[][] drift = null;
        Drift driftResult = null;
        if (driftStore != null) {
            Diffusivity.Result dc = Diffusivity.analyse(driftStore, 1, dt, cfg.blocks(), cfg.fitStartFs(), cfg.fitEndFs(), null);
            double net = 0;
            for (int k = 0; k < 3; k++) {
                double dx = driftStore.get(k, kept - 1) - driftStore.get(k, 0);
                net += dx * dx;
            }
            driftResult = new Drift(List.copyOf(driftSpecies), !cfg.framework().isEmpty(), dc.dCm2PerS(), dc.dStdCm2PerS(), Math.sqrt(net));
        }
        if (driftStore != null && !cfg.framework().isEmpty()) {
            drift = new double[3][];
            for (int k = 0; k < 3; k++) {
                drift[k] = driftStore.channel(k);
                double d0 = drift[k][0];
                for (int t = 0; t < kept; t++) drift[k][t] -= d0;
            }
        }
        double volume = volumeSum / kept;
        Map<Element, Diffusivity.Result> diff = new LinkedHashMap<>();
        Map<Element, IonicConductivity.Collective> coll = new LinkedHashMap<>();
        Map<Element, Double> sigma = new LinkedHashMap<>(), sigmaStd = new LinkedHashMap<>();
        int offset = 0;
        for (Map.Entry<Element, int[]> e : mobileBySpecies.entrySet()) {
            int n = e.getValue().length;
            SeriesStore sp = mobileStore.slice(3 * offset, 3 * n);
            SeriesStore sum = summed(sp, n);
            offset += n;
            Diffusivity.Result d = Diffusivity.analyse(sp, n, dt, cfg.blocks(), cfg.fitStartFs(), cfg.fitEndFs(), drift);
            diff.put(e.getKey(), d);
            coll.put(e.getKey(), IonicConductivity.collective(sum, n, dt, cfg.blocks(), cfg.fitStartFs(), cfg.fitEndFs(), drift, d));
            sum.close();
            Double q = cfg.chargesE().get(e.getKey());
            if (q != null && cfg.temperatureK() > 0) {
                sigma.put(e.getKey(), IonicConductivity.nernstEinsteinSPerCm(n, q, volume, cfg.temperatureK(), d.dCm2PerS()));
                sigmaStd.put(e.getKey(), IonicConductivity.nernstEinsteinSPerCm(n, q, volume, cfg.temperatureK(), d.dStdCm2PerS()));
            }
        }
        Map<String, Map<OrientationSampler.Vector, RotationalAutocorrelation.Curves>> rot = new LinkedHashMap<>();
        Map<String, Map<OrientationSampler.Vector, StretchedExponentialFit.Result[]>> fits = new LinkedHashMap<>();
        Map<String, HopRotationCoupling.Result> coupling = new LinkedHashMap<>();
        Map<String, QuaternionRotationEvents.Result> quaternion = new LinkedHashMap<>();
        if (deferredSites()) findSitesAndHops();
        List<HopDetector.Hop> hopList = hops.hops();
        for (String kind : samplers.keySet()) {
            Map<OrientationSampler.Vector, RotationalAutocorrelation.Curves> cm = new LinkedHashMap<>();
            Map<OrientationSampler.Vector, StretchedExponentialFit.Result[]> fm = new LinkedHashMap<>();
            for (Map.Entry<OrientationSampler.Vector, SeriesStore> v : vectorStores.get(kind).entrySet()) {
                RotationalAutocorrelation.Curves cv = RotationalAutocorrelation.compute(v.getValue(), 0, kept, kept / 2);
                cm.put(v.getKey(), cv);
                fm.put(v.getKey(), new StretchedExponentialFit.Result[] {
                    StretchedExponentialFit.fit(cv.c1(), dt, kept / 2), StretchedExponentialFit.fit(cv.c2(), dt, kept / 2)});
            }
            rot.put(kind, cm);
            fits.put(kind, fm);
            HopRotationCoupling.Inputs in = new HopRotationCoupling.Inputs(hopList, mobileStore,
                    vectorStores.get(kind).get(OrientationSampler.Vector.LIGAND), samplers.get(kind).ligands(),
                    centreStores.get(kind), latticeStore, sitesFractional, dt);
            HopRotationCoupling.Params p = new HopRotationCoupling.Params(cfg.couplingCutoffA(),
                    Math.max(1, (int) Math.round(cfg.couplingHalfWidthFs() / dt)),
                    Math.max(2, (int) Math.round(cfg.couplingWindowFs() / dt)), cfg.controlDraws(), cfg.seed());
            coupling.put(kind, HopRotationCoupling.analyse(in, p));
            OrientationSampler os = samplers.get(kind);
            if (rotationEventParams != null && os.ligands() >= 2) {
                quaternion.put(kind, QuaternionRotationEvents.analyse(vectorStores.get(kind).get(OrientationSampler.Vector.LIGAND),
                        os.molecules(), os.ligands(), centreStores.get(kind), latticeStore, mobileStore, mobileAtoms.length, kept, dt,
                        rotationEventParams));
            }
        }
        return new Results(kept, dt, volume, unwrapper.suspiciousSteps(), diff, coll, sigma, sigmaStd, rot, fits,
                hopList, mobileAtoms.clone(), mobileSpecies.clone(), hops.radius(), coupling, density, driftResult, stabilityResults(),
                foundSites, HopDetector.shortestSiteDistance(sitesFractional, HopRotationCoupling.lattice(latticeStore, 0)), quaternion);
    }

    /** Crystal-stability measures per anion kind over the kept frames ({@link LatticeStability}). */
    private Map<String, LatticeStability.Result> stabilityResults() {
        Map<String, LatticeStability.Result> out = new LinkedHashMap<>();
        stability.forEach((k, v) -> out.put(k, v.result()));
        return out;
    }

    /** Automatic sites ({@link SiteFinder}) over the stored mobile-ion positions, then the hop detector replayed over them. */
    private void findSitesAndHops() {
        foundSites = SiteFinder.find(mobileStore, mobileAtoms.length, latticeStore, kept, SiteFinder.SPACING_A, SiteFinder.CAPTURE_A,
                SiteFinder.MIN_OCCUPANCY, SiteFinder.MERGE_A);
        if (foundSites.count() == 0) throw new InputException("no " + cfg.mobile() + " site holds an ion for "
                + SiteFinder.MIN_OCCUPANCY * 100 + " % of the run; give the sites with --structure");
        if (symmetryReference != null) {
            Lattice l0 = HopRotationCoupling.lattice(latticeStore, 0);
            foundSites = foundSites.symmetrised(SiteSymmetry.of(symmetryReference, l0, SYMMETRY_TOLERANCE_A), l0, SiteFinder.MERGE_A,
                    SYMMETRY_TOLERANCE_A);
        }
        sitesFractional = foundSites.fractional();
        double radius = !Double.isNaN(cfg.siteRadiusA()) ? cfg.siteRadiusA() : foundSites.count() > 1
                ? HopDetector.defaultRadius(sitesFractional, HopRotationCoupling.lattice(latticeStore, 0)) : 1.0;
        hops = SiteFinder.replay(sitesFractional, radius, mobileSpecies, mobileStore, latticeStore, kept);
    }

    /** Σ_i r_i(t) of the n atoms of {@code sp} (channels 3i..3i+2), as a 3-channel store. */
    private SeriesStore summed(SeriesStore sp, int n) {
        double[][] c = new double[3][kept];
        double[] buf = new double[kept];
        for (int ch = 0; ch < 3 * n; ch++) {
            sp.copy(ch, 0, kept, buf);
            double[] target = c[ch % 3];
            for (int t = 0; t < kept; t++) target[t] += buf[t];
        }
        SeriesStore sum = new SeriesStore(3, false);
        double[] row = new double[3];
        for (int t = 0; t < kept; t++) {
            for (int k = 0; k < 3; k++) row[k] = c[k][t];
            sum.append(row);
        }
        return sum;
    }

    /** Releases every store's temporary file. */
    private void closeStores() {
        if (mobileStore != null) mobileStore.close();
        if (driftStore != null) driftStore.close();
        if (latticeStore != null) latticeStore.close();
        for (Map<OrientationSampler.Vector, SeriesStore> m : vectorStores.values()) for (SeriesStore st : m.values()) st.close();
        for (SeriesStore st : centreStores.values()) st.close();
    }

    /** Reference sites (fractional, flat) used for hops, available after the first frame. */
    public double[] sitesFractional() { return sitesFractional.clone(); }

    /** Frames read from the input (before skip/every). */
    public long framesRead() { return seen; }

    /** Formal charges used when none are given: alkali +1, alkaline earth +2, Ag/Cu +1, Zn +2, halides −1. */
    public static Map<Element, Double> defaultCharges() {
        Map<Element, Double> m = new LinkedHashMap<>();
        for (Element e : List.of(Element.LI, Element.NA, Element.K, Element.RB, Element.CS, Element.AG, Element.CU)) m.put(e, 1.0);
        for (Element e : List.of(Element.MG, Element.CA, Element.SR, Element.BA, Element.ZN)) m.put(e, 2.0);
        for (Element e : List.of(Element.F, Element.CL, Element.BR, Element.I)) m.put(e, -1.0);
        return m;
    }

    /** The lattice of frame 0 (after setup). */
    Lattice firstLattice() { return HopRotationCoupling.lattice(latticeStore, 0); }
}
