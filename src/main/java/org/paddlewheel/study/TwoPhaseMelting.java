package org.paddlewheel.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.TrajectoryReader;
import org.paddlewheel.md.Ensemble;
import org.paddlewheel.md.MdConfig;
import org.paddlewheel.md.RegionFreeze;
import org.paddlewheel.md.Simulation;
import org.paddlewheel.md.TrajectoryFormat;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

/**
 * Brackets a melting point by two-phase (solid | liquid) coexistence runs (the interface method of
 * Morris et al., Phys. Rev. B 49, 3109 (1994)): at each target T, a crystal elongated along c is
 * equilibrated; its lower half of slabs is frozen — whole molecules, by {@link RegionFreeze} — while
 * the upper half melts at a high temperature (in the melt ensemble, NVT by default: at fixed volume
 * nothing boils and the frozen half keeps its lattice) and is brought back to T in the run's ensemble
 * (NPT_C, the c-axis barostat, keeps the cross-section the crystal stage reached under isotropic NPT,
 * as coexistence runs should; NPT: the liquid takes its density at T before release; the barostat scales the frozen half with
 * the cell, and its target pressure is lowered by the frozen atoms' missing kinetic share
 * N_f k_B T/V, since the engine's pressure counts mobile atoms only); then everything is released
 * and the solid either grows (T below T_m) or melts (T above). Crystallinity is tracked per slab by
 * the static structure factor of one sublattice at its Bragg vector ({@link SlabOrder}); a slab is
 * solid when above the midpoint between the crystal level (pure crystal at T) and the liquid level
 * (molten slabs at the melt temperature), and the solid fraction φ(t) over the released run gives
 * the verdict ({@link PhaseVerdict}) and, over temperatures, the {@link MeltingBracket}. A melt stage
 * that leaves the upper half ordered (at fixed volume a crystal superheats well above T_m: the melt
 * temperature must be high, e.g. ≥ 2 T_m) makes the verdict "undecided" and is flagged.
 *
 * <p>The embedded engine runs every stage in {@code dir/<T>K/{1-crystal,2-melt,3-quench,4-coexist}}
 * ({@code thermo.csv}, {@code trajectory.extxyz}, checkpoints). Each stage starts from the previous
 * stage's final positions and cell with fresh Maxwell–Boltzmann velocities; seeds derive from the
 * protocol seed, the temperature's index and the stage. With {@code resume}, every stage continues
 * from its checkpoint (a finished one just reloads its end state), so a killed run resumes bit for bit
 * with the same settings and threads. NPT is the engine's isotropic stochastic cell rescaling
 * (see {@link MeltingProtocol}).
 */
public final class TwoPhaseMelting {
    /** Progress: stage label ("450K crystal"), steps done and total over the whole protocol. */
    public interface Progress {
        void update(String stage, long done, long total);
    }

    private static final String[] STAGES = {"1-crystal", "2-melt", "3-quench", "4-coexist"};
    /** The option that sets each stage's length, for the message that refuses a resume. */
    private static final String[] STAGE_OPTIONS = {"--equilibrate", "--melt-time", "--quench-time", "--time"};

    private final Structure crystal;
    private final ForceField forceField;
    private final MeltingProtocol p;
    private final Topology top;
    private final SlabOrder order;
    private final List<String> sublattice;
    private final int frozenSlabs;
    private final double siteSpacing;
    private long done;

    /**
     * Prepares the run: finds the molecules and the order parameter's sites, Bragg vectors and slabs.
     *
     * @throws IllegalArgumentException when the sublattice is absent, shows no Bragg peak, or the cell is too short along c
     */
    public TwoPhaseMelting(Structure crystal, ForceField forceField, MeltingProtocol protocol) {
        this.crystal = crystal;
        this.forceField = forceField;
        this.p = protocol;
        this.top = Topology.build(forceField, crystal);
        this.sublattice = new ArrayList<>();
        int[] sites = sites(top, crystal, protocol.sublattice(), sublattice);
        this.order = SlabOrder.of(crystal, sites, protocol.slabs());
        this.frozenSlabs = order.slabCount() / 2;
        this.siteSpacing = SiteMobility.siteSpacing(crystal, sites);
    }

    /** Species or molecule kinds of the order parameter's sites. */
    public List<String> sublattice() { return List.copyOf(sublattice); }

    /** The order parameter in use. */
    public SlabOrder order() { return order; }

    /** Runs every temperature in {@code dir}; {@code progress} may be null. */
    public MeltingResult run(Path dir, boolean resume, Progress progress) throws IOException {
        List<MeltingResult.Run> runs = new ArrayList<>();
        List<MeltingBracket.Point> points = new ArrayList<>();
        done = 0;
        List<Double> temps = p.temperaturesK();
        // every temperature is checked before any runs, so a refused resume changes nothing
        if (resume) for (double t : temps) checkResumable(dir.resolve(MeltingProtocol.folder(t)));
        for (int ti = 0; ti < temps.size(); ti++) {
            MeltingResult.Run r = runOne(dir.resolve(MeltingProtocol.folder(temps.get(ti))), ti, resume, progress);
            runs.add(r);
            points.add(new MeltingBracket.Point(r.temperatureK(), r.judgement().verdict()));
        }
        return new MeltingResult(sublattice, order.millerIndices(), order.slabCount(), frozenSlabs, order.sitesPerSlab(), runs,
                MeltingBracket.of(points));
    }

    /** One stage's outcome: the final state and the per-slab order parameter of every sample. */
    private record Stage(Structure end, double[] timesPs, double[][] psi, double[] volumes) {
        double firstVolume() { return volumes[0]; }

        double lastVolume() { return volumes[volumes.length - 1]; }
    }

    private MeltingResult.Run runOne(Path tdir, int ti, boolean resume, Progress progress) throws IOException {
        double t = p.temperaturesK().get(ti);
        String label = MeltingProtocol.folder(t);
        boolean[] all = new boolean[crystal.size()];
        Arrays.fill(all, true);
        // With the c-axis barostat the crystal is still equilibrated isotropically: the cross-section
        // the later stages keep must be the crystal's own lattice at T and P, not the built one.
        Ensemble crystalEnsemble = p.ensemble() == Ensemble.NPT_C ? Ensemble.NPT : p.ensemble();
        Stage c = stage(crystal, all, crystalEnsemble, t, p.equilibrateFs(), tdir.resolve(STAGES[0]), seed(ti, 0), resume, progress, label + " crystal", null);
        boolean[] half = RegionFreeze.mobileMask(top, c.end(), f -> order.slabOf(f) < frozenSlabs);
        Stage m = stage(c.end(), half, p.meltEnsemble(), p.meltTemperatureK(), p.meltFs(), tdir.resolve(STAGES[1]), seed(ti, 1), resume, progress,
                label + " melt", null);
        Stage q = stage(m.end(), half, p.ensemble(), t, p.quenchFs(), tdir.resolve(STAGES[2]), seed(ti, 2), resume, progress, label + " quench", null);
        SiteMobility mobility = new SiteMobility(order, frozenSlabs);
        Stage x = stage(q.end(), all, p.ensemble(), t, p.productionFs(), tdir.resolve(STAGES[3]), seed(ti, 3), resume, progress, label + " coexist",
                mobility);

        double crystalLevel = meanOverLastHalf(c.psi(), 0, order.slabCount());
        // molten slabs not touching the frozen block (slabs frozenSlabs+1 .. n−2), else all molten slabs
        int lo = frozenSlabs + 1, hi = order.slabCount() - 1;
        if (hi - lo < 1) { lo = frozenSlabs; hi = order.slabCount(); }
        double liquidLevel = meanOverLastHalf(m.psi(), lo, hi);
        double threshold = 0.5 * (crystalLevel + liquidLevel);
        double[] phi = new double[x.psi().length];
        for (int k = 0; k < phi.length; k++) {
            int solid = 0;
            for (double v : x.psi()[k]) if (v > threshold) solid++;
            phi[k] = (double) solid / order.slabCount();
        }
        double random = SlabOrder.randomLevel(order.sitesPerSlab());
        boolean molten = liquidLevel < 0.5 * (random + crystalLevel);
        PhaseVerdict.Judgement j = PhaseVerdict.judge(phi, order.slabCount());
        if (!molten) j = new PhaseVerdict.Judgement(j.start(), j.end(), j.sigma(), j.smallestChange(), PhaseVerdict.UNDECIDED);
        SiteMobility.Result moved = mobility.result();
        return new MeltingResult.Run(t, crystalLevel, liquidLevel, threshold, x.timesPs(), phi, x.psi(),
                x.lastVolume() / x.firstVolume() - 1, molten, j, moved.moltenRmsA(), moved.crystalRmsA(), siteSpacing,
                LowDensityGap.widthA(x.end(), order), VolumeDrift.lastHalf(c.timesPs(), c.volumes()));
    }

    /**
     * A resume may lengthen only the released run ({@code --time}): each stage starts from the previous
     * stage's end, so a stage that already fed the next one must keep its length (else the later stages'
     * checkpoints would continue from a state the new protocol never reached), and no stage may be
     * shortened (its trajectory would hold more than the protocol says).
     */
    private void checkResumable(Path tdir) throws IOException {
        double[] lengths = {p.equilibrateFs(), p.meltFs(), p.quenchFs(), p.productionFs()};
        long[] made = new long[STAGES.length];
        for (int k = 0; k < STAGES.length; k++) made[k] = Simulation.checkpointStep(tdir.resolve(STAGES[k]));
        for (int k = 0; k < STAGES.length && made[k] >= 0; k++) {
            long asked = Math.round(lengths[k] / p.timestepFs());
            boolean fedNext = k + 1 < STAGES.length && made[k + 1] >= 0;
            if (made[k] > asked || (fedNext && made[k] != asked)) {
                throw new InputException(tdir.resolve(STAGES[k]).toString(), 0, String.format(Locale.ROOT,
                        "%s was %s fs when this stage ran (%d steps), now %s fs; a resume can only lengthen --time (the released run): "
                                + "use the original %s, or --force / another -o for a new run",
                        STAGE_OPTIONS[k], MeltingProtocol.fmt(made[k] * p.timestepFs()), made[k], MeltingProtocol.fmt(lengths[k]), STAGE_OPTIONS[k]));
            }
        }
    }

    /** Runs one stage and reads its samples; {@code mobility} (null but for the released run) is fed each one. */
    private Stage stage(Structure start, boolean[] mobile, Ensemble ens, double tK, double timeFs, Path dir, long seed, boolean resume,
                        Progress progress, String label, SiteMobility mobility) throws IOException {
        double ck = Math.max(1, Math.round(Math.min(1000, timeFs) / p.timestepFs())) * p.timestepFs();
        int frozen = 0;
        for (boolean b : mobile) if (!b) frozen++;
        // frozen atoms carry no kinetic pressure: lower the target by their ideal-gas share N_f k_B T / V
        double target = p.pressureGPa() - frozen * Units.BOLTZMANN_EV_PER_K * tK / start.lattice().volume() * Units.EV_PER_A3_TO_GPA;
        MdConfig cfg = MdConfig.builder().ensemble(ens).temperatureK(tK).timestepFs(p.timestepFs()).productionFs(timeFs)
                .everyFs(p.sampleEveryFs()).checkpointEveryFs(ck).frictionPerPs(p.frictionPerPs()).pressureGPa(target)
                .compressibilityPerGPa(p.compressibilityPerGPa()).barostatTauFs(p.barostatTauFs()).seed(seed).threads(p.threads())
                .format(TrajectoryFormat.EXTXYZ).kspace(p.kspace()).build();
        long base = done, total = p.totalSteps();
        Structure end;
        try (Simulation sim = new Simulation(start, top, mobile, cfg, dir)) {
            sim.run(resume, progress == null ? null : (d, tot) -> progress.update(label, base + d, total), -1);
            end = Structure.of(Lattice.fromRowMajor(sim.state().cell.h), crystal.speciesArray(), sim.state().x);
        }
        done = base + cfg.totalSteps();
        if (progress != null) progress.update(label, done, total);
        List<double[]> psi = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        List<Double> volumes = new ArrayList<>();
        try (TrajectoryReader r = Formats.openTrajectory(dir.resolve(sim(cfg)), "extxyz", p.timestepFs())) {
            while (r.hasNext()) {
                Frame f = r.next();
                psi.add(order.perSlab(f.structure()));
                if (mobility != null) mobility.add(f.structure());
                times.add(f.timeFs() * 1e-3);
                volumes.add(f.structure().lattice().volume());
            }
        }
        return new Stage(end, times.stream().mapToDouble(Double::doubleValue).toArray(), psi.toArray(double[][]::new),
                volumes.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String sim(MdConfig cfg) { return cfg.format().fileName(); }

    /** Mean of ψ over slabs [lo, hi) and the last half of the samples (empty slabs skipped). */
    static double meanOverLastHalf(double[][] psi, int lo, int hi) {
        double sum = 0;
        int n = 0;
        for (int k = psi.length / 2; k < psi.length; k++) {
            for (int s = lo; s < hi; s++) {
                if (Double.isNaN(psi[k][s])) continue;
                sum += psi[k][s];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Seed of stage {@code stage} at temperature index {@code ti}: a SplitMix64 hash of the protocol seed and both. */
    private long seed(int ti, int stage) {
        return new SplittableRandom(p.seed() * 0x9E3779B97F4A7C15L + 31L * ti + stage).nextLong();
    }

    /**
     * The sublattice sites: atoms of the named species (force-field species, molecule kind → its
     * centre, or element), or by default the centres of all molecules, or every atom when there are none.
     */
    static int[] sites(Topology top, Structure s, List<String> names, List<String> used) {
        ForceField ff = top.forceField;
        Set<Integer> idx = new LinkedHashSet<>();
        if (names.isEmpty()) {
            if (top.molecules.isEmpty()) {
                for (int i = 0; i < s.size(); i++) idx.add(i);
                for (Element e : s.composition().keySet()) used.add(e.symbol());
            } else {
                Set<String> kinds = new LinkedHashSet<>();
                for (Molecule m : top.molecules) { idx.add(m.centre()); kinds.add(m.formula()); }
                used.addAll(kinds);
            }
        } else {
            for (String name : names) {
                int kind = ff.moleculeIndex(name), sp = ff.speciesIndex(name);
                Element el = Element.find(name);
                int hit = 0;
                if (kind >= 0) {
                    for (Molecule m : top.molecules) if (m.formula().equals(name)) { idx.add(m.centre()); hit++; }
                } else {
                    for (int i = 0; i < s.size(); i++) {
                        if (sp >= 0 ? top.type[i] == sp : el != null && s.species(i) == el) { idx.add(i); hit++; }
                    }
                }
                if (hit == 0) throw new IllegalArgumentException("--sublattice " + name + ": no molecule kind, species or element of that name in the structure");
                used.add(name);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
