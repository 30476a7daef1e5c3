package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.NeighbourList;
import org.paddlewheel.forcefield.SplineJson;
import org.paddlewheel.forcefield.SplinePair;
import org.paddlewheel.forcefield.TestCells;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * A synthetic reference set labelled by a known model: the bundled model's charges, Ewald and
 * bonded terms plus seeded random UF3 splines (no Buckingham), on rattled (0.12 Å) 2x2x2 antiperovskites
 * x = 0, 0.5, 1, isotropically scaled by 0.96–1.04 and sheared, so stresses are non-trivial. Each
 * set also holds random Na8O4 cells ({@link #randomNa2O}) whose Na–Na, Na–O and O–O distances fill
 * [1.8 Å, r_cut] densely, so those three pairs' coefficients are identifiable one by one. Each
 * spline's r_min is 0.1 Å below the shortest distance of its pair in the set (as the fitter's
 * automatic basis does), so every basis function is touched by data.
 */
final class Uf3SyntheticData {
    static final double R_CUT = 5.0, SPACING = 0.4;

    final ForceField truth;
    final ObjectNode truthJson;
    final List<LabelledXyz.Labelled> frames = new ArrayList<>();

    Uf3SyntheticData(long seed, int perComposition, int randomCells) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ForceField base = TestCells.model();
        List<Structure> cells = new ArrayList<>();
        double[] xs = {0, 0.5, 1};
        for (int k = 0; k < perComposition; k++) {
            for (double x : xs) {
                Structure s = TestCells.antiperovskite(x, 2, seed * 1000 + cells.size(), 0.12);
                double[] m = s.lattice().rowMajor(), f = s.fractionalPositions();
                double sc = 0.96 + 0.08 * rnd.nextDouble();
                for (int q = 0; q < 9; q++) m[q] *= sc;
                m[3] += 0.3 * (rnd.nextDouble() - 0.5); m[6] += 0.3 * (rnd.nextDouble() - 0.5); // shear
                Lattice l = Lattice.fromRowMajor(m);
                cells.add(s.withLattice(l).withPositions(l.toCartesianAll(f), null));
            }
        }
        for (int k = 0; k < randomCells; k++) cells.add(randomNa2O(rnd));
        int nt = base.species().size();
        double[] dmin = new double[nt * nt];
        java.util.Arrays.fill(dmin, Double.POSITIVE_INFINITY);
        for (Structure s : cells) {
            Topology top = Topology.build(base, s);
            NeighbourList nl = new NeighbourList(s.size(), R_CUT, 0, top.specialI, top.specialJ);
            nl.update(s.positions(), new Cell(s.lattice()));
            for (int i = 0; i < s.size(); i++) {
                for (int q = nl.start[i]; q < nl.start[i + 1]; q++) {
                    int j = nl.pairJ[q], c = 3 * nl.pairCode[q];
                    double r = Math.sqrt(sq(nl.xw[3 * j] + nl.shift[c] - nl.xw[3 * i]) + sq(nl.xw[3 * j + 1] + nl.shift[c + 1] - nl.xw[3 * i + 1])
                            + sq(nl.xw[3 * j + 2] + nl.shift[c + 2] - nl.xw[3 * i + 2]));
                    int a = Math.min(top.type[i], top.type[j]), b = Math.max(top.type[i], top.type[j]);
                    dmin[a * nt + b] = Math.min(dmin[a * nt + b], r);
                }
            }
        }
        List<SplinePair> splines = new ArrayList<>();
        for (int a = 0; a < nt; a++) {
            for (int b = a; b < nt; b++) {
                if (!(dmin[a * nt + b] < R_CUT - 1)) continue;
                double rMin = Math.floor((dmin[a * nt + b] - 0.1) / 0.05) * 0.05;
                double[] t = SplinePair.uniformKnots(rMin, R_CUT, Math.max(4, (int) Math.round((R_CUT - rMin) / SPACING)));
                double[] c = new double[t.length - 4];
                for (int k = 0; k < c.length - SplinePair.FIXED_TAIL; k++) {
                    c[k] = 0.8 * Math.exp(-(t[k + 2] - rMin) / 0.5) - 0.03 + 0.02 * rnd.nextGaussian();
                }
                splines.add(new SplinePair(a, b, t, c, 500, 0.25));
            }
        }
        double[] ae = new double[nt];
        Map<String, Double> byElement = Map.of("Na", -1.3, "O", -4.2, "B", -3.1, "H", -1.1, "N", -5.0);
        for (int sp = 0; sp < nt; sp++) ae[sp] = byElement.get(base.species().get(sp).element().symbol());
        truthJson = SplineJson.withSplines(SplineJson.baseJson("na-amide-borohydride"), base, false, splines, ae, "synthetic-truth");
        truth = SplineJson.load(truthJson, "synthetic-truth");
        for (int k = 0; k < cells.size(); k++) {
            String type = k < xs.length * perComposition ? "x" + xs[k % 3] : "random-Na2O";
            frames.add(label(truth, cells.get(k), "synthetic-" + k, type));
        }
    }

    /** 8 Na + 4 O placed at random (≥ 1.8 Å apart) in a sheared 7.2 Å cell: every distance from 1.8 Å to r_cut occurs. */
    static Structure randomNa2O(SplittableRandom rnd) {
        double a = 7.2; // the engine needs widths ≥ 4 × max_bond (6.8 Å) with this model
        Lattice l = Lattice.fromRowMajor(new double[] {a, 0, 0, 0.4 * (rnd.nextDouble() - 0.5), a, 0,
            0.4 * (rnd.nextDouble() - 0.5), 0.4 * (rnd.nextDouble() - 0.5), a});
        Structure.Builder b = Structure.builder(l);
        List<double[]> placed = new ArrayList<>();
        org.paddlewheel.model.Element[] els = new org.paddlewheel.model.Element[12];
        for (int i = 0; i < 12; i++) els[i] = i < 8 ? org.paddlewheel.model.Element.NA : org.paddlewheel.model.Element.O;
        Cell cell = new Cell(l);
        while (placed.size() < 12) {
            double[] f = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            double[] x = new double[3];
            l.toCartesian(f[0], f[1], f[2], x, 0);
            boolean ok = true;
            for (double[] y : placed) {
                double[] d = {x[0] - y[0], x[1] - y[1], x[2] - y[2]};
                cell.wrapDisplacement(d, 0);
                if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < 1.8 * 1.8) { ok = false; break; }
            }
            if (ok) placed.add(x);
        }
        for (int i = 0; i < 12; i++) b.add(els[i], placed.get(i)[0], placed.get(i)[1], placed.get(i)[2]);
        return b.build();
    }

    static LabelledXyz.Labelled label(ForceField ff, Structure s, String source, String type) {
        Topology top = Topology.build(ff, s);
        Cell cell = new Cell(s.lattice());
        double[] f = new double[3 * s.size()];
        double e;
        double[] w;
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults())) {
            e = eng.compute(s.positions(), cell, f);
            w = eng.virial();
        }
        double v = cell.volume();
        double[] st = {-w[0] / v, -w[3] / v, -w[4] / v, -w[3] / v, -w[1] / v, -w[5] / v, -w[4] / v, -w[5] / v, -w[2] / v};
        Map<String, String> info = new LinkedHashMap<>();
        info.put("config_type", type);
        info.put("source", source);
        return new LabelledXyz.Labelled(s, e, f, st, null, info);
    }

    Path write(Path file) {
        LabelledXyz.write(file, frames);
        return file;
    }

    /**
     * These frames with seeded Gaussian noise of {@code sdOf(config_type)} eV/Å added to every force component; a frame whose
     * sd is 0 is kept as it is and draws nothing (so the stream of the others does not depend on it).
     */
    List<LabelledXyz.Labelled> withForceNoise(long seed, java.util.function.ToDoubleFunction<String> sdOf) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<LabelledXyz.Labelled> out = new ArrayList<>();
        for (var f : frames) {
            double sd = sdOf.applyAsDouble(f.info().get("config_type"));
            if (sd == 0) {
                out.add(f);
                continue;
            }
            double[] fo = f.forcesEvPerA().clone();
            for (int k = 0; k < fo.length; k++) fo[k] += sd * gaussian(rnd);
            out.add(new LabelledXyz.Labelled(f.structure(), f.energyEv(), fo, f.stressEvPerA3(), f.charges(), f.info()));
        }
        return out;
    }

    /** These frames' structures labelled by {@code model} (energies, forces, stresses), source and config_type kept. */
    List<LabelledXyz.Labelled> relabelledBy(ForceField model) {
        List<LabelledXyz.Labelled> out = new ArrayList<>();
        for (var f : frames) out.add(label(model, f.structure(), f.info().get("source"), f.info().get("config_type")));
        return out;
    }

    /** Writes {@code labelled} to {@code dir/name} and the truth model to {@code dir/truth.json}; returns the data file. */
    Path writeWithTruth(Path dir, String name, List<LabelledXyz.Labelled> labelled) throws java.io.IOException {
        Path file = dir.resolve(name);
        LabelledXyz.write(file, labelled);
        java.nio.file.Files.writeString(dir.resolve("truth.json"), truthJson.toPrettyString());
        return file;
    }

    /** A standard normal deviate from {@code r} (Box–Muller). */
    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static double sq(double v) { return v * v; }
}
