package org.paddlewheel.analysis;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/**
 * The one set of analysis defaults, shared by {@code paddlewheel analyze} and the study: a builder of
 * {@link TrajectoryAnalysis.Config} whose unset fields take the documented defaults
 * (docs/summary-json.md). Times fs, lengths Å, temperature K; NaN means "the analysis chooses"
 * (fit window 10–50 % of a block, site radius 0.3 × shortest site distance, frame spacing from the file).
 */
public final class AnalysisConfig {
    /** Independent blocks for the D error. */
    public static final int BLOCKS = 5;
    /** Anion-centre to hop-path cut-off, Å. */
    public static final double COUPLING_CUTOFF_A = 4.0;
    /** Half-width of the hop window of the coupling statistic, fs. */
    public static final double COUPLING_HALF_WIDTH_FS = 250;
    /** Half-window of the event-averaged profiles, fs. */
    public static final double COUPLING_WINDOW_FS = 1000;
    /** Random-time control draws per hop. */
    public static final int CONTROL_DRAWS = 200;
    /** Seed of the random-time control. */
    public static final long SEED = 1;
    /** Density grid spacing and Gaussian σ, Å. */
    public static final double DENSITY_SPACING_A = 0.2, DENSITY_SIGMA_A = 0.2;

    private Set<Element> mobile = Set.of(Element.NA);
    private final Map<Element, Double> charges = new LinkedHashMap<>(TrajectoryAnalysis.defaultCharges());
    private Set<Element> framework = Set.of();
    private List<Molecule> molecules = List.of();
    private Structure reference;
    private double temperatureK = Double.NaN, skipFs, timestepFs = Double.NaN, fitStartFs = Double.NaN, fitEndFs = Double.NaN,
            siteRadiusA = Double.NaN, couplingCutoffA = COUPLING_CUTOFF_A, couplingHalfWidthFs = COUPLING_HALF_WIDTH_FS,
            couplingWindowFs = COUPLING_WINDOW_FS, densitySpacingA = DENSITY_SPACING_A, densitySigmaA = DENSITY_SIGMA_A;
    private int every = 1, blocks = BLOCKS, controlDraws = CONTROL_DRAWS;
    private long seed = SEED;
    private Set<Element> density;
    private int[] densityFold = {1, 1, 1};

    private AnalysisConfig() {}

    /** A builder with every default. */
    public static AnalysisConfig builder() { return new AnalysisConfig(); }

    public AnalysisConfig mobile(Set<Element> v) { mobile = Set.copyOf(v); return this; }
    /** Charges in e, on top of the formal defaults. */
    public AnalysisConfig charges(Map<Element, Double> v) { charges.putAll(v); return this; }
    /** Species whose centre-of-mass drift is removed. */
    public AnalysisConfig framework(Set<Element> v) { framework = Set.copyOf(v); return this; }
    /** The anions whose rotation, coupling and centres are followed. */
    public AnalysisConfig molecules(List<Molecule> v) { molecules = List.copyOf(v); return this; }
    /** Reference structure for hop sites (include vacant sites); null: the first analysed frame. */
    public AnalysisConfig reference(Structure v) { reference = v; return this; }
    /** Temperature for Nernst–Einstein σ, K. */
    public AnalysisConfig temperatureK(double v) { temperatureK = v; return this; }
    public AnalysisConfig skipFs(double v) { skipFs = v; return this; }
    public AnalysisConfig every(int v) { every = v; return this; }
    /** Time between frames, fs (NaN: from the file). */
    public AnalysisConfig frameSpacingFs(double v) { timestepFs = v; return this; }
    public AnalysisConfig blocks(int v) { blocks = v; return this; }
    public AnalysisConfig fitWindowFs(double start, double end) { fitStartFs = start; fitEndFs = end; return this; }
    public AnalysisConfig siteRadiusA(double v) { siteRadiusA = v; return this; }
    public AnalysisConfig couplingCutoffA(double v) { couplingCutoffA = v; return this; }
    public AnalysisConfig couplingHalfWidthFs(double v) { couplingHalfWidthFs = v; return this; }
    public AnalysisConfig couplingWindowFs(double v) { couplingWindowFs = v; return this; }
    public AnalysisConfig controlDraws(int v) { controlDraws = v; return this; }
    public AnalysisConfig seed(long v) { seed = v; return this; }
    /** Species for density maps (default: the mobile species and H). */
    public AnalysisConfig density(Set<Element> v) { density = Set.copyOf(v); return this; }
    public AnalysisConfig densitySpacingA(double v) { densitySpacingA = v; return this; }
    public AnalysisConfig densitySigmaA(double v) { densitySigmaA = v; return this; }
    public AnalysisConfig densityFold(int[] v) { densityFold = v.clone(); return this; }

    /** The configuration. */
    public TrajectoryAnalysis.Config build() {
        Set<Element> dens = density;
        if (dens == null) { dens = new LinkedHashSet<>(mobile); dens.add(Element.H); }
        return new TrajectoryAnalysis.Config(mobile, Map.copyOf(charges), framework, molecules, reference, temperatureK, skipFs, every,
                timestepFs, blocks, fitStartFs, fitEndFs, siteRadiusA, couplingCutoffA, couplingHalfWidthFs, couplingWindowFs,
                controlDraws, seed, dens, densitySpacingA, densitySigmaA, densityFold.clone());
    }
}
