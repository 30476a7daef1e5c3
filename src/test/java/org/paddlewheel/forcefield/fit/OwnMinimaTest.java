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
 * {@link OwnMinima}: every self-* frame is measured from its cell's lowest DFT-relaxed anchor, in DFT and in the model,
 * from the same anchor frame; a model basin DFT does not have shows as a negative Δ; a later piece without anchors in the
 * same cell is measured from an earlier piece's; a cell without any anchor (another config_type, or the same one in another
 * lattice) is left out and named by {@link OwnMinima#unanchored}; frames of other config types are ignored. Energies are
 * exact sums here, so 1e-12 eV; each piece's DFT energies in the comparison carry their own offset, as dft compare's
 * relative groups do, so only the labelled energies give these numbers.
 */
class OwnMinimaTest {
    private final List<Uf3Dataset.Frame> frames = new ArrayList<>();
    private final List<DftComparison.FrameResult> results = new ArrayList<>();

    private void add(String type, String group, String relaxedBy, String origin, double dft, double model) {
        add(type, group, relaxedBy, origin, dft, model, 5);
    }

    private void add(String type, String group, String relaxedBy, String origin, double dft, double model, double a) {
        Structure s = Structure.of(Lattice.cubic(a), new Element[] {Element.of("Na")}, new double[3]);
        Map<String, String> info = relaxedBy == null ? Map.of("config_type", type) : Map.of("config_type", type, "relaxed_by", relaxedBy, "origin", origin);
        frames.add(new Uf3Dataset.Frame(new LabelledXyz.Labelled(s, dft, new double[3], null, null, info), group));
        // dft compare shifts each relative group's DFT energies by its own mean error: a different offset per piece here,
        // which only the labelled (unshifted) energies undo
        double shiftOfPiece = 0.1 * group.hashCode() % 1.0;
        results.add(new DftComparison.FrameResult(group + "#" + frames.size(), type, "Na", s.speciesArray(), dft + shiftOfPiece, model, new double[3],
                new double[3], null, null));
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
        assertThat(OwnMinima.unanchored(frames, results)).containsExactly("g3#5");
    }

    @Test
    void aLaterPieceWithoutAnchorsIsMeasuredFromItsCellsAnchor() {
        add("self-x0", "round1", "PBE", "scan-start", -100.0, -50.0);
        add("self-x0", "round1", "m1", "scan-plane", -99.5, -50.2);
        add("self-x0", "round2", "m2", "scan-plane", -99.8, -50.6);      // no anchor of its own: round 1's, same cell
        add("self-x0", "round3", "m3", "scan-plane", -99.0, -49.0, 6);   // same config_type, another lattice: no anchor
        List<OwnMinima.Entry> e = OwnMinima.of(frames, results);
        assertThat(e).extracting(OwnMinima.Entry::relaxedBy).containsExactly("PBE", "m1", "m2");
        assertThat(e.get(2).dftAboveAnchorEv()).isCloseTo(0.2, within(1e-12));
        assertThat(e.get(2).errorEv()).isCloseTo(-0.8, within(1e-12));
        assertThat(OwnMinima.unanchored(frames, results)).containsExactly("round3#4");
    }
}
