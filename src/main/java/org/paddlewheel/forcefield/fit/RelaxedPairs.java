package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Structure;
import org.paddlewheel.relax.Relaxation;

/**
 * The relaxed-scan pairs of {@link DftComparison}: a DFT start and mid (or dividing-plane point), each
 * relaxed again with the model at fixed cell (FIRE, 0.01 eV/Å; thin cells through their replica, every
 * image of a held atom held), and the checks that say whether the two barriers are comparable: the
 * model's barrier at the DFT geometries (eV), what its relaxation gains from each DFT structure (eV per
 * DFT cell) and how far any atom moved (Å).
 */
final class RelaxedPairs {
    private RelaxedPairs() {}

    /**
     * Every pair the relaxation files allow, keyed by scan ({start, mid, plane} paths; null where missing): start–mid and
     * start–plane barriers, and a start of {@code <scan>-<variant>} against the start of {@code <scan>}.
     */
    static List<DftComparison.RelaxedBarrier> all(ForceField model, java.util.Map<String, Path[]> pairs, List<DftComparison.FrameResult> fr,
                                                  java.io.PrintStream log) {
        return all(model, pairs, fr, log, null);
    }

    /**
     * As above; {@code relaxed} (null: none) receives each structure the model relaxed, named {@code <scan>-start},
     * {@code <scan>-mid} or {@code <scan>-plane}, in the DFT cell (the first replica of a thin cell's relaxation).
     */
    static List<DftComparison.RelaxedBarrier> all(ForceField model, java.util.Map<String, Path[]> pairs, List<DftComparison.FrameResult> fr,
                                                  java.io.PrintStream log, java.util.function.BiConsumer<String, Structure> relaxed) {
        List<DftComparison.RelaxedBarrier> rb = new java.util.ArrayList<>();
        for (var e : pairs.entrySet()) {
            if (e.getValue()[0] == null) continue; // half a pair: the generator is still on it
            for (int k = 1; k <= 2; k++) {
                if (e.getValue()[k] == null) continue;
                String name = e.getKey() + (k == 2 ? ":plane" : "");
                log.printf(Locale.ROOT, "dft compare: relaxed scan %s with the model%n", name);
                String midName = e.getKey() + (k == 2 ? "-plane" : "-mid");
                rb.add(relaxedBarrier(model, name, e.getValue()[0], e.getValue()[k], fr, relaxed == null ? null
                        : (start, mid) -> {
                            relaxed.accept(e.getKey() + "-start", start);
                            relaxed.accept(midName, mid);
                        }));
            }
            // a second start of the same cell from another basin (relaxed-<scan>-<variant>-start, e.g. the tilted-anion x = 0 and
            // x = 1 starts of session 13/14): which basin is lower, in DFT and in the model, is a target of its own, since a barrier
            // measured from the higher one is not the barrier
            for (var o : pairs.entrySet()) {
                String v = o.getKey().startsWith(e.getKey() + "-") ? o.getKey().substring(e.getKey().length() + 1) : null;
                if (v == null || v.contains("-") || o.getValue()[0] == null) continue;
                String name = e.getKey() + ":" + v + "-start";
                log.printf(Locale.ROOT, "dft compare: relaxed starts %s with the model%n", name);
                String variantStart = o.getKey() + "-start";
                rb.add(relaxedBarrier(model, name, e.getValue()[0], o.getValue()[0], fr, relaxed == null ? null
                        : (start, other) -> {
                            relaxed.accept(e.getKey() + "-start", start);
                            relaxed.accept(variantStart, other);
                        }));
            }
        }
        return rb;
    }

    /** One relaxed-scan barrier, DFT and model (see {@link DftComparison.RelaxedBarrier}). */
    static DftComparison.RelaxedBarrier relaxedBarrier(ForceField model, String scan, Path start, Path mid, List<DftComparison.FrameResult> frames) {
        return relaxedBarrier(model, scan, start, mid, frames, null);
    }

    /** As above; {@code relaxed} (null: none) receives the model's relaxed start and mid in the DFT cells. */
    static DftComparison.RelaxedBarrier relaxedBarrier(ForceField model, String scan, Path start, Path mid, List<DftComparison.FrameResult> frames,
                                                       java.util.function.BiConsumer<Structure, Structure> relaxed) {
        JsonNode js = DftComparison.readJson(start), jm = DftComparison.readJson(mid);
        double dft = jm.path("energy_eV").asDouble(Double.NaN) - js.path("energy_eV").asDouble(Double.NaN);
        Path ps = DftComparison.structureBeside(start, js), pm = DftComparison.structureBeside(mid, jm);
        Structure ss = Formats.readStructure(ps, null), sm = Formats.readStructure(pm, null);
        if (jm.path("fixed_atoms").asInt(0) > 0 && !jm.has("fixed_indices")) {
            return new DftComparison.RelaxedBarrier(scan, dft, Double.NaN, false, "held atoms not recorded (dft relax before 2 Dec 2026)");
        }
        String scanType = scan.replaceFirst(":plane$", "");
        int[] held, heldX;
        try {
            held = heldIndices(jm.path("fixed_indices"), pm, sm, scanType, frames);
            heldX = heldIndices(jm.path("fixed_x_indices"), pm, sm, scanType, frames);
        } catch (IllegalStateException e) {
            return new DftComparison.RelaxedBarrier(scan, dft, Double.NaN, false, e.getMessage());
        }
        Relaxation.Result rs = relaxThin(model, ss, new int[0], new int[0]), rm = relaxThin(model, sm, held, heldX);
        if (relaxed != null) relaxed.accept(firstReplica(ss, rs.structure()), firstReplica(sm, rm.structure()));
        double mult = (double) rs.structure().size() / ss.size(), multM = (double) rm.structure().size() / sm.size();
        double shiftS = maxShift(ss, rs.structure()), shiftM = maxShift(sm, rm.structure());
        String note = scan.endsWith("-start") ? "two relaxed starts of one cell, nothing held (not a barrier: which basin is lower)"
                : heldX.length > 0 ? held.length + " atoms held, " + heldX.length + " held on the dividing plane x = const"
                : held.length + " atoms held at mid";
        if (shiftS > DftComparison.SAME_BASIN_SHIFT_A || shiftM > DftComparison.SAME_BASIN_SHIFT_A) {
            note += String.format(Locale.ROOT, "; the model left the DFT %s (an atom moved %.2f Å): the barriers start from different minima,"
                    + " not a test of the model", shiftS > DftComparison.SAME_BASIN_SHIFT_A ? "start" : "mid", Math.max(shiftS, shiftM));
        }
        double fromStart = heldX.length > 0 ? heldIonFromStart(ss, sm, heldX) : Double.NaN;
        if (fromStart < DftComparison.HOP_MIN_A) {
            note += String.format(Locale.ROOT, "; the held ion lies %.2f Å from its place in the DFT start: the plane passes through the start's"
                    + " own site, so the pair measures no hop", fromStart);
        }
        double es0 = energyThin(model, ss), em0 = energyThin(model, sm);
        return new DftComparison.RelaxedBarrier(scan, dft, rm.energyEv() / multM - rs.energyEv() / mult, rs.converged() && rm.converged(), note, shiftS, shiftM,
                em0 - es0, es0 - rs.energyEv() / mult, em0 - rm.energyEv() / multM, fromStart);
    }

    /**
     * Largest distance (Å) between an atom whose x is held in {@code plane} and the same atom of {@code start}: the hopping ion (an
     * anchor atom held as well, so that the crystal cannot slide along x past the hopping ion, stays where the start has it). The
     * plane cell is the start's turned rigidly (so that the hop runs along x), so the two are compared in fractional coordinates,
     * minimum image in the start's cell, after removing the mean displacement of the other atoms (a relaxation lets the whole
     * cell drift: 0.5–0.7 Å between the x = 1 scan and its tilted start).
     */
    static double heldIonFromStart(Structure start, Structure plane, int[] heldX) {
        int n = Math.min(start.size(), plane.size());
        double[][] df = new double[n][];
        java.util.Set<Integer> held = new java.util.HashSet<>();
        for (int i : heldX) held.add(i);
        double[] drift = new double[3];
        int others = 0;
        for (int i = 0; i < n; i++) {
            double[] fp = plane.lattice().toFractional(new double[] {plane.x(i, 0), plane.x(i, 1), plane.x(i, 2)});
            double[] fs = start.lattice().toFractional(new double[] {start.x(i, 0), start.x(i, 1), start.x(i, 2)});
            df[i] = new double[3];
            for (int k = 0; k < 3; k++) df[i][k] = fp[k] - fs[k] - Math.rint(fp[k] - fs[k]);
            if (held.contains(i)) continue;
            for (int k = 0; k < 3; k++) drift[k] += df[i][k];
            others++;
        }
        double max = Double.NaN;
        for (int i : heldX) {
            if (i >= n) continue;
            double[] f = new double[3];
            for (int k = 0; k < 3; k++) f[k] = df[i][k] - (others > 0 ? drift[k] / others : 0);
            double[] d = start.lattice().minimumImage(start.lattice().toCartesian(f));
            double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            if (!(r <= max)) max = r;
        }
        return max;
    }

    /** The model's energy of {@code s} (eV per cell of {@code s}), evaluated through the replica {@link #relaxThin} uses. */
    static double energyThin(ForceField model, Structure s) {
        int[] m = ThinCells.replicas(s, model);
        Structure big = org.paddlewheel.build.Supercell.of(s, m[0], m[1], m[2]);
        Cell cell = new Cell(big.lattice());
        try (ForceEngine eng = new ForceEngine(Topology.build(model, big), cell, ForceEngine.Options.defaults())) {
            return eng.compute(big.positions(), cell, new double[3 * big.size()]) * s.size() / big.size();
        }
    }

    /** The first {@code cell.size()} atoms of {@code relaxed} (a replica of {@code cell}, or {@code cell} itself) in {@code cell}'s lattice. */
    static Structure firstReplica(Structure cell, Structure relaxed) {
        double[] x = new double[3 * cell.size()];
        System.arraycopy(relaxed.positions(), 0, x, 0, x.length);
        Element[] sp = new Element[cell.size()];
        for (int i = 0; i < sp.length; i++) sp[i] = relaxed.species(i);
        return Structure.of(cell.lattice(), sp, x);
    }

    /** Largest minimum-image distance (Å) between an atom of {@code s} and the same atom of the first replica in {@code relaxed}. */
    static double maxShift(Structure s, Structure relaxed) {
        double max = 0;
        for (int i = 0; i < s.size(); i++) {
            double[] d = s.lattice().minimumImage(new double[] {relaxed.x(i, 0) - s.x(i, 0), relaxed.x(i, 1) - s.x(i, 1), relaxed.x(i, 2) - s.x(i, 2)});
            max = Math.max(max, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
        }
        return max;
    }

    /**
     * 0-based indices, in the order of the structure read from {@code file}, of a JSON list of 1-based input
     * indices (empty when the list is missing). POSCAR groups atoms by element, so there the input order is
     * the scan's (its frames are the relaxations' inputs); throws IllegalStateException when it is unknown.
     */
    private static int[] heldIndices(JsonNode list, Path file, Structure sm, String scan, List<DftComparison.FrameResult> frames) {
        if (!list.isArray() || list.isEmpty()) return new int[0];
        int[] oneBased = new int[list.size()];
        for (int k = 0; k < oneBased.length; k++) oneBased[k] = list.get(k).asInt();
        int[] held = new int[oneBased.length];
        if (file.toString().endsWith(".vasp")) {
            Element[] input = frames.stream().filter(f -> f.configType().equals(scan)).map(DftComparison.FrameResult::species).findFirst().orElse(null);
            if (input == null || input.length != sm.size()) {
                throw new IllegalStateException("structure is a POSCAR and the scan's frames are not in the data: atom order unknown");
            }
            int[] order = Structure.of(sm.lattice(), input, new double[3 * input.length]).speciesGroupingOrder();
            int[] where = new int[order.length];
            for (int n = 0; n < order.length; n++) where[order[n]] = n;
            for (int k = 0; k < held.length; k++) held[k] = where[oneBased[k] - 1];
        } else {
            for (int k = 0; k < held.length; k++) held[k] = oneBased[k] - 1;
        }
        return held;
    }

    /** As above, with the atoms {@code heldX} (and their images) held in Cartesian x only. */
    static Relaxation.Result relaxThin(ForceField model, Structure s, int[] held, int[] heldX) {
        int[] m = ThinCells.replicas(s, model);
        Structure big = org.paddlewheel.build.Supercell.of(s, m[0], m[1], m[2]);
        return Relaxation.relax(big, model, Relaxation.Options.defaults().withFmax(0.01).withMaxSteps(20000)
                .withFixedAtoms(images(held, s.size(), m)).withFixedXAtoms(images(heldX, s.size(), m)));
    }

    private static int[] images(int[] held, int n, int[] m) {
        int images = m[0] * m[1] * m[2];
        int[] all = new int[held.length * images];
        for (int img = 0; img < images; img++) for (int k = 0; k < held.length; k++) all[img * held.length + k] = img * n + held[k];
        return all;
    }
}
