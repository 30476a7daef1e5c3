package org.paddlewheel.forcefield.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/**
 * The forces that move whole molecular ions and single ions, model against DFT ({@code dft compare}): per molecule
 * (BH4⁻, NH2⁻, as the model's topology finds them) the net force Σ f_i (eV/Å) and the torque Σ (r_i − r_centre) × f_i
 * (eV) about its centre atom, and per atom outside a molecule (Na⁺, O²⁻) its force. Per-element force RMSEs are
 * dominated by the stiff intramolecular B–H and N–H forces, which nearly cancel in these sums: a model can get every
 * atom's force within 0.15 eV/Å and still push a whole BH4 with half the force DFT does, and the translation and
 * rotation of the anions and the hops of Na are what the study measures. Per config_type and overall: the RMSE per
 * Cartesian component, DFT's and the model's RMS, the relative error √(Σ|Δ|²/Σ|f_DFT|²), and the slope
 * Σ f_model·f_DFT / Σ f_DFT·f_DFT (1 when the model's restoring forces are as stiff as DFT's on average; below 1, with
 * the model's RMS below DFT's, softer).
 */
public final class RigidBodyForces {
    /** Sums over the groups of one kind (molecule formula or element) and one quantity ("force" eV/Å or "torque" eV). */
    public record Stat(String kind, String quantity, int groups, double dftDft, double modelModel, double modelDft, double diffDiff) {
        /** RMSE per Cartesian component. */
        public double rmse() { return Math.sqrt(diffDiff / (3.0 * groups)); }

        /** DFT's RMS per component. */
        public double dftRms() { return Math.sqrt(dftDft / (3.0 * groups)); }

        /** The model's RMS per component. */
        public double modelRms() { return Math.sqrt(modelModel / (3.0 * groups)); }

        /** √(Σ|Δ|² / Σ|f_DFT|²). */
        public double relativeError() { return Math.sqrt(diffDiff / dftDft); }

        /** Least-squares slope of the model's vectors on DFT's, through the origin. */
        public double slope() { return modelDft / dftDft; }

        Stat plus(Stat o) {
            return new Stat(kind, quantity, groups + o.groups, dftDft + o.dftDft, modelModel + o.modelModel, modelDft + o.modelDft,
                    diffDiff + o.diffDiff);
        }
    }

    /**
     * Per config_type, per set of the fit's split (train / validation / test; empty without a split) and overall, the stats in
     * kind order, forces before torques; frames whose topology failed are counted.
     */
    public record Result(Map<String, List<Stat>> byConfigType, Map<String, List<Stat>> bySet, List<Stat> all, int framesSkipped,
                         List<String> skippedNotes) {}

    private RigidBodyForces() {}

    /** The stats of {@code frames} (DFT forces) against {@code results} (the model's, same order, as {@link DftComparison#compare} returns). */
    public static Result of(ForceField model, List<Uf3Dataset.Frame> frames, List<DftComparison.FrameResult> results) {
        return of(model, frames, results, Map.of());
    }

    /** As above, also per set: {@code setOfGroup} maps a frame's group (its source file and trajectory) to its set. */
    public static Result of(ForceField model, List<Uf3Dataset.Frame> frames, List<DftComparison.FrameResult> results, Map<String, String> setOfGroup) {
        if (frames.size() != results.size()) throw new IllegalArgumentException("frames and results differ in length");
        Map<String, Map<String, Stat>> byType = new TreeMap<>(), bySet = new TreeMap<>();
        int skipped = 0;
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            var l = frames.get(i).labelled();
            DftComparison.FrameResult r = results.get(i);
            if (l.forcesEvPerA() == null) continue;
            Map<String, Stat> m;
            try {
                m = ofFrame(model, l.structure(), l.forcesEvPerA(), r.modelForces());
            } catch (RuntimeException e) {
                skipped++;
                if (notes.size() < 5) notes.add(r.source() + ": " + e.getMessage());
                continue;
            }
            Map<String, Stat> acc = byType.computeIfAbsent(r.configType(), k -> new TreeMap<>());
            m.forEach((k, v) -> acc.merge(k, v, Stat::plus));
            String set = setOfGroup.get(frames.get(i).group());
            if (set != null) {
                Map<String, Stat> accSet = bySet.computeIfAbsent(set, k -> new TreeMap<>());
                m.forEach((k, v) -> accSet.merge(k, v, Stat::plus));
            }
        }
        Map<String, List<Stat>> out = new LinkedHashMap<>();
        Map<String, Stat> total = new TreeMap<>();
        for (var e : byType.entrySet()) {
            out.put(e.getKey(), new ArrayList<>(e.getValue().values()));
            e.getValue().forEach((k, v) -> total.merge(k, v, Stat::plus));
        }
        Map<String, List<Stat>> sets = new LinkedHashMap<>();
        for (String k : List.of("train", "validation", "test")) if (bySet.containsKey(k)) sets.put(k, new ArrayList<>(bySet.get(k).values()));
        return new Result(out, sets, new ArrayList<>(total.values()), skipped, notes);
    }

    /** One structure's sums, keyed "kind/quantity" so that a sorted map lists forces before torques per kind. */
    static Map<String, Stat> ofFrame(ForceField model, Structure s, double[] dft, double[] mod) {
        Topology top = Topology.build(model, s);
        Lattice lat = s.lattice();
        double[] x = s.positions();
        Map<String, Stat> m = new TreeMap<>();
        boolean[] inMolecule = new boolean[s.size()];
        double[] d = new double[3];
        for (Molecule mol : top.molecules) {
            int c = mol.centre();
            double[] fd = new double[3], fm = new double[3], td = new double[3], tm = new double[3];
            int[] atoms = mol.atoms();
            for (int a : atoms) {
                inMolecule[a] = true;
                lat.minimumImage(x[3 * a] - x[3 * c], x[3 * a + 1] - x[3 * c + 1], x[3 * a + 2] - x[3 * c + 2], d, 0);
                for (int k = 0; k < 3; k++) {
                    fd[k] += dft[3 * a + k];
                    fm[k] += mod[3 * a + k];
                }
                addCross(d, dft, 3 * a, td);
                addCross(d, mod, 3 * a, tm);
            }
            m.merge(mol.formula() + "/force", stat(mol.formula(), "force", fd, fm), Stat::plus);
            m.merge(mol.formula() + "/torque", stat(mol.formula(), "torque", td, tm), Stat::plus);
        }
        for (int a = 0; a < s.size(); a++) {
            if (inMolecule[a]) continue;
            String el = s.species(a).symbol();
            m.merge(el + "/force", stat(el, "force", new double[] {dft[3 * a], dft[3 * a + 1], dft[3 * a + 2]},
                    new double[] {mod[3 * a], mod[3 * a + 1], mod[3 * a + 2]}), Stat::plus);
        }
        return m;
    }

    private static void addCross(double[] r, double[] f, int o, double[] out) {
        out[0] += r[1] * f[o + 2] - r[2] * f[o + 1];
        out[1] += r[2] * f[o] - r[0] * f[o + 2];
        out[2] += r[0] * f[o + 1] - r[1] * f[o];
    }

    private static Stat stat(String kind, String quantity, double[] dft, double[] mod) {
        double dd = 0, mm = 0, md = 0, ee = 0;
        for (int k = 0; k < 3; k++) {
            dd += dft[k] * dft[k];
            mm += mod[k] * mod[k];
            md += mod[k] * dft[k];
            ee += (mod[k] - dft[k]) * (mod[k] - dft[k]);
        }
        return new Stat(kind, quantity, 1, dd, mm, md, ee);
    }
}
