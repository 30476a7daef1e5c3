package org.paddlewheel.forcefield.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models' own minima, labelled by DFT (config_type {@code self-*}; forcefields/dft/selflabel.py): structures a model
 * relaxed from DFT starts and dividing planes, each frame tagged {@code origin} (the scan point it was relaxed from) and
 * {@code relaxed_by} (a model's tag, or {@code PBE} for DFT's own relaxed starts, which anchor the piece). For every frame,
 * its energy above the piece's lowest DFT-relaxed anchor (eV per cell), in DFT and in the model under test: a model minimum
 * that DFT puts far above the anchor while the model puts it at or below is a spurious basin of that model (session 18: a
 * fit's relaxed x = 0 dividing planes 0.28–0.37 eV below DFT's own). Differences within one cell only, so the Γ-point offset
 * of these 2x2x1 cells cancels.
 */
public final class OwnMinima {
    private OwnMinima() {}

    /** One frame: piece (config_type), origin, model that relaxed it, source, and its energy above the anchor (eV), DFT and model. */
    public record Entry(String piece, String origin, String relaxedBy, String source, double dftAboveAnchorEv, double modelAboveAnchorEv) {
        /** Model − DFT (eV): negative where the model puts this structure too low against the anchor. */
        public double errorEv() { return modelAboveAnchorEv - dftAboveAnchorEv; }
    }

    /** The entries of every {@code self-*} piece among {@code frames} (same order as {@code results}); pieces without a PBE anchor are left out. */
    public static List<Entry> of(List<Uf3Dataset.Frame> frames, List<DftComparison.FrameResult> results) {
        Map<String, List<Integer>> pieces = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).configType().startsWith("self-")) pieces.computeIfAbsent(frames.get(i).group(), k -> new ArrayList<>()).add(i);
        }
        List<Entry> out = new ArrayList<>();
        for (List<Integer> idx : pieces.values()) {
            int anchor = -1;
            for (int i : idx) {
                boolean dft = "PBE".equalsIgnoreCase(frames.get(i).labelled().info().getOrDefault("relaxed_by", ""));
                if (dft && (anchor < 0 || results.get(i).dftEnergyEv() < results.get(anchor).dftEnergyEv())) anchor = i;
            }
            if (anchor < 0) continue;
            var a = results.get(anchor);
            for (int i : idx) {
                var r = results.get(i);
                var info = frames.get(i).labelled().info();
                out.add(new Entry(r.configType(), info.getOrDefault("origin", "?"), info.getOrDefault("relaxed_by", "?"), r.source(),
                        r.dftEnergyEv() - a.dftEnergyEv(), r.modelEnergyEv() - a.modelEnergyEv()));
            }
        }
        return out;
    }
}
