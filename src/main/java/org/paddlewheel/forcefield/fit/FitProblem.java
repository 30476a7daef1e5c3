package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.build.Supercell;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;
import org.paddlewheel.relax.Relaxation;

/**
 * A force-field fitting problem read from a targets file: the starting model (a force-field JSON,
 * bundled name or path relative to the targets file), the parameters to adjust
 * ({@link FitParameter}), the structures (a structure file relative to the targets file, optional
 * {@code supercell} [n1, n2, n3]) with their {@link Observable}s, and relaxation settings
 * ({@code relax}: {@code fmax_eV_per_A}, {@code stress_tol_GPa}, {@code max_steps}). Evaluates the
 * model values of every observable for a parameter vector (external values).
 */
public final class FitProblem {
    /** A structure and its observables; {@code multipliers} is the supercell applied to the file's cell. */
    public record Target(String name, Structure structure, int[] multipliers, List<Observable> observables) {}

    private final ObjectNode baseModel;
    private final List<FitParameter> parameters;
    private final List<Target> targets;
    private final Relaxation.Options relax;
    private final JsonNode lm;
    private final String outName;

    public FitProblem(ObjectNode baseModel, List<FitParameter> parameters, List<Target> targets, Relaxation.Options relax,
                      JsonNode lm, String outName) {
        this.baseModel = baseModel;
        this.parameters = List.copyOf(parameters);
        this.targets = List.copyOf(targets);
        this.relax = relax;
        this.lm = lm;
        this.outName = outName;
    }

    public List<FitParameter> parameters() { return parameters; }
    public List<Target> targets() { return targets; }
    /** Levenberg–Marquardt settings object ({@code lm} in the targets file; may be missing). */
    public JsonNode lmSettings() { return lm; }

    /** Reads a targets file. */
    public static FitProblem load(Path file) {
        ObjectMapper om = new ObjectMapper();
        JsonNode root;
        try {
            root = om.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "not valid JSON: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        String model = root.path("model").asText("");
        if (model.isEmpty()) throw new InputException(file.toString(), 0, "key 'model': the starting force field is needed");
        ObjectNode base = readModel(dir, model);
        List<FitParameter> ps = new ArrayList<>();
        JsonNode pa = root.path("parameters");
        for (int i = 0; i < pa.size(); i++) ps.add(FitParameter.parse(pa.get(i), base, "parameters[" + i + "]"));
        if (ps.isEmpty()) throw new InputException(file.toString(), 0, "key 'parameters': at least one parameter");
        List<Target> ts = new ArrayList<>();
        JsonNode st = root.path("structures");
        for (int i = 0; i < st.size(); i++) {
            JsonNode s = st.get(i);
            String at = "structures[" + i + "]";
            Structure str = Formats.readStructure(dir.resolve(s.path("file").asText()), s.has("format") ? s.get("format").asText() : null);
            int[] m = {1, 1, 1};
            if (s.has("supercell")) for (int k = 0; k < 3; k++) m[k] = s.get("supercell").get(k).asInt();
            if (m[0] * m[1] * m[2] > 1) str = Supercell.of(str, m[0], m[1], m[2]);
            List<Observable> obs = new ArrayList<>();
            JsonNode os = s.path("observables");
            for (int k = 0; k < os.size(); k++) obs.add(Observable.parse(os.get(k), at + ".observables[" + k + "]"));
            ts.add(new Target(s.path("name").asText("structure" + i), str, m, obs));
        }
        JsonNode r = root.path("relax");
        Relaxation.Options ro = Relaxation.Options.defaults().withFmax(r.path("fmax_eV_per_A").asDouble(1e-3))
                .withStressTol(r.path("stress_tol_GPa").asDouble(1e-3)).withMaxSteps(r.path("max_steps").asInt(3000));
        return new FitProblem(base, ps, ts, ro, root.path("lm"), root.path("name").asText(base.path("name").asText("fitted")));
    }

    static ObjectNode readModel(Path dir, String model) {
        ObjectMapper om = new ObjectMapper();
        try {
            Path p = dir.resolve(model);
            if (Files.isRegularFile(p)) return (ObjectNode) om.readTree(p.toFile());
            String res = "/forcefields/" + model + (model.endsWith(".json") ? "" : ".json");
            try (InputStream in = ForceField.class.getResourceAsStream(res)) {
                if (in == null) throw new InputException(model, 0, "no such force-field file or bundled force field");
                return (ObjectNode) om.readTree(in);
            }
        } catch (IOException e) {
            throw new InputException(model, 0, "cannot read force field: " + e.getMessage(), e);
        }
    }

    /** Starting (external) parameter values. */
    public double[] start() {
        double[] p = new double[parameters.size()];
        for (int i = 0; i < p.length; i++) p[i] = parameters.get(i).get(baseModel);
        return p;
    }

    /** The model JSON tree with external parameter values p. */
    public ObjectNode model(double[] p) {
        ObjectNode m = baseModel.deepCopy();
        for (int i = 0; i < p.length; i++) parameters.get(i).set(m, p[i]);
        m.put("name", outName);
        return m;
    }

    /** The force field for external parameter values p. */
    public ForceField forceField(double[] p) {
        return ForceField.parse(model(p).toString(), "fit");
    }

    /** Model values of every observable, [target][observable][component], for external p. */
    public double[][][] evaluate(double[] p) {
        ForceField ff = forceField(p);
        double[][][] out = new double[targets.size()][][];
        for (int t = 0; t < targets.size(); t++) out[t] = evaluate(ff, targets.get(t));
        return out;
    }

    private double[][] evaluate(ForceField ff, Target t) {
        List<Observable> obs = t.observables();
        double[][] v = new double[obs.size()][];
        Relaxation.Result sp = null, relaxed = null;
        for (int k = 0; k < obs.size(); k++) {
            Observable o = obs.get(k);
            switch (o.type()) {
                case "stress" -> {
                    if (sp == null) sp = Relaxation.singlePoint(t.structure(), ff);
                    v[k] = sp.stressGPa().clone();
                }
                case "pressure" -> {
                    if (sp == null) sp = Relaxation.singlePoint(t.structure(), ff);
                    v[k] = new double[] {sp.pressureGPa()};
                }
                case "forces" -> {
                    if (sp == null) sp = Relaxation.singlePoint(t.structure(), ff);
                    v[k] = forces(t.structure(), ff);
                }
                case "lattice" -> {
                    relaxed = Relaxation.relax(t.structure(), ff, relax.withCell(o.cellMode()));
                    double[] len = relaxed.structure().lattice().lengths();
                    v[k] = new double[] {len[0] / t.multipliers()[0], len[1] / t.multipliers()[1], len[2] / t.multipliers()[2]};
                }
                case "bulk_modulus" -> {
                    if (relaxed == null) relaxed = Relaxation.relax(t.structure(), ff, relax.withCell(o.cellMode()));
                    v[k] = new double[] {bulkModulus(relaxed.structure(), ff)};
                }
                default -> v[k] = new double[] {stretchWavenumber(ff, o.molecule())};
            }
        }
        return v;
    }

    private double[] forces(Structure s, ForceField ff) {
        org.paddlewheel.forcefield.Topology top = org.paddlewheel.forcefield.Topology.build(ff, s);
        var cell = new org.paddlewheel.forcefield.Cell(s.lattice());
        double[] f = new double[3 * s.size()];
        try (var eng = new org.paddlewheel.forcefield.ForceEngine(top, cell, org.paddlewheel.forcefield.ForceEngine.Options.defaults())) {
            eng.compute(s.positions(), cell, f);
        }
        return f;
    }

    /** B = −V dP/dV (GPa) by ±1 % volume, positions relaxed at each volume. */
    public double bulkModulus(Structure s, ForceField ff) {
        double dv = 0.01;
        double[] pr = new double[2];
        for (int sgn = 0; sgn < 2; sgn++) {
            double scale = Math.cbrt(1 + (sgn == 0 ? -dv : dv));
            double[] h = s.lattice().rowMajor();
            for (int k = 0; k < 9; k++) h[k] *= scale;
            double[] x = s.positions();
            for (int k = 0; k < x.length; k++) x[k] *= scale;
            Structure sc = s.withLattice(Lattice.fromRowMajor(h)).withPositions(x, null);
            pr[sgn] = Relaxation.relax(sc, ff, relax.withCell(Relaxation.CellMode.FIXED)).pressureGPa();
        }
        return -(pr[1] - pr[0]) / (2 * dv);
    }

    /** ν̃ = √(2K/μ)/(2πc), cm⁻¹, of the molecule kind's bond. */
    public static double stretchWavenumber(ForceField ff, String molecule) {
        int m = ff.moleculeIndex(molecule);
        if (m < 0) throw new InputException("no molecule kind '" + molecule + "'");
        var mk = ff.molecules().get(m);
        double mc = ff.species().get(mk.centre()).massAmu(), ml = ff.species().get(mk.ligand()).massAmu();
        double mu = mc * ml / (mc + ml);
        for (var b : ff.bonds()) {
            if (b.molecule() == m) {
                double omega = Math.sqrt(2 * b.k() * Units.EV_J / 1e-20 / (mu * Units.AMU_KG));
                return omega / (2 * Math.PI * Units.SPEED_OF_LIGHT_M_PER_S * 100);
            }
        }
        throw new InputException("molecule kind '" + molecule + "' has no bond term");
    }
}
