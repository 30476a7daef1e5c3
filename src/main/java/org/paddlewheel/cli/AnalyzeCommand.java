package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.paddlewheel.analysis.AnalysisConfig;
import org.paddlewheel.analysis.TrajectoryAnalysis;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.PrefetchingReader;
import org.paddlewheel.io.TrajectoryReader;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.MoleculeFinder;
import org.paddlewheel.model.Quantity;
import org.paddlewheel.model.Structure;
import org.paddlewheel.report.AnalysisReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paddlewheel analyze TRAJ}: diffusion (MSD, D with block-averaged error, Nernst–Einstein σ,
 * Haven ratio), rotational correlation of every detected anion kind, hops, hop–rotation coupling
 * and density maps from one streaming pass over any trajectory format. See docs/summary-json.md.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse an MD trajectory: MSD/diffusion/conductivity, anion rotation, hops, paddle-wheel coupling, density maps.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Trajectory (XDATCAR, LAMMPS dump, extended XYZ, ASE .traj, CP2K pos-1.xyz + .cell; .gz/.xz/.bz2 too).")
    Path trajectory;
    @Option(names = "--format", description = "Trajectory format, overriding the name: xdatcar, extxyz, lammps-dump, traj, cp2k (default: from the name).")
    String format;
    @Option(names = "--structure", description = "Reference structure for hop sites, vacant sites included (default: see --sites).")
    Path structure;
    @Option(names = "--sites", defaultValue = "auto", description = "Hop sites without --structure: auto (peaks of the time-averaged mobile-ion"
            + " density, vacant sites included) or first-frame (the ions' first positions) (default ${DEFAULT-VALUE}).")
    String sites;
    @Option(names = "--site-symmetry", paramLabel = "REF", description = "With --sites auto: merge the sites found under the symmetry of"
            + " this crystal (any file paddlewheel reads; its cell, e.g. the unit cell, must tile the trajectory's): every site is mapped by"
            + " every operation (found within 0.1 Å) and images within 1 Å averaged, so a rarely visited vacant site is restored (default: no merge).")
    Path siteSymmetry;
    @Option(names = "--mobile", split = ",", defaultValue = "Na", description = "Mobile species (default: ${DEFAULT-VALUE}).")
    List<String> mobile;
    @Option(names = "--rotors", defaultValue = "auto", description = "auto (detect BH4, NH2, … by bond lengths) or none (default ${DEFAULT-VALUE}).")
    String rotors;
    @Option(names = "--timestep", converter = Converters.TimeFs.class, description = "MD timestep per step, e.g. 0.5fs (time between frames is taken"
            + " from the file's steps, or timestep × --every). Required for XDATCAR (unless an INCAR or OUTCAR with POTIM lies beside it)"
            + " and LAMMPS dumps, which store step numbers only, and for an ASE .traj without an MD description (then it is the time"
            + " between frames) (default: the file's times, extended XYZ and ASE .traj).")
    Double timestepFs;
    @Option(names = "--every", defaultValue = "1", description = "Use every N-th frame (default: ${DEFAULT-VALUE}).")
    int every;
    @Option(names = "--skip", converter = Converters.TimeFs.class, defaultValue = "0", description = "Equilibration time to drop (fs, ps), e.g. 3ps (default ${DEFAULT-VALUE} fs).")
    double skipFs;
    @Option(names = "--fit-window", description = "MSD fit window START:END, e.g. 1ps:5ps (default: 10%%–50%% of a block).")
    String fitWindow;
    @Option(names = "--blocks", defaultValue = "" + AnalysisConfig.BLOCKS, description = "Independent blocks for the D uncertainty (default: ${DEFAULT-VALUE}).")
    int blocks;
    @Option(names = "--framework", split = ",", description = "Species whose centre of mass drift is removed (e.g. B,N).")
    List<String> framework = new ArrayList<>();
    @Option(names = "--charge", split = ",", description = "Charges in e, e.g. Na=1 (default: formal charges).")
    Map<String, Double> charges = new LinkedHashMap<>();
    @Option(names = "--temperature", converter = Converters.TemperatureK.class, description = "Temperature for Nernst–Einstein σ, e.g. 363K.")
    Double temperatureK;
    @Option(names = "--site-radius", converter = Converters.LengthAngstrom.class, description = "Hop site sphere radius (default: 0.3 × shortest site distance).")
    Double siteRadiusA;
    @Option(names = "--coupling-cutoff", converter = Converters.LengthAngstrom.class, defaultValue = "" + AnalysisConfig.COUPLING_CUTOFF_A, description = "Anion centre to hop path cut-off (default: ${DEFAULT-VALUE} Å).")
    double cutoffA;
    @Option(names = "--coupling-halfwidth", converter = Converters.TimeFs.class, defaultValue = "" + AnalysisConfig.COUPLING_HALF_WIDTH_FS, description = "Half-width h of the hop interval for the coupling statistic (default 0.25 ps).")
    double halfWidthFs;
    @Option(names = "--coupling-window", converter = Converters.TimeFs.class, defaultValue = "" + AnalysisConfig.COUPLING_WINDOW_FS, description = "Profile half-window W around each hop (default 1 ps).")
    double windowFs;
    @Option(names = "--control-draws", defaultValue = "" + AnalysisConfig.CONTROL_DRAWS, description = "Random-time control draws per hop (default: ${DEFAULT-VALUE}).")
    int draws;
    @Option(names = "--seed", defaultValue = "" + AnalysisConfig.SEED, description = "Seed of the random-time control (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--rotation-events", description = "Also run Jun, Lee, Kam and Ceder's (PNAS 2024) quaternion analysis of anion rotation"
            + " events around hops (summary.json rotation_events; docs/paddlewheel-views.md) (default: off).")
    boolean rotationEvents;
    @Option(names = "--rotation-events-time", converter = Converters.TimeFs.class, defaultValue = "500fs",
            description = "Time scale of a rotation-hop correlation for --rotation-events (default ${DEFAULT-VALUE}).")
    double rotationEventsTimeFs;
    @Option(names = "--rotation-events-length", converter = Converters.LengthAngstrom.class, defaultValue = "5Å",
            description = "Length scale (anion centre to hop ends, mean) for --rotation-events (default ${DEFAULT-VALUE}).")
    double rotationEventsLengthA;
    @Option(names = "--density", split = ",", description = "Species for density CUBE maps (default: mobile species and H).")
    List<String> density;
    @Option(names = "--density-spacing", converter = Converters.LengthAngstrom.class, defaultValue = "" + AnalysisConfig.DENSITY_SPACING_A, description = "Density grid spacing (default: ${DEFAULT-VALUE} Å).")
    double spacingA;
    @Option(names = "--density-sigma", converter = Converters.LengthAngstrom.class, defaultValue = "" + AnalysisConfig.DENSITY_SIGMA_A, description = "Gaussian smoothing σ (default: ${DEFAULT-VALUE} Å; 0 = none).")
    double sigmaA;
    @Option(names = "--density-fold", split = ",", description = "Fold the cell n1,n2,n3 times (supercell → primitive), default 1,1,1.")
    int[] fold = {1, 1, 1};
    @Option(names = {"-o", "--output"}, required = true, description = "Output folder.")
    Path out;
    @Option(names = "--no-plots", description = "Skip the PNG/SVG plots (CSV, summary.json and CUBE files are still written).")
    boolean noPlots;

    @Option(names = "--json", description = "Print summary.json to stdout.")
    boolean json;
    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws Exception {
        Set<Element> mob = elements(mobile);
        Set<Element> fw = elements(framework);
        Map<Element, Double> q = new LinkedHashMap<>(TrajectoryAnalysis.defaultCharges());
        charges.forEach((k, v) -> q.put(Element.of(k), v));
        Structure ref = structure == null ? null : Formats.readStructure(structure, null);
        double fit0 = Double.NaN, fit1 = Double.NaN;
        if (fitWindow != null) {
            String[] p = fitWindow.split(":");
            if (p.length != 2) throw new InputException("--fit-window must be START:END, e.g. 1ps:5ps");
            fit0 = Quantity.timeFs(p[0]);
            fit1 = Quantity.timeFs(p[1]);
        }
        Set<Element> dens = new LinkedHashSet<>();
        if (density == null) { dens.addAll(mob); dens.add(Element.H); } else dens.addAll(elements(density));
        if (fold.length != 3) throw new InputException("--density-fold needs three integers, e.g. 3,3,3");
        if (!sites.equals("auto") && !sites.equals("first-frame")) throw new InputException("--sites must be auto or first-frame, got '" + sites + "'");
        if (siteSymmetry != null && (structure != null || !sites.equals("auto"))) {
            throw new InputException("--site-symmetry merges automatic sites (--sites auto); with --structure the sites are the reference's atoms");
        }
        Structure symmetryRef = siteSymmetry == null ? null : Formats.readStructure(siteSymmetry, null);
        if (timestepFs == null) {
            // no silent 1 fs per step: an XDATCAR or a dump carries step numbers, not times
            Formats.Format f = Formats.detect(trajectory, format);
            if (f == Formats.Format.XDATCAR) {
                PotimReader.Found potim = PotimReader.beside(trajectory);
                if (potim == null) {
                    throw new InputException(trajectory.toString(), 0, "an XDATCAR stores no time step: give --timestep (VASP's POTIM, e.g. 2fs)"
                            + " or put the run's INCAR or OUTCAR beside it");
                }
                timestepFs = potim.timestepFs();
                if (!quiet.quiet) System.err.println("paddlewheel: note: time step " + potim.timestepFs() + " fs from POTIM in " + potim.file());
            } else if (f == Formats.Format.TRAJ && !org.paddlewheel.io.AseTrajectory.timing(trajectory).known()) {
                throw new InputException(trajectory.toString(), 0, "this ASE .traj records no MD time step (no description.timestep):"
                        + " give --timestep, the time between its frames (e.g. 10fs)");
            } else if (f == Formats.Format.LAMMPS_DUMP) {
                throw new InputException(trajectory.toString(), 0, "a LAMMPS dump stores step numbers, not times: give --timestep"
                        + " (the run's timestep, e.g. 1fs for units metal's 0.001)");
            }
        }
        TrajectoryReader opened = Formats.openTrajectory(trajectory, format, timestepFs == null ? -1 : timestepFs);
        // Parse ahead on a second thread where there is a second core: reading dominates the run.
        try (TrajectoryReader reader = Runtime.getRuntime().availableProcessors() > 1 && !opened.parsesAhead() ? new PrefetchingReader(opened, 64) : opened) {
            if (!reader.hasNext()) throw new InputException(trajectory.toString(), 0, "the trajectory has no frames");
            Frame first = reader.next();
            List<Molecule> mols = switch (rotors.toLowerCase(java.util.Locale.ROOT)) {
                case "auto" -> MoleculeFinder.find(ref != null && ref.size() == first.structure().size() ? ref : first.structure());
                case "none" -> List.of();
                default -> throw new InputException("--rotors must be auto or none, got '" + rotors + "'");
            };
            TrajectoryAnalysis.Config cfg = AnalysisConfig.builder().mobile(mob).charges(q).framework(fw).molecules(mols).reference(ref)
                    .temperatureK(temperatureK == null ? Double.NaN : temperatureK).skipFs(skipFs).every(every).blocks(blocks)
                    .fitWindowFs(fit0, fit1).siteRadiusA(siteRadiusA == null ? Double.NaN : siteRadiusA).couplingCutoffA(cutoffA)
                    .couplingHalfWidthFs(halfWidthFs).couplingWindowFs(windowFs).controlDraws(draws).seed(seed)
                    .density(dens).densitySpacingA(spacingA).densitySigmaA(sigmaA).densityFold(fold).build();
            Iterator<Frame> all = new Iterator<>() {
                boolean firstPending = true;
                @Override public boolean hasNext() { return firstPending || reader.hasNext(); }
                @Override public Frame next() {
                    if (firstPending) { firstPending = false; return first; }
                    return reader.next();
                }
            };
            TrajectoryAnalysis.Results res;
            if (quiet.quiet) {
                res = new TrajectoryAnalysis(cfg).automaticSites(sites.equals("auto")).siteSymmetry(symmetryRef).rotationEvents(rotationEventParams()).run(all, null);
            } else {
                try (ProgressBar pb = ProgressBars.builder("analyze", System.err).setInitialMax(-1).setUnit(" frames", 1).build()) {
                    res = new TrajectoryAnalysis(cfg).automaticSites(sites.equals("auto")).siteSymmetry(symmetryRef).rotationEvents(rotationEventParams()).run(all, n -> { if (n % 200 == 0) pb.stepTo(n); });
                }
            }
            ObjectNode summary = AnalysisReport.write(out, res, cfg, trajectory.toString(), !noPlots);
            if (json) Json.print(summary);
            else if (!quiet.quiet) System.err.println("wrote " + out.resolve("summary.json"));
        }
        return 0;
    }

    /** Jun et al.'s settings with this run's scales and seed, or null without --rotation-events. */
    private org.paddlewheel.analysis.QuaternionRotationEvents.Params rotationEventParams() {
        if (!rotationEvents) return null;
        var d = org.paddlewheel.analysis.QuaternionRotationEvents.Params.defaults();
        return new org.paddlewheel.analysis.QuaternionRotationEvents.Params(d.minDtFs(), d.ignoredAngleDeg(), d.toleranceDeg(), d.maxDelayFs(),
                d.hopLengthA(), rotationEventsTimeFs, rotationEventsLengthA, d.largeAngleDeg(), draws, seed);
    }

    private static Set<Element> elements(List<String> names) {
        Set<Element> s = new LinkedHashSet<>();
        if (names != null) for (String n : names) if (!n.isBlank()) s.add(Element.of(n.trim()));
        return s;
    }
}
