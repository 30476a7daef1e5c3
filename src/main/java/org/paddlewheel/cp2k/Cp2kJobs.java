package org.paddlewheel.cp2k;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.io.Cp2kTrajectory;
import org.paddlewheel.io.TrajectoryReader;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Structure;

/**
 * CP2K jobs that run in one folder and resume from CP2K's own restart file
 * ({@code PROJECT-1.restart} through {@code &EXT_RESTART}): relaxation of positions or of positions
 * and cell, climbing-image NEB, and molecular dynamics. Each returns what the library needs
 * (the relaxed structure, the energy profile) and leaves CP2K's files in the folder.
 */
public final class Cp2kJobs {
    private Cp2kJobs() {}

    /** The restart section when an earlier run of {@code project} left a restart file in {@code dir}, else "". */
    static String restartIfAny(Path dir, String project) {
        return Files.exists(dir.resolve(project + "-1.restart")) ? Cp2kMotion.extRestart(project + "-1.restart") : "";
    }

    /** Runs {@code input} as {@code project}.inp in {@code dir}; any failure is an {@link InputException} naming the output. */
    static void runChecked(Cp2kRunner runner, Path dir, String project, String input) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(project + ".inp"), input);
        int rc = runner.run(dir, project + ".inp", project + ".out");
        Path out = dir.resolve(project + ".out");
        if (!Files.exists(out)) throw new InputException(dir.resolve("cp2k.log"), 0, "CP2K wrote no output (exit status " + rc + ")");
        List<String> lines = Files.readAllLines(out);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains("SCF run NOT converged") || l.contains("FAILED to converge")) {
                throw new InputException(out.toString(), i + 1, "CP2K SCF did not converge");
            }
        }
        if (lines.stream().noneMatch(l -> l.contains("PROGRAM ENDED AT"))) {
            String why = Cp2kOutput.abortReason(lines);
            throw new InputException(out.toString(), lines.size(), "CP2K did not finish" + (why.isEmpty() ? " (crashed or was killed); rerun to resume" : ": " + why));
        }
    }

    /**
     * Relaxes positions ({@code cell=false}) or positions and cell at {@code pressureGPa} until the
     * largest force is below {@code maxForceEvPerA}; returns the final structure.
     */
    public static Structure relax(Structure s, boolean cell, double pressureGPa, double maxForceEvPerA, Cp2kSettings st,
                                  Cp2kRunner runner, Path dir) throws IOException, InterruptedException {
        return relax(s, cell, null, pressureGPa, 100, maxForceEvPerA, st, runner, dir, null);
    }

    /**
     * As {@link #relax(Structure, boolean, double, double, Cp2kSettings, Cp2kRunner, Path)}, with the
     * cell held to {@code cellSymmetry} (CP2K's {@code &CELL SYMMETRY} names, e.g. CUBIC; null: free)
     * through {@code KEEP_SYMMETRY}, the cell converged to {@code pressureToleranceBar}, and the atoms
     * {@code fixedOneBased} (1-based, CP2K's numbering; null: none) held in place, as a constrained
     * (relaxed-scan) point needs.
     */
    public static Structure relax(Structure s, boolean cell, String cellSymmetry, double pressureGPa, double pressureToleranceBar,
                                  double maxForceEvPerA, Cp2kSettings st, Cp2kRunner runner, Path dir, int[] fixedOneBased)
            throws IOException, InterruptedException {
        return relax(s, cell, cellSymmetry, pressureGPa, pressureToleranceBar, maxForceEvPerA, st, runner, dir, fixedOneBased, null);
    }

    /**
     * As above, with the atoms {@code fixedXOneBased} (1-based; null: none) held in x only
     * (COMPONENTS_TO_FIX X): the dividing-plane constraint of a hop along x. Needs a fixed cell.
     */
    public static Structure relax(Structure s, boolean cell, String cellSymmetry, double pressureGPa, double pressureToleranceBar,
                                  double maxForceEvPerA, Cp2kSettings st, Cp2kRunner runner, Path dir, int[] fixedOneBased,
                                  int[] fixedXOneBased) throws IOException, InterruptedException {
        for (int[] list : new int[][] {fixedOneBased, fixedXOneBased}) {
            if (list == null) continue;
            for (int i : list) {
                if (i < 1 || i > s.size()) throw new InputException((list == fixedOneBased ? "--fix" : "--fix-x") + ": atom " + i + " is outside 1.." + s.size());
            }
        }
        if (cell && fixedXOneBased != null && fixedXOneBased.length > 0) throw new InputException("--fix-x needs a fixed cell (no --cell)");
        String project = "relax";
        String restart = restartIfAny(dir, project);
        // Killed before the first optimisation step: no restart file yet, but the wavefunction CP2K
        // saved during the first SCF still shortens the rerun's SCF (an 80-atom cell needs ~60 steps from atoms).
        Path wfn = dir.resolve(project + "-RESTART.wfn");
        Path guess = restart.isEmpty() && Files.isRegularFile(wfn) ? wfn.toAbsolutePath() : null;
        String forceEval = Cp2kInput.forceEval(s, st, guess, cell);
        String motion = Cp2kMotion.optimisation(cell, maxForceEvPerA, pressureGPa, 200)
                .replace("&END MOTION\n", Cp2kMotion.fixedAtoms(fixedOneBased, fixedXOneBased) + "&END MOTION\n")
                .replace("PRESSURE_TOLERANCE 100\n", String.format(java.util.Locale.ROOT, "PRESSURE_TOLERANCE %.1f\n", pressureToleranceBar));
        if (cellSymmetry != null && cell) {
            forceEval = forceEval.replace("      PERIODIC XYZ\n    &END CELL", "      PERIODIC XYZ\n      SYMMETRY " + cellSymmetry + "\n    &END CELL");
            motion = motion.replace("    TYPE DIRECT_CELL_OPT\n", "    TYPE DIRECT_CELL_OPT\n    KEEP_SYMMETRY\n");
        }
        String in = Cp2kInput.global(project, cell ? Cp2kInput.RunType.CELL_OPT : Cp2kInput.RunType.GEO_OPT) + forceEval + motion + restart;
        // A run that already converged in this folder (an earlier call ended after CP2K did) is only
        // read back: rerunning would restart the optimiser from its converged point for nothing.
        if (!finished(dir.resolve(project + ".out"))) runChecked(runner, dir, project, in);
        return lastFrame(dir.resolve(project + "-pos-1.xyz"), cell ? null : s).structure();
    }

    /** True when {@code out} is a CP2K output whose optimisation converged and whose program ended. */
    static boolean finished(Path out) {
        if (!Files.isRegularFile(out)) return false;
        try {
            String text = Files.readString(out);
            return text.contains("GEOMETRY OPTIMIZATION COMPLETED") && text.contains("PROGRAM ENDED AT");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Energy (eV) in the comment of the last frame of a CP2K positions file ({@code E = HARTREE}); NaN if none. */
    public static double lastEnergyEv(Path pos) throws IOException {
        double e = Double.NaN;
        for (String l : Files.readAllLines(pos)) {
            int k = l.indexOf("E =");
            if (k >= 0 && l.contains("i =")) e = Double.parseDouble(l.substring(k + 3).trim().split("[\\s,]+")[0]) * Cp2kOutput.HARTREE_EV;
        }
        return e;
    }

    /** The last frame of a CP2K positions file (cell from its .cell file, or {@code like}'s cell). */
    public static Frame lastFrame(Path pos, Structure like) {
        Frame last = null;
        // A converged CELL_OPT ends with "Reevaluating energy at the minimum": one more frame in the
        // positions file (the same geometry, the energy on the final cell's grid) and no row in the
        // .cell file. That frame, and only that one, is answered by the last optimisation step's.
        long reevaluated = like == null ? reevaluatedStep(pos) : -1;
        if (reevaluated >= 0) {
            org.paddlewheel.model.Lattice finalCell = lastCellRow(pos);
            try (TrajectoryReader r = Cp2kTrajectory.openWithCell(pos, finalCell, 0)) {
                while (r.hasNext()) {
                    Frame f = r.next();
                    if (f.step() == reevaluated - 1) last = f;
                }
            }
            if (last == null) throw new InputException(pos, 0, "CP2K wrote no frame for step " + (reevaluated - 1));
            return last;
        }
        try (TrajectoryReader r = like == null ? Cp2kTrajectory.open(pos, null, null, 0) : Cp2kTrajectory.openWithCell(pos, like.lattice(), 0)) {
            while (r.hasNext()) last = r.next();
        }
        if (last == null) throw new InputException(pos, 0, "CP2K wrote no frame");
        return last;
    }

    /**
     * The step of a final re-evaluation frame: the positions file's last step when it is exactly one
     * past the .cell file's last row (CP2K's CELL_OPT epilogue); −1 when the files end together.
     */
    private static Path cellFileOf(Path pos) {
        return pos.resolveSibling(pos.getFileName().toString().replaceFirst("-pos-1\\.xyz$", "-1.cell"));
    }

    /** The cell of the .cell file's last row (Å). */
    private static org.paddlewheel.model.Lattice lastCellRow(Path pos) {
        Path cell = cellFileOf(pos);
        try {
            List<String> lines = Files.readAllLines(cell);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String t = lines.get(i).trim();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] f = t.split("\\s+");
                double[] m = new double[9];
                for (int k = 0; k < 9; k++) m[k] = Double.parseDouble(f[2 + k]);
                return org.paddlewheel.model.Lattice.fromRowMajor(m);
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(cell, 0, "expected a last cell row 'step time Ax … Cz': " + e.getMessage());
        }
        throw new InputException(cell, 0, "expected a cell row, found none");
    }

    static long reevaluatedStep(Path pos) {
        try {
            Path cell = cellFileOf(pos);
            if (!Files.isRegularFile(cell) || cell.equals(pos)) return -1;
            long lastPos = -1, lastCell = -1;
            for (String l : Files.readAllLines(pos)) {
                int k = l.indexOf("i =");
                if (k >= 0) lastPos = Long.parseLong(l.substring(k + 3).trim().split("[\\s,]+")[0]);
            }
            for (String l : Files.readAllLines(cell)) {
                String t = l.trim();
                if (!t.isEmpty() && !t.startsWith("#")) lastCell = Long.parseLong(t.split("\\s+")[0]);
            }
            return lastPos >= 0 && lastCell >= 0 && lastPos == lastCell + 1 ? lastPos : -1;
        } catch (IOException | NumberFormatException e) {
            return -1; // the strict reader then says what is wrong
        }
    }

    /**
     * One NEB energy profile.
     *
     * @param distanceA  cumulative path length at each replica, Å (CP2K's replica distances)
     * @param energyEv   energy of each replica relative to the first, eV
     * @param converged  CP2K reported the band converged
     * @param steps      band optimisation steps taken
     */
    public record NebProfile(double[] distanceA, double[] energyEv, boolean converged, int steps) {
        /** Barrier: highest replica minus the first, eV. */
        public double barrierEv() {
            double m = Double.NEGATIVE_INFINITY;
            for (double e : energyEv) m = Math.max(m, e);
            return m;
        }
    }

    /** Climbing-image NEB with {@code images} movable images between two endpoints with the same atoms in the same order. */
    public static NebProfile neb(Structure first, Structure last, int images, double maxForceEvPerA, int maxSteps, Cp2kSettings st,
                                 Cp2kRunner runner, Path dir) throws IOException, InterruptedException {
        if (!SinglePoints.sameAtoms(first, last)) throw new InputException("NEB endpoints must have the same atoms in the same order");
        if (images < 1) throw new InputException("--images must be at least 1, got " + images);
        String project = "neb";
        String in = Cp2kInput.global(project, Cp2kInput.RunType.BAND) + Cp2kInput.forceEval(first, st, null, false)
                + Cp2kMotion.band(first, last, images, runner.ranks(), maxForceEvPerA, maxSteps) + restartIfAny(dir, project);
        runChecked(runner, dir, project, in);
        return parseBand(Files.readAllLines(dir.resolve(project + ".out")), dir.resolve(project + ".out").toString(), maxSteps);
    }

    /**
     * The last band report in a CP2K BAND output: replica distances (bohr in the output) and
     * energies (Hartree). CP2K prints no convergence flag at the default print level; it stops the
     * band optimisation early only when the convergence criteria are met, so fewer steps than
     * {@code maxSteps} means converged.
     */
    static NebProfile parseBand(List<String> lines, String source, int maxSteps) {
        double[] dist = null, energy = null;
        int steps = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains("STEP NUMBER") && l.contains("=")) steps++;
            if (l.contains("DISTANCES REP =")) dist = numbersFrom(lines, i, "DISTANCES REP =");
            if (l.contains("ENERGIES [au] =")) energy = numbersFrom(lines, i, "ENERGIES [au] =");
        }
        if (energy == null) throw new InputException(source, 0, "no band energies (ENERGIES [au] =) in the CP2K output");
        double[] e = new double[energy.length];
        for (int i = 0; i < e.length; i++) e[i] = (energy[i] - energy[0]) * Cp2kOutput.HARTREE_EV;
        double[] s = new double[e.length];
        if (dist != null && dist.length == e.length - 1) {
            for (int i = 1; i < s.length; i++) s[i] = s[i - 1] + dist[i - 1] * Cp2kOutput.BOHR_A;
        } else {
            for (int i = 1; i < s.length; i++) s[i] = i;
        }
        return new NebProfile(s, e, steps < maxSteps, steps);
    }

    private static double[] numbersFrom(List<String> lines, int i, String marker) {
        List<Double> v = new ArrayList<>();
        String rest = lines.get(i).substring(lines.get(i).indexOf(marker) + marker.length());
        for (int j = i; j < lines.size(); j++) {
            String t = j == i ? rest : lines.get(j);
            if (j > i && (t.contains("=") || t.isBlank())) break;
            for (String tok : t.trim().split("\\s+")) {
                if (tok.isEmpty()) continue;
                try {
                    v.add(Double.parseDouble(tok));
                } catch (NumberFormatException e) {
                    return v.stream().mapToDouble(Double::doubleValue).toArray();
                }
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
