package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.paddlewheel.build.AntiperovskiteBuilder;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/** Forces on whole molecules and ions ({@link RigidBodyForces}): what cancels, what scales, what turns. */
class RigidBodyForcesTest {
    private static final ForceField MODEL = ForceField.resolve("na-amide-borohydride-dft");

    /** x = 1, 2x2x2, random orientations: BH4 on the cell corners, so their H atoms wrap across the cell faces. */
    private static Structure cell() {
        return new AntiperovskiteBuilder().x(1).supercell(2, 2, 2).seed(5).build().structure();
    }

    private static double[] randomForces(int n, long seed) {
        Random r = new Random(seed);
        double[] f = new double[3 * n];
        for (int k = 0; k < f.length; k++) f[k] = r.nextGaussian() * 0.5;
        return f;
    }

    /** Minimum-image vector from atom c to atom h (Å). */
    private static double[] bond(Structure s, int c, int h) {
        double[] x = s.positions(), d = new double[3];
        s.lattice().minimumImage(x[3 * h] - x[3 * c], x[3 * h + 1] - x[3 * c + 1], x[3 * h + 2] - x[3 * c + 2], d, 0);
        return d;
    }

    private static Map<String, RigidBodyForces.Stat> frame(Structure s, double[] dft, double[] model) {
        return RigidBodyForces.ofFrame(MODEL, s, dft, model);
    }

    @Test
    void intramolecularErrorsCancelByNewtonsThirdLaw() {
        // DFT = model + equal and opposite forces along every bond of every molecule (a wrong bond stiffness): each pair adds
        // no net force and, acting along the line joining the atoms, no torque. The rigid-body errors must be zero to
        // round-off, while the per-atom error is of the order of the added forces.
        Structure s = cell();
        double[] model = randomForces(s.size(), 1);
        double[] dft = model.clone();
        Topology top = Topology.build(MODEL, s);
        double perAtom = 0;
        for (Molecule m : top.molecules) {
            int c = m.centre();
            for (int h : m.ligands()) {
                double[] d = bond(s, c, h);
                double k = 0.7 + 0.1 * h % 3; // eV/Å², a different stretch error per bond
                for (int a = 0; a < 3; a++) {
                    dft[3 * h + a] += k * d[a];
                    dft[3 * c + a] -= k * d[a];
                    perAtom += 2 * k * k * d[a] * d[a];
                }
            }
        }
        assertThat(perAtom / (3 * s.size())).isGreaterThan(0.05); // RMS ≥ 0.2 eV/Å per component on the atoms
        Map<String, RigidBodyForces.Stat> st = frame(s, dft, model);
        assertThat(st.keySet()).containsExactly("BH4/force", "BH4/torque", "NH2/force", "NH2/torque", "Na/force");
        for (var v : st.values()) assertThat(v.rmse()).as(v.kind() + " " + v.quantity()).isLessThan(1e-12);
        assertThat(st.get("BH4/force").groups()).isEqualTo(8);
        assertThat(st.get("Na/force").groups()).isEqualTo(16);
    }

    @Test
    void aModelWithHalfTheForcesHasSlopeAndRelativeErrorOneHalf() {
        Structure s = cell();
        double[] dft = randomForces(s.size(), 2);
        double[] model = dft.clone();
        for (int k = 0; k < model.length; k++) model[k] *= 0.5;
        for (var v : frame(s, dft, model).values()) {
            assertThat(v.slope()).isCloseTo(0.5, within(1e-12));
            assertThat(v.relativeError()).isCloseTo(0.5, within(1e-12));
            assertThat(v.modelRms()).isCloseTo(0.5 * v.dftRms(), within(1e-12));
        }
    }

    @Test
    void aCoupleOnOneAnionIsSeenAsItsTorqueOnly() {
        // a force F on one H of the BH4 at the origin (its H wrap across the faces) perpendicular to its bond, −F on its B:
        // no net force, torque r_BH × F with |r_BH × F| = |r_BH| |F|
        Structure s = cell();
        double[] model = randomForces(s.size(), 3);
        double[] dft = model.clone();
        Topology top = Topology.build(MODEL, s);
        Molecule bh4 = top.molecules.stream().filter(m -> m.formula().equals("BH4")).findFirst().orElseThrow();
        int b = bh4.centre(), h = bh4.ligands()[0];
        double[] r = bond(s, b, h);
        double rn = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        assertThat(rn).isCloseTo(1.23, within(0.1)); // B–H, so the minimum image found the bonded copy
        double[] f = {r[1], -r[0], 0}; // ⟂ r
        double fn = Math.sqrt(f[0] * f[0] + f[1] * f[1]);
        for (int a = 0; a < 3; a++) {
            f[a] *= 0.3 / fn; // 0.3 eV/Å
            dft[3 * h + a] += f[a];
            dft[3 * b + a] -= f[a];
        }
        var base = frame(s, model, model);
        var st = frame(s, dft, model);
        assertThat(st.get("BH4/force").diffDiff()).isLessThan(1e-24);
        // one molecule's torque differs by r × F: the summed squared difference is |r|² |F|²
        assertThat(st.get("BH4/torque").diffDiff()).isCloseTo(rn * rn * 0.09, within(1e-12));
        assertThat(base.get("BH4/torque").diffDiff()).isZero();
    }

    @Test
    void dftCompareReportsTheModelAgainstItsOwnForcesAsExact(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        // the model's own forces as the "DFT" labels: every rigid-body error is zero and every slope 1, in the JSON key
        // rigid_body, the report's table and rigid-body.csv
        Structure s = cell();
        var own = DftComparison.evaluate(MODEL, new Uf3Dataset.Frame(new LabelledXyz.Labelled(s, 0, null, null, null, Map.of()), "g"));
        java.nio.file.Path data = tmp.resolve("own.extxyz");
        LabelledXyz.write(data, List.of(new LabelledXyz.Labelled(s, own.modelEnergyEv(), own.modelForces(), null, null,
                Map.of("config_type", "own", "source", "own.extxyz#0"))));
        var run = org.paddlewheel.cli.CliRunner.run("dft", "compare", "--ff", "na-amide-borohydride-dft", "--dataset", data.toString(),
                "--report", tmp.resolve("rep").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var js = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).path("rigid_body");
        assertThat(js.path("all").size()).isEqualTo(5);
        for (var row : js.path("all")) {
            assertThat(row.path("slope").asDouble()).isCloseTo(1.0, within(1e-6));
            assertThat(row.path("relative_error").asDouble()).isLessThan(1e-6);
        }
        assertThat(js.at("/config_types/own/0/kind").asText()).isEqualTo("BH4");
        assertThat(js.path("sets").fieldNames()).toIterable().containsAnyOf("train", "validation", "test"); // one frame, one set
        assertThat(tmp.resolve("rep/rigid-body.csv")).exists();
        assertThat(java.nio.file.Files.readString(tmp.resolve("rep/dft-compare.md"))).contains("## Forces on whole molecules and ions");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("rep/dft-compare.json").toFile())
                .at("/rigid_body/all/0/groups").asInt()).isEqualTo(8);
    }

    @Test
    void framesAreGroupedByConfigTypeAndSummedOverall() {
        Structure s = cell();
        double[] dft = randomForces(s.size(), 4), model = randomForces(s.size(), 5);
        Element[] sp = s.speciesArray();
        var l1 = new LabelledXyz.Labelled(s, -1.0, dft, null, null, Map.of("config_type", "a", "source", "f#0"));
        var l2 = new LabelledXyz.Labelled(s, -1.0, dft, null, null, Map.of("config_type", "b", "source", "f#1"));
        var frames = List.of(new Uf3Dataset.Frame(l1, "g1"), new Uf3Dataset.Frame(l2, "g2"));
        var res = List.of(new DftComparison.FrameResult("f#0", "a", "", sp, -1, -1, dft, model, null, null),
                new DftComparison.FrameResult("f#1", "b", "", sp, -1, -1, dft, model, null, null));
        var r = RigidBodyForces.of(MODEL, frames, res);
        assertThat(r.byConfigType()).containsOnlyKeys("a", "b");
        assertThat(r.framesSkipped()).isZero();
        var one = r.byConfigType().get("a").get(0);
        var all = r.all().get(0);
        assertThat(all.groups()).isEqualTo(2 * one.groups());
        assertThat(all.rmse()).isCloseTo(one.rmse(), within(1e-12)); // two identical frames: the same RMSE
        assertThat(all.kind() + "/" + all.quantity()).isEqualTo("BH4/force");
    }
}
