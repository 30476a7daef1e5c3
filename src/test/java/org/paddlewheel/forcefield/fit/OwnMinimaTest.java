package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * {@link OwnMinima}: every self-* frame is measured from the piece's lowest DFT-relaxed anchor, in DFT and in the model,
 * from the same anchor frame; a model basin DFT does not have shows as a negative Δ; pieces without an anchor and frames of
 * other config types are left out. Energies are exact sums here, so 1e-12 eV.
 */
class OwnMinimaTest {
    private final List<Uf3Dataset.Frame> frames = new ArrayList<>();
    private final List<DftComparison.FrameResult> results = new ArrayList<>();

    private void add(String type, String group, String relaxedBy, String origin, double dft, double model) {
        Structure s = Structure.of(Lattice.cubic(5), new Element[] {Element.of("Na")}, new double[3]);
        Map<String, String> info = relaxedBy == null ? Map.of("config_type", type) : Map.of("config_type", type, "relaxed_by", relaxedBy, "origin", origin);
        frames.add(new Uf3Dataset.Frame(new LabelledXyz.Labelled(s, dft, new double[3], null, null, info), group));
        results.add(new DftComparison.FrameResult(group + "#" + frames.size(), type, "Na", s.speciesArray(), dft, model, new double[3], new double[3], null, null));
    }

    @Test
    void eachModelMinimumIsMeasuredFromTheLowestDftStart() {
        add("self-x0", "g1", "PBE", "scan-start", -100.0, -50.0);
        add("self-x0", "g1", "PBE", "scan-tilt-start", -100.2, -50.1);   // the lower DFT start: the anchor
        add("self-x0", "g1", "m", "scan-plane", -99.9, -50.5);          // DFT +0.3 above the anchor, the model −0.4: a model basin
        add("scan-hop", "g2", null, null, -10, -5);                     // not self-*: ignored
        add("self-x1", "g3", "m", "scan-start", -1, -2);                 // no PBE anchor in its piece: left out
        List<OwnMinima.Entry> e = OwnMinima.of(frames, results);
        assertThat(e).hasSize(3).extracting(OwnMinima.Entry::piece).containsOnly("self-x0");
        assertThat(e.get(0).dftAboveAnchorEv()).isCloseTo(0.2, within(1e-12));
        assertThat(e.get(0).modelAboveAnchorEv()).isCloseTo(0.1, within(1e-12));
        assertThat(e.get(1).dftAboveAnchorEv()).isCloseTo(0.0, within(1e-12));
        OwnMinima.Entry plane = e.get(2);
        assertThat(plane.origin()).isEqualTo("scan-plane");
        assertThat(plane.relaxedBy()).isEqualTo("m");
        assertThat(plane.dftAboveAnchorEv()).isCloseTo(0.3, within(1e-12));
        assertThat(plane.modelAboveAnchorEv()).isCloseTo(-0.4, within(1e-12));
        assertThat(plane.errorEv()).isCloseTo(-0.7, within(1e-12));
    }
}
