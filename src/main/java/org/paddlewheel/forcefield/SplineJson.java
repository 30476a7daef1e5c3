package org.paddlewheel.forcefield;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.paddlewheel.model.InputException;

/**
 * JSON form of a {@link SplinePair} in a force-field file:
 * {@code {"species": [a, b], "style": "uf3", "knots": [Å…], "coefficients": [eV…],
 * "core": {"A": eV, "rho": Å}}} (core optional: without it there is no prior), and of the optional
 * top-level {@code "atom_energies": {species: eV}}, and of the optional top-level UF3 3-body list
 * {@code "three_body": [{"species": [centre, j, k], "knots": [[r_ij Å…], [r_ik Å…], [r_jk Å…]],
 * "coefficients": [eV…, l-major c[l][m][n]], "bonded_arms": false, "below_r_min": "linear"}]} ({@link SplineTriple}; bonded_arms and below_r_min optional, defaults
 * false and linear: true lets an arm be a covalent bond of the centre's molecule, "constant" holds each basis at its r_min value
 * below r_min). Errors name the key.
 */
public final class SplineJson {
    private SplineJson() {}

    static SplinePair parse(JsonNode p, int a, int b, String src, String at) {
        double[] t = numbers(p.get("knots"), src, at + ".knots");
        double[] c = numbers(p.get("coefficients"), src, at + ".coefficients");
        String bad = SplinePair.check(t, c);
        if (bad != null) throw new InputException(src, 0, "key '" + at + "': " + bad);
        double ca = 0, rho = 1;
        JsonNode core = p.get("core");
        if (core != null) {
            if (!core.isObject() || !core.path("A").isNumber() || !core.path("rho").isNumber()) {
                throw new InputException(src, 0, "key '" + at + ".core': must be {\"A\": eV, \"rho\": Å}");
            }
            ca = core.get("A").asDouble();
            rho = core.get("rho").asDouble();
            if (ca < 0 || !(rho > 0)) throw new InputException(src, 0, "key '" + at + ".core': need A ≥ 0 and rho > 0");
        }
        return new SplinePair(a, b, t, c, ca, rho);
    }

    static double[] atomEnergies(JsonNode n, Map<String, Integer> idx, int count, String src) {
        double[] e = new double[count];
        if (n == null) return e;
        if (!n.isObject()) throw new InputException(src, 0, "key 'atom_energies': must map species names to eV");
        n.fieldNames().forEachRemaining(k -> {
            Integer i = idx.get(k);
            if (i == null) throw new InputException(src, 0, "key 'atom_energies." + k + "': unknown species");
            if (!n.get(k).isNumber()) throw new InputException(src, 0, "key 'atom_energies." + k + "': must be a number");
            e[i] = n.get(k).asDouble();
        });
        return e;
    }

    static java.util.List<SplineTriple> triples(JsonNode n, Map<String, Integer> idx, double cutoff, String src) {
        java.util.List<SplineTriple> out = new java.util.ArrayList<>();
        if (n == null) return out;
        if (!n.isArray()) throw new InputException(src, 0, "key 'three_body': must be an array");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n.size(); i++) {
            String at = "three_body[" + i + "]";
            JsonNode t = n.get(i), sp = t.get("species"), kn = t.get("knots");
            if (sp == null || !sp.isArray() || sp.size() != 3) throw new InputException(src, 0, "key '" + at + ".species': need three species names [centre, j, k]");
            int[] s = new int[3];
            for (int k = 0; k < 3; k++) {
                Integer v = idx.get(sp.get(k).asText());
                if (v == null) throw new InputException(src, 0, "key '" + at + ".species': unknown species '" + sp.get(k).asText() + "'");
                s[k] = v;
            }
            if (!seen.add(s[0] + ":" + Math.min(s[1], s[2]) + ":" + Math.max(s[1], s[2]))) {
                throw new InputException(src, 0, "key '" + at + ".species': triple " + sp + " is listed twice");
            }
            if (kn == null || !kn.isArray() || kn.size() != 3) throw new InputException(src, 0, "key '" + at + ".knots': need three knot vectors [r_ij, r_ik, r_jk]");
            double[][] k3 = new double[3][];
            for (int d = 0; d < 3; d++) {
                k3[d] = numbers(kn.get(d), src, at + ".knots[" + d + "]");
                String bad = SplinePair.check(k3[d], new double[Math.max(0, k3[d].length - 4)]);
                if (bad != null) throw new InputException(src, 0, "key '" + at + ".knots[" + d + "]': " + bad);
            }
            double[] c = numbers(t.get("coefficients"), src, at + ".coefficients");
            SplineTriple tr;
            try {
                JsonNode ba = t.get("bonded_arms");
                if (ba != null && !ba.isBoolean()) throw new InputException(src, 0, "key '" + at + ".bonded_arms': must be true or false");
                JsonNode below = t.get("below_r_min");
                if (below != null && !(below.isTextual() && (below.asText().equals("linear") || below.asText().equals("constant")))) {
                    throw new InputException(src, 0, "key '" + at + ".below_r_min': must be \"linear\" or \"constant\"");
                }
                tr = new SplineTriple(s[0], s[1], s[2], k3, c, ba != null && ba.asBoolean(), below != null && below.asText().equals("constant"));
            } catch (IllegalArgumentException e) {
                throw new InputException(src, 0, "key '" + at + "': " + e.getMessage());
            }
            if (Math.max(tr.rCut(0), tr.rCut(1)) > cutoff) {
                throw new InputException(src, 0, "key '" + at + ".knots': r_ij/r_ik cut-off beyond the force field's cut-off " + cutoff + " Å");
            }
            out.add(tr);
        }
        return out;
    }

    /** The "three_body" entry of a 3-body term (species named by the force field). */
    public static ObjectNode toJson(ForceField ff, SplineTriple t, ObjectNode out) {
        out.putArray("species").add(ff.species().get(t.centre()).name()).add(ff.species().get(t.a()).name())
                .add(ff.species().get(t.b()).name());
        var k = out.putArray("knots");
        for (int d = 0; d < 3; d++) {
            var kd = k.addArray();
            for (double v : t.knots(d)) kd.add(v);
        }
        if (t.bondedArms()) out.put("bonded_arms", true);
        if (t.constantBelow()) out.put("below_r_min", "constant");
        var c = out.putArray("coefficients");
        for (double v : t.coefficients()) c.add(v);
        return out;
    }

    /** {@code model} with its "three_body" list replaced by {@code triples} (removed if empty); changes model in place. */
    public static ObjectNode withTriples(ObjectNode model, ForceField names, java.util.List<SplineTriple> triples) {
        model.remove("three_body");
        if (!triples.isEmpty()) {
            var arr = model.putArray("three_body");
            for (SplineTriple t : triples) toJson(names, t, arr.addObject());
        }
        return model;
    }

    private static double[] numbers(JsonNode v, String src, String key) {
        if (v == null || !v.isArray()) throw new InputException(src, 0, "key '" + key + "': missing or not an array");
        double[] d = new double[v.size()];
        for (int i = 0; i < d.length; i++) {
            if (!v.get(i).isNumber()) throw new InputException(src, 0, "key '" + key + "': must hold numbers");
            d[i] = v.get(i).asDouble();
        }
        return d;
    }

    /** The JSON tree of a force field given by bundled name or file path (see {@link ForceField#resolve}). */
    public static ObjectNode baseJson(String nameOrPath) {
        try {
            var om = new com.fasterxml.jackson.databind.ObjectMapper();
            java.nio.file.Path p = java.nio.file.Path.of(nameOrPath);
            if (java.nio.file.Files.isRegularFile(p)) return (ObjectNode) om.readTree(p.toFile());
            String res = "/forcefields/" + nameOrPath + (nameOrPath.endsWith(".json") ? "" : ".json");
            try (var in = ForceField.class.getResourceAsStream(res)) {
                if (in == null) throw new InputException(nameOrPath, 0, "no such force-field file or bundled force field");
                return (ObjectNode) om.readTree(in);
            }
        } catch (java.io.IOException e) {
            throw new InputException(nameOrPath, 0, "cannot read force field: " + e.getMessage(), e);
        }
    }

    /**
     * A copy of {@code base} (species, charges, molecules, bonded terms, Ewald kept) whose uf3 pairs
     * are replaced by {@code splines} (species indices as in {@code names}), whose other pairs are
     * kept only if {@code keepPairs}, and with the given atom energies (eV per species; null = none).
     */
    public static ObjectNode withSplines(ObjectNode base, ForceField names, boolean keepPairs, java.util.List<SplinePair> splines,
                                         double[] atomEnergies, String newName) {
        ObjectNode out = base.deepCopy();
        var pairs = out.putArray("pairs");
        for (JsonNode p : base.path("pairs")) {
            if (keepPairs && !"uf3".equals(p.path("style").asText())) pairs.add(p.deepCopy());
        }
        for (SplinePair sp : splines) toJson(names, sp, pairs.addObject());
        out.remove("atom_energies");
        if (atomEnergies != null) {
            ObjectNode ae = out.putObject("atom_energies");
            for (int i = 0; i < atomEnergies.length; i++) ae.put(names.species().get(i).name(), atomEnergies[i]);
        }
        if (newName != null) out.put("name", newName);
        return out;
    }

    /** Parses a force-field JSON tree. */
    public static ForceField load(ObjectNode json, String source) { return ForceField.parse(json, source); }

    /** The pair-list entry for a spline term (species named by the force field). */
    public static ObjectNode toJson(ForceField ff, SplinePair sp, ObjectNode out) {
        out.putArray("species").add(ff.species().get(sp.a()).name()).add(ff.species().get(sp.b()).name());
        out.put("style", "uf3");
        var k = out.putArray("knots");
        for (double v : sp.knots()) k.add(v);
        var c = out.putArray("coefficients");
        for (double v : sp.coefficients()) c.add(v);
        if (sp.coreA() > 0) out.putObject("core").put("A", sp.coreA()).put("rho", sp.coreRho());
        return out;
    }
}
