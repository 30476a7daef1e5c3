package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ForceFieldFitter.Result} as JSON (parameters start/fitted/σ, observables
 * target/before/after with units, cost, correlation matrix) and as a markdown report with the same
 * tables. The per-observable summary is the value itself for scalars and the lattice lengths, the
 * largest |component − target| for stress, and the RMS for forces.
 */
public final class FitReport {
    private FitReport() {}

    /** Summary number of one observable's values. */
    public static double summary(Observable o, double[] v) {
        switch (o.type()) {
            case "forces" -> {
                double s = 0;
                for (double x : v) s += x * x;
                return Math.sqrt(s / Math.max(1, v.length));
            }
            case "stress" -> {
                double m = 0;
                for (int k = 0; k < v.length; k++) m = Math.max(m, Math.abs(v[k] - o.target()[k]));
                return m;
            }
            default -> { return v[0]; }
        }
    }

    private static String label(Observable o) {
        return switch (o.type()) {
            case "forces" -> "RMS force";
            case "stress" -> "max |σ − target|";
            case "lattice" -> "lattice a b c (" + o.cellMode().name().toLowerCase(Locale.ROOT) + ")";
            case "bulk_modulus" -> "bulk modulus";
            case "pressure" -> "pressure";
            default -> "stretch " + o.molecule();
        };
    }

    public static ObjectNode json(ForceFieldFitter.Result r) {
        ObjectNode j = new ObjectMapper().createObjectNode();
        j.put("cost_before", r.costBefore());
        j.put("cost_after", r.costAfter());
        j.put("iterations", r.iterations());
        j.put("converged", r.converged());
        j.put("evaluations", r.evaluations());
        List<FitParameter> ps = r.problem().parameters();
        ArrayNode pa = j.putArray("parameters");
        for (int i = 0; i < ps.size(); i++) {
            ObjectNode p = pa.addObject();
            p.put("name", ps.get(i).label());
            p.put("start", r.start()[i]);
            p.put("fitted", r.fitted()[i]);
            p.put("sigma_internal", r.sigmaInternal()[i]);
            p.put("internal", ps.get(i).log() ? "ln" : "linear");
        }
        ArrayNode co = j.putArray("correlation");
        for (double[] row : r.correlation()) { ArrayNode a = co.addArray(); for (double v : row) a.add(v); }
        ArrayNode st = j.putArray("structures");
        for (int t = 0; t < r.problem().targets().size(); t++) {
            FitProblem.Target tg = r.problem().targets().get(t);
            ObjectNode s = st.addObject();
            s.put("name", tg.name());
            ArrayNode oa = s.putArray("observables");
            for (int k = 0; k < tg.observables().size(); k++) {
                Observable o = tg.observables().get(k);
                ObjectNode on = oa.addObject();
                on.put("type", o.type());
                on.put("unit", o.unit());
                on.put("weight", o.weight());
                if (!o.type().equals("forces")) arr(on.putArray("target"), o.target());
                if (o.type().equals("forces")) {
                    on.put("rms_before", summary(o, r.before()[t][k]));
                    on.put("rms_after", summary(o, r.after()[t][k]));
                } else {
                    arr(on.putArray("before"), r.before()[t][k]);
                    arr(on.putArray("after"), r.after()[t][k]);
                }
            }
        }
        return j;
    }

    private static void arr(ArrayNode a, double[] v) { for (double x : v) a.add(x); }

    public static String markdown(ForceFieldFitter.Result r) {
        StringBuilder b = new StringBuilder();
        List<FitParameter> ps = r.problem().parameters();
        b.append(String.format(Locale.ROOT, "Cost (Σ weighted residual²): %.6g → %.6g after %d LM iterations (%d evaluations)%s.%n%n",
                r.costBefore(), r.costAfter(), r.iterations(), r.evaluations(),
                r.converged() ? "" : " — stopped at the iteration limit, best point kept"));
        b.append("| parameter | start | fitted | σ (internal) |\n|---|---|---|---|\n");
        for (int i = 0; i < ps.size(); i++) {
            b.append(String.format(Locale.ROOT, "| %s | %.6g | %.6g | %.3g%s |%n", ps.get(i).label(), r.start()[i], r.fitted()[i],
                    r.sigmaInternal()[i], ps.get(i).log() ? " (ln)" : ""));
        }
        b.append("\n| structure | observable | unit | weight | target | before | after |\n|---|---|---|---|---|---|---|\n");
        for (int t = 0; t < r.problem().targets().size(); t++) {
            FitProblem.Target tg = r.problem().targets().get(t);
            for (int k = 0; k < tg.observables().size(); k++) {
                Observable o = tg.observables().get(k);
                String tgt = o.type().equals("forces") ? "0" : o.type().equals("stress") ? fmt(o.target()) : fmt(o.target());
                String bf = o.type().equals("lattice") ? fmt(r.before()[t][k]) : String.format(Locale.ROOT, "%.4g", summary(o, r.before()[t][k]));
                String af = o.type().equals("lattice") ? fmt(r.after()[t][k]) : String.format(Locale.ROOT, "%.4g", summary(o, r.after()[t][k]));
                if (o.type().equals("stress")) { bf = fmt(r.before()[t][k]); af = fmt(r.after()[t][k]); }
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3g | %s | %s | %s |%n", tg.name(), label(o), o.unit(), o.weight(),
                        tgt, bf, af));
            }
        }
        b.append("\nParameter correlation (internal variables):\n\n|   |");
        for (FitParameter p : ps) b.append(' ').append(p.label()).append(" |");
        b.append("\n|---|");
        for (int i = 0; i < ps.size(); i++) b.append("---|");
        b.append('\n');
        for (int i = 0; i < ps.size(); i++) {
            b.append("| ").append(ps.get(i).label()).append(" |");
            for (int j = 0; j < ps.size(); j++) b.append(String.format(Locale.ROOT, " %.3f |", r.correlation()[i][j]));
            b.append('\n');
        }
        return b.toString();
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) b.append(i > 0 ? " " : "").append(String.format(Locale.ROOT, "%.4g", v[i]));
        return b.toString();
    }
}
