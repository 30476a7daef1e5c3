package org.paddlewheel.forcefield.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models' own minima, labelled by DFT (config_type {@code self-*}; forcefields/dft/selflabel.py): structures a model
 * relaxed from DFT starts and dividing planes, each frame tagged {@code origin} (the scan point it was relaxed from) and
 * {@code relaxed_by} (a model's tag, or {@code PBE} for DFT's own relaxed starts, which anchor the cell). For every frame,
 * its energy above the lowest DFT-relaxed anchor of its cell (eV per cell), in DFT and in the model under test: a model minimum
 * that DFT puts far above the anchor while the model puts it at or below is a spurious basin of that model (session 18: a
 * fit's relaxed x = 0 dividing planes 0.28–0.37 eV below DFT's own). A cell is the config_type, atom count and lattice
 * (to 1e-4 Å), so a later round's piece labelled without its own anchors (selflabel.py --no-anchors) is measured from an
 * earlier piece's; differences within one cell only, so the Γ-point offset of these 2x2x1 cells cancels.
 */
public final class OwnMinima {
    private OwnMinima() {}

    /** One frame: piece (config_type), origin, model that relaxed it, source, and its energy above the anchor (eV), DFT and model. */
    public record Entry(String piece, String origin, String relaxedBy, String source, double dftAboveAnchorEv, double modelAboveAnchorEv) {
        /** Model − DFT (eV): negative where the model puts this structure too low against the anchor. */
        public double errorEv() { return modelAboveAnchorEv - dftAboveAnchorEv; }
    }

    /**
     * The entries of every {@code self-*} frame among {@code frames} (same order as {@code results}), piece by piece in the
     * order the pieces first appear; frames of a cell that has no PBE anchor at all are left out (see {@link #unanchored}).
     */
    public static List<Entry> of(List<Uf3Dataset.Frame> frames, List<DftComparison.FrameResult> results) {
        Map<String, Integer> anchorOf = anchors(frames, results);
        Map<String, List<Integer>> pieces = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).configType().startsWith("self-")) pieces.computeIfAbsent(frames.get(i).group(), k -> new ArrayList<>()).add(i);
        }
        List<Entry> out = new ArrayList<>();
        for (List<Integer> idx : pieces.values()) {
            for (int i : idx) {
                Integer anchor = anchorOf.get(cell(frames.get(i), results.get(i)));
                if (anchor == null) continue;
                var a = results.get(anchor);
                var r = results.get(i);
                var info = frames.get(i).labelled().info();
                out.add(new Entry(r.configType(), info.getOrDefault("origin", "?"), info.getOrDefault("relaxed_by", "?"), r.source(),
                        dft(frames, i) - dft(frames, anchor), r.modelEnergyEv() - a.modelEnergyEv()));
            }
        }
        return out;
    }

    /** Sources of the {@code self-*} frames whose cell has no PBE anchor in the data (left out of {@link #of}). */
    public static List<String> unanchored(List<Uf3Dataset.Frame> frames, List<DftComparison.FrameResult> results) {
        Map<String, Integer> anchorOf = anchors(frames, results);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).configType().startsWith("self-") && !anchorOf.containsKey(cell(frames.get(i), results.get(i)))) {
                out.add(results.get(i).source());
            }
        }
        return out;
    }

    /** Per cell, the index of its lowest-energy (DFT) PBE-relaxed frame. */
    private static Map<String, Integer> anchors(List<Uf3Dataset.Frame> frames, List<DftComparison.FrameResult> results) {
        Map<String, Integer> anchorOf = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).configType().startsWith("self-")) continue;
            if (!"PBE".equalsIgnoreCase(frames.get(i).labelled().info().getOrDefault("relaxed_by", ""))) continue;
            Integer a = anchorOf.get(cell(frames.get(i), results.get(i)));
            if (a == null || dft(frames, i) < dft(frames, a)) anchorOf.put(cell(frames.get(i), results.get(i)), i);
        }
        return anchorOf;
    }

    /**
     * The frame's DFT energy as labelled (eV), not {@link DftComparison.FrameResult#dftEnergyEv}: dft compare shifts a
     * relative-energy group's DFT energies by that group's mean model error, a different shift in every piece, so frames
     * of two pieces compare only unshifted (the GPW cut-off correction is the same in one cell and cancels).
     */
    private static double dft(List<Uf3Dataset.Frame> frames, int i) {
        return frames.get(i).labelled().energyEv();
    }

    /** config_type, atom count and lattice vectors to 1e-4 Å: frames whose energies may be subtracted. */
    private static String cell(Uf3Dataset.Frame f, DftComparison.FrameResult r) {
        StringBuilder k = new StringBuilder(r.configType()).append('|').append(f.labelled().structure().size());
        for (double[] v : f.labelled().structure().lattice().rows()) for (double x : v) k.append('|').append(Math.round(x * 1e4));
        return k.toString();
    }
}
