package org.paddlewheel.cp2k;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Labelled frames (energy eV, forces eV/Å, stress eV/Å³ in ASE's sign) of the accepted steps of a CP2K
 * optimisation ({@code dft relax}: GEO_OPT or CELL_OPT) read back from its folder: every step costs a full SCF
 * at the dataset's settings, so its energy, forces and (cell relaxations) stress are reference data for free,
 * at the volumes and near the saddle configurations the relaxations visit. {@code PROJECT.out} is cut into one
 * evaluation per "SCF WAVEFUNCTION OPTIMIZATION" header; an evaluation followed by CP2K's "Informations at
 * step = N" is the accepted geometry of step N, whose positions are frame i = N of {@code PROJECT-pos-1.xyz}
 * (the last such frame: a resumed run appends) and whose cell is step N of {@code PROJECT-1.cell} (else the
 * start cell); its energy must equal the frame's printed E to 1e-6 Ha, or it is left out. Step 0 is the start
 * structure when one is given. Trial evaluations of a line search, an SCF that did not converge and an
 * evaluation cut off by the end of the file are left out and counted. Frames closer than {@code minStepA}
 * (largest atomic displacement, Å; 0 keeps all) to the last kept one are thinned out, since neighbouring BFGS
 * steps say almost the same thing. Each frame records the GPW grid its energy was computed on ({@code cp2k_grid}:
 * the finest grid CP2K printed before that evaluation; a cell optimisation keeps it while the cell changes) and the
 * nominal cut-off ({@code level_of_theory} "CP2K GPW 800 Ry …", from "QS| Density cutoff"), so that
 * {@code fit-ff --cutoff-curves} and {@code dft compare} correct these frames like every single point (until 4 Dec 2026
 * they named neither and entered fits uncorrected).
 */
public final class Cp2kOptimisationFrames {
    /** The frames kept, the evaluations found, and how many were left out for each reason. */
    public record Result(List<LabelledXyz.Labelled> frames, int evaluations, int trialOrUnmatched, int notConverged, int incomplete, int thinned,
                         int resumedLeftOut) {
        /** A fresh run (nothing left out as resumed). */
        public Result(List<LabelledXyz.Labelled> frames, int evaluations, int trialOrUnmatched, int notConverged, int incomplete, int thinned) {
            this(frames, evaluations, trialOrUnmatched, notConverged, incomplete, thinned, 0);
        }
    }

    private Cp2kOptimisationFrames() {}

    /**
     * Reads the optimisation in {@code dir} (CP2K project {@code project}); {@code start}, if not null, is the
     * structure it started from (step 0 of a fresh run); frames get {@code configType} and {@code source}
     * "{@code sourcePrefix}#step".
     */
    public static Result read(Path dir, String project, Structure start, String configType, String sourcePrefix, double minStepA) {
        Path out = dir.resolve(project + ".out"), pos = dir.resolve(project + "-pos-1.xyz"), cellFile = dir.resolve(project + "-1.cell");
        if (!Files.isRegularFile(out) && Files.isRegularFile(dir.resolve(project + ".out.gz"))) out = dir.resolve(project + ".out.gz");
        if (!Files.isRegularFile(out)) throw new InputException(out.toString(), 0, "no CP2K output (is this a dft relax folder?)");
        List<String> lines = org.paddlewheel.io.CompressedInput.readAllLines(out);
        List<TrajectoryFrame> trajectory = Files.isRegularFile(pos) ? trajectory(pos) : List.of();
        Map<Integer, double[]> energyAndPositions = byStep(trajectory);
        Element[] species = Files.isRegularFile(pos) ? speciesOf(pos) : start == null ? null : start.speciesArray();
        if (species == null) throw new InputException(pos.toString(), 0, "no trajectory and no start structure: atoms unknown");
        Map<Integer, double[]> cells = Files.isRegularFile(cellFile) ? cells(cellFile) : Map.of();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("SCF WAVEFUNCTION OPTIMIZATION")) starts.add(i);
        String input = inputText(dir.resolve(project + ".inp"));
        boolean resumed = isResumed(input);
        List<double[]> allFrames = trajectory.stream().map(TrajectoryFrame::energyAndPositions).toList();
        if (resumed && (start == null || isCellOptimisation(input))) {
            // A run restarted from CP2K's restart file (&EXT_RESTART) numbers its output steps from 0 again while its
            // -pos-1.xyz and -1.cell files go on from the previous run's, with repeated indices (seen on relax-na2o,
            // 4 Dec 2026: output step 0 is the restart geometry, the cell file repeats step 1). Energies, positions and
            // cells cannot be paired reliably by step, and a frame with one step's energy and another's cell is a wrong
            // label, so every evaluation of a resumed cell optimisation is left out and counted. A resumed GEO_OPT keeps the
            // start's cell, and its positions are paired by energy instead (below).
            return new Result(List.of(), starts.size(), 0, 0, 0, 0, starts.size());
        }
        List<LabelledXyz.Labelled> frames = new ArrayList<>();
        double cutoffRy = densityCutoffRy(lines);
        int[] fileGrid = GpwGrid.parse(lines);
        int unmatched = 0, failed = 0, incomplete = 0, thinned = 0;
        double[] lastKept = null;
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k), to = k + 1 < starts.size() ? starts.get(k + 1) : lines.size();
            List<String> chunk = lines.subList(from, to);
            int step = -1;
            for (String l : chunk) if (l.contains("Informations at step =")) step = Integer.parseInt(l.replaceAll("\\D+", " ").trim().split(" ")[0]);
            Cp2kOutput o;
            try {
                o = Cp2kOutput.parse(chunk, out + " (lines " + (from + 1) + "-" + to + ")", species.length, false);
            } catch (InputException e) {
                if (e.getMessage().contains("did not converge")) failed++;
                else incomplete++;
                continue;
            }
            if (step < 0) { unmatched++; continue; }
            double[] x;
            double[] h;
            double[] ep = resumed ? byEnergy(allFrames, o.energyEv() / Cp2kOutput.HARTREE_EV) : energyAndPositions.get(step);
            if (ep != null && Math.abs(ep[0] * Cp2kOutput.HARTREE_EV - o.energyEv()) <= 1e-6 * Cp2kOutput.HARTREE_EV) {
                x = java.util.Arrays.copyOfRange(ep, 1, ep.length);
            } else if (step == 0 && start != null && !resumed) {
                x = start.positions();
            } else {
                unmatched++;
                continue;
            }
            h = resumed ? start.lattice().rowMajor() : cells.containsKey(step) ? cells.get(step) : start != null ? start.lattice().rowMajor() : null;
            if (h == null) throw new InputException(cellFile.toString(), 0, "no cell for step " + step + " and no start structure");
            if (lastKept != null && minStepA > 0 && maxDisplacement(lastKept, x) < minStepA) { thinned++; continue; }
            lastKept = x;
            Map<String, String> info = new LinkedHashMap<>();
            info.put("config_type", configType);
            info.put("source", sourcePrefix + "#" + step);
            info.put("optimisation_step", Integer.toString(step));
            if (resumed) info.put("optimisation_run", "resumed"); // steps numbered from 0 again: paired by energy
            info.put("scf_steps", Integer.toString(o.scfSteps()));
            // the grid printed between the previous evaluation and this one (the first block there is the finest grid)
            int[] grid = GpwGrid.parse(lines.subList(k == 0 ? 0 : starts.get(k - 1), from));
            if (grid == null) grid = fileGrid;
            if (!Double.isNaN(cutoffRy)) info.put("level_of_theory", String.format(Locale.ROOT, "CP2K GPW %.0f Ry (optimisation step)", cutoffRy));
            if (grid != null) info.put("cp2k_grid", grid[0] + " " + grid[1] + " " + grid[2]);
            frames.add(new LabelledXyz.Labelled(Structure.of(Lattice.fromRowMajor(h), species, x), o.energyEv(), o.forcesEvPerA(),
                    o.stressEvPerA3(), o.mulliken(), info));
        }
        return new Result(frames, starts.size(), unmatched, failed, incomplete, thinned);
    }

    /**
     * The trajectory frame ({E Ha, x1, …}) whose printed energy equals {@code eHa} to 5e-10 Ha (CP2K prints 10
     * decimals), provided every such frame has the same positions; else null. A resumed GEO_OPT numbers its output
     * steps from 0 again while its trajectory goes on from the previous run's, so step numbers cannot pair them, but
     * each accepted step's energy names its frame (seen on the x = 0 dividing-plane relaxation, 4 Dec 2026).
     */
    static double[] byEnergy(List<double[]> frames, double eHa) {
        double[] found = null;
        for (double[] f : frames) {
            if (Math.abs(f[0] - eHa) > 5e-10) continue;
            if (found != null && !java.util.Arrays.equals(found, f)) return null;
            found = f;
        }
        return found;
    }

    /** The run's input text in upper case ("" when there is none): whether it resumes and what it optimises. */
    static String inputText(Path inp) {
        if (!Files.isRegularFile(inp)) return "";
        try {
            return Files.readString(inp).toUpperCase(Locale.ROOT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether the input restarts from a CP2K restart file (&EXT_RESTART). */
    static boolean isResumed(String input) { return input.contains("&EXT_RESTART"); }

    /** Whether the input is a cell optimisation (RUN_TYPE CELL_OPT). */
    static boolean isCellOptimisation(String input) { return input.matches("(?s).*RUN_TYPE\\s+CELL_OPT.*"); }

    /** The density cut-off, Ry, from CP2K's "QS| Density cutoff [a.u.]: E" (E in Hartree), or NaN. */
    static double densityCutoffRy(List<String> lines) {
        for (String l : lines) {
            if (l.contains("QS| Density cutoff [a.u.]:")) {
                String[] t = l.trim().split("\\s+");
                try {
                    return 2 * Double.parseDouble(t[t.length - 1]);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        return Double.NaN;
    }

    private static double maxDisplacement(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i += 3) {
            double dx = a[i] - b[i], dy = a[i + 1] - b[i + 1], dz = a[i + 2] - b[i + 2];
            m = Math.max(m, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return m;
    }

    /** One frame of a CP2K xyz trajectory: its step i and {E (Ha), x1, y1, z1, …}. */
    record TrajectoryFrame(int step, double[] energyAndPositions) {}

    /** Every frame of a CP2K xyz trajectory in file order (a resumed run appends, so steps may repeat). */
    static List<TrajectoryFrame> trajectory(Path pos) {
        List<String> l = org.paddlewheel.io.CompressedInput.readAllLines(pos);
        List<TrajectoryFrame> out = new ArrayList<>();
        int i = 0;
        while (i < l.size() && !l.get(i).isBlank()) {
            int n = Integer.parseInt(l.get(i).trim());
            String head = l.get(i + 1);
            if (i + 2 + n > l.size()) break; // a frame being written when the run stopped
            String[] t = head.replace(",", " ").trim().split("\\s+");
            int step = -1;
            double e = Double.NaN;
            for (int k = 0; k + 2 < t.length; k++) {
                if (t[k].equals("i") && t[k + 1].equals("=")) step = Integer.parseInt(t[k + 2]);
                if (t[k].equals("E") && t[k + 1].equals("=")) e = Double.parseDouble(t[k + 2]);
            }
            if (step < 0) throw new InputException(pos.toString(), i + 2, "expected 'i = N, E = …' in the comment line");
            double[] v = new double[1 + 3 * n];
            v[0] = e;
            for (int a = 0; a < n; a++) {
                String[] q = l.get(i + 2 + a).trim().split("\\s+");
                for (int c = 0; c < 3; c++) v[1 + 3 * a + c] = Double.parseDouble(q[1 + c]);
            }
            out.add(new TrajectoryFrame(step, v));
            i += 2 + n;
        }
        return out;
    }

    /** Step → {E (Ha), x1, y1, z1, …} (the last frame of each step wins). */
    static Map<Integer, double[]> byStep(List<TrajectoryFrame> frames) {
        Map<Integer, double[]> out = new HashMap<>();
        for (TrajectoryFrame f : frames) out.put(f.step(), f.energyAndPositions());
        return out;
    }

    private static Element[] speciesOf(Path pos) {
        List<String> l = org.paddlewheel.io.CompressedInput.readAllLines(pos);
        if (l.isEmpty()) return null;
        int n = Integer.parseInt(l.get(0).trim());
        Element[] e = new Element[n];
        for (int a = 0; a < n; a++) e[a] = Element.of(l.get(2 + a).trim().split("\\s+")[0]);
        return e;
    }

    /** Step → row-major cell (Å) from a CP2K .cell file (Step, Time, Ax … Cz, Volume). */
    static Map<Integer, double[]> cells(Path f) {
        Map<Integer, double[]> out = new HashMap<>();
        List<String> l = org.paddlewheel.io.CompressedInput.readAllLines(f);
        for (int i = 0; i < l.size(); i++) {
            String s = l.get(i).trim();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String[] t = s.split("\\s+");
            if (t.length < 12) throw new InputException(f.toString(), i + 1, "expected Step, Time, 9 cell components and Volume");
            double[] h = new double[9];
            for (int k = 0; k < 9; k++) h[k] = Double.parseDouble(t[2 + k]);
            out.put(Integer.parseInt(t[0]), h);
        }
        return out;
    }

    /** One line for a log: what was kept and what was left out. */
    public static String summary(Result r) {
        return String.format(Locale.ROOT, "%d frames from %d evaluations (left out: %d trial or unmatched, %d SCF not converged, %d incomplete,"
                + " %d closer than the minimum step%s)", r.frames().size(), r.evaluations(), r.trialOrUnmatched(), r.notConverged(), r.incomplete(), r.thinned(),
                r.resumedLeftOut() > 0 ? ", " + r.resumedLeftOut() + " of a run resumed from a restart file, whose step numbers cannot be paired" : "");
    }
}
