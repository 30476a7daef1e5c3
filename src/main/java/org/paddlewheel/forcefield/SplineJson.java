package org.paddlewheel.forcefield;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.paddlewheel.model.InputException;

/**
 * JSON form of a {@link SplinePair} in a force-field file:
 * {@code {"species": [a, b], "style": "uf3", "knots": [Å…], "coefficients": [eV…],
 * "core": {"A": eV, "rho": Å}}} (core optional: without it there is no prior), and of the optional
 * top-level {@code "atom_energies": {species: eV}}. Errors name the key.
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
