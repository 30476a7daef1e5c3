package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.paddlewheel.model.InputException;

/**
 * One adjustable force-field parameter, addressed in the force field's JSON tree (the schema of
 * {@link org.paddlewheel.forcefield.ForceField}): a Buckingham pair value ({@code A} eV, {@code rho}
 * Å, {@code C} eV·Å⁶), a species charge (e) with an optional compensating species that keeps a
 * molecule or formula unit neutral (q_comp ← q_comp − ratio·Δq), or a bond / angle constant
 * ({@code K}, {@code r0}, {@code theta0_deg}). The optimiser works on an internal variable u: with
 * {@code log}, p = exp(u); with both bounds, the bounded variable is the MINUIT sine map
 * p = lo + (hi − lo)(1 + sin u)/2 (of ln p when {@code log}), so bounds are never crossed.
 *
 * @param label  readable name, e.g. {@code A(Na-Cl)}
 * @param kind   pair, charge, bond or angle
 * @param ref    species pair "a|b", species name, or molecule kind name
 * @param field  JSON key of the value (A, rho, C, charge, K, r0, theta0_deg)
 * @param log    fit ln p
 * @param lo     lower bound or NaN
 * @param hi     upper bound or NaN
 * @param compensate species whose charge compensates (charge only), or null
 * @param ratio  compensation ratio (charge only)
 */
public record FitParameter(String label, String kind, String ref, String field, boolean log, double lo, double hi,
                           String compensate, double ratio) {

    /** Parses one entry of the targets file's {@code parameters} array, checking it against the model. */
    public static FitParameter parse(JsonNode p, JsonNode model, String at) {
        boolean log = p.path("log").asBoolean(false);
        double lo = p.has("min") ? p.get("min").asDouble() : Double.NaN;
        double hi = p.has("max") ? p.get("max").asDouble() : Double.NaN;
        if (p.has("pair")) {
            String a = p.get("pair").get(0).asText(), b = p.get("pair").get(1).asText();
            String f = need(p, "param", at);
            FitParameter fp = new FitParameter(f + "(" + a + "-" + b + ")", "pair", a + "|" + b, f, log, lo, hi, null, 0);
            fp.node(model);
            return fp;
        }
        if (p.has("charge")) {
            String s = p.get("charge").asText();
            String comp = p.has("compensate") ? p.get("compensate").asText() : null;
            double ratio = p.has("ratio") ? p.get("ratio").asDouble() : defaultRatio(model, s, comp, at);
            FitParameter fp = new FitParameter("q(" + s + ")", "charge", s, "charge", false, lo, hi, comp, ratio);
            fp.node(model);
            if (comp != null) speciesNode(model, comp, at);
            return fp;
        }
        for (String k : new String[] {"bond", "angle"}) {
            if (p.has(k)) {
                String m = p.get(k).asText();
                String f = need(p, "param", at);
                FitParameter fp = new FitParameter(k + "_" + f + "(" + m + ")", k, m, f, log, lo, hi, null, 0);
                fp.node(model);
                return fp;
            }
        }
        throw new InputException(at + ": a parameter needs one of pair, charge, bond, angle");
    }

    private static String need(JsonNode p, String key, String at) {
        if (!p.has(key)) throw new InputException(at + ": missing '" + key + "'");
        return p.get(key).asText();
    }

    private static double defaultRatio(JsonNode model, String s, String comp, String at) {
        if (comp == null) return 0;
        for (JsonNode m : model.path("molecules")) {
            int n = m.get("count").asInt();
            if (m.get("ligand").asText().equals(s) && m.get("centre").asText().equals(comp)) return n;
            if (m.get("centre").asText().equals(s) && m.get("ligand").asText().equals(comp)) return 1.0 / n;
        }
        throw new InputException(at + ": give 'ratio' for compensating " + s + " by " + comp + " (not centre/ligand of one molecule)");
    }

    private static ObjectNode speciesNode(JsonNode model, String s, String at) {
        for (JsonNode n : model.path("species")) if (n.get("name").asText().equals(s)) return (ObjectNode) n;
        throw new InputException(at + ": no species '" + s + "' in the model");
    }

    /** The JSON object holding this parameter's value in the model tree. */
    ObjectNode node(JsonNode model) {
        switch (kind) {
            case "pair" -> {
                String[] ab = ref.split("\\|");
                for (JsonNode n : model.path("pairs")) {
                    String a = n.get("species").get(0).asText(), b = n.get("species").get(1).asText();
                    if (a.equals(ab[0]) && b.equals(ab[1]) || a.equals(ab[1]) && b.equals(ab[0])) return (ObjectNode) n;
                }
                throw new InputException("no pair " + ab[0] + "-" + ab[1] + " in the model");
            }
            case "charge" -> { return speciesNode(model, ref, label); }
            default -> {
                for (JsonNode n : model.path(kind + "s")) if (n.get("molecule").asText().equals(ref)) return (ObjectNode) n;
                throw new InputException("no " + kind + " for molecule " + ref + " in the model");
            }
        }
    }

    /** Current value in the model tree (0 if absent, e.g. an unset C). */
    public double get(JsonNode model) { return node(model).path(field).asDouble(0); }

    /** Sets the value in the model tree, compensating charges. */
    public void set(ObjectNode model, double value) {
        ObjectNode n = node(model);
        double old = n.path(field).asDouble(0);
        n.put(field, value);
        if (compensate != null) {
            ObjectNode c = speciesNode(model, compensate, label);
            c.put("charge", c.get("charge").asDouble() - ratio * (value - old));
        }
    }

    /** External value from internal variable u. */
    public double toExternal(double u) {
        boolean bounded = !Double.isNaN(lo) && !Double.isNaN(hi);
        if (bounded) {
            double l = log ? Math.log(lo) : lo, h = log ? Math.log(hi) : hi;
            double y = l + (h - l) * (1 + Math.sin(u)) / 2;
            return log ? Math.exp(y) : y;
        }
        return log ? Math.exp(u) : u;
    }

    /** Internal variable from external value p (clamped into the bounds). */
    public double toInternal(double p) {
        boolean bounded = !Double.isNaN(lo) && !Double.isNaN(hi);
        if (log && !(p > 0)) throw new InputException(label + ": a log parameter must start positive, got " + p);
        if (bounded) {
            double l = log ? Math.log(lo) : lo, h = log ? Math.log(hi) : hi;
            double y = log ? Math.log(p) : p;
            double t = Math.max(-1, Math.min(1, 2 * (y - l) / (h - l) - 1));
            return Math.asin(t);
        }
        return log ? Math.log(p) : p;
    }
}
