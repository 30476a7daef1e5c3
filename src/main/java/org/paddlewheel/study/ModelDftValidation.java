package org.paddlewheel.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.paddlewheel.forcefield.SplineJson;

/**
 * A model's known failures against DFT, as the model file records them ({@code "dft_validation"}, written by
 * {@code dft compare --write-validation}): one sentence for the study's caveats, so the verdicts are shown
 * beside what the model gets wrong. Forces eV/Å, barriers eV, lattice deviations in %.
 */
public final class ModelDftValidation {
    private ModelDftValidation() {}

    /** The block of the named or given model, if it has one and can be read. */
    public static Optional<JsonNode> of(String forceField) {
        if (forceField == null) return Optional.empty();
        try {
            JsonNode v = SplineJson.baseJson(forceField).get("dft_validation");
            return v == null || !v.isObject() ? Optional.empty() : Optional.of(v);
        } catch (RuntimeException e) {
            return Optional.empty(); // a model path that no longer exists where the report is built: no block to show
        }
    }

    /** The caveat sentence, or empty when the model carries no DFT validation. */
    public static Optional<String> caveat(String forceField) {
        return of(forceField).map(v -> sentence(forceField, v));
    }

    static String sentence(String model, JsonNode v) {
        StringBuilder b = new StringBuilder("MODEL AGAINST DFT (PBE; ");
        b.append(v.path("data").asText("?")).append(", ").append(v.path("configurations").asInt()).append(" configurations, ")
                .append(v.path("date").asText("?")).append("): '").append(model).append("'");
        b.append(String.format(Locale.ROOT, " has a force RMSE of %.2f eV/Å", v.path("force_rmse_eV_per_A").asDouble(Double.NaN)));
        List<String> el = new ArrayList<>();
        v.path("force_rmse_per_element_eV_per_A").fields().forEachRemaining(e -> el.add(String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue().asDouble())));
        if (!el.isEmpty()) b.append(" (").append(String.join(", ", el)).append(")");
        List<String> bar = new ArrayList<>();
        for (JsonNode s : v.path("scan_barriers_eV")) {
            bar.add(String.format(Locale.ROOT, "%s %.2f vs DFT %.2f", s.path("scan").asText(), s.path("model").asDouble(), s.path("dft").asDouble()));
        }
        for (JsonNode s : v.path("relaxed_barriers_eV")) {
            if (s.has("model")) bar.add(String.format(Locale.ROOT, "relaxed %s %.2f vs DFT %.2f%s", s.path("scan").asText(), s.path("model").asDouble(),
                    s.path("dft").asDouble(), s.path("same_basin").asBoolean(true) ? ""
                            : " (not comparable: the model relaxes the DFT start into another minimum)"));
        }
        if (!bar.isEmpty()) b.append("; barriers along the DFT scans (model vs DFT, eV): ").append(String.join("; ", bar));
        List<String> lat = new ArrayList<>();
        List<String> lat0 = new ArrayList<>();
        for (JsonNode l : v.path("lattice_0K")) {
            lat.add(String.format(Locale.ROOT, "%s %+.1f %%", l.path("name").asText(), 100 * l.path("deviation").asDouble()));
            if (l.has("model_a_0GPa_A") && l.has("dft_a_A")) {
                lat0.add(String.format(Locale.ROOT, "%s %.3f Å (%+.1f %%)", l.path("name").asText(), l.path("model_a_0GPa_A").asDouble(),
                        100 * (l.path("model_a_0GPa_A").asDouble() / l.path("dft_a_A").asDouble() - 1)));
            }
        }
        if (!lat.isEmpty()) b.append("; 0 K lattice parameters vs DFT: ").append(String.join(", ", lat));
        if (!lat0.isEmpty()) {
            b.append(" (compared at the pressure the GPW cut-off correction hides; at 0 GPa, where this study's NPT runs are, the model's 0 K cell is ")
                    .append(String.join(", ", lat0)).append(" against the fixed-grid DFT cell: its cells are that much larger)");
        }
        // forces on whole anions and ions (dft compare's rigid_body, held-out split): per-element RMSEs hide them (session 33)
        List<String> rigid = new ArrayList<>();
        for (JsonNode r : v.path("rigid_body_eV")) {
            boolean torque = r.path("quantity").asText().equals("torque");
            rigid.add(String.format(Locale.ROOT, "%s %s %.2f", r.path("kind").asText(), torque ? "torque"
                    : r.path("kind").asText().matches("[A-Z][a-z]?") ? "force" : "net force",
                    r.path("relative_error").asDouble())
                    + (r.has("rmse") && r.has("dft_rms") ? String.format(Locale.ROOT, " (RMSE %.3f %s, DFT RMS %.3f)", r.path("rmse").asDouble(),
                            torque ? "eV" : "eV/Å", r.path("dft_rms").asDouble()) : ""));
        }
        if (!rigid.isEmpty()) {
            b.append("; forces on whole anions and ions vs DFT (").append(v.path("rigid_body_set").asText("all")).append(" configurations, relative error: ")
                    .append(String.join(", ", rigid)).append("; 1 means no better than zero)");
        }
        b.append(v.path("targets_met").asBoolean(false) ? ". It meets the DFT-model targets."
                : ". Targets missed: " + String.join(", ", iter(v.path("targets_missed"))) + " (targets: force ≤ 0.15 eV/Å per element,"
                        + " barriers within 0.03 eV, lattice within 1 %). Activation energies and rates below inherit these errors.");
        return b.toString();
    }

    private static List<String> iter(JsonNode a) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : a) out.add(x.asText());
        return out;
    }
}
