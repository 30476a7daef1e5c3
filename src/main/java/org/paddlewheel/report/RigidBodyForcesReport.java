package org.paddlewheel.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.forcefield.fit.RigidBodyForces;

/**
 * The rigid-body section of {@code dft compare} ({@link RigidBodyForces}): a markdown table per config_type, the
 * JSON object {@code rigid_body} (keys {@code all}, {@code sets} and {@code config_types}, each a list of {kind, quantity, groups,
 * rmse, dft_rms, model_rms, relative_error, slope}; forces in eV/Å, torques in eV) and {@code rigid-body.csv}.
 */
public final class RigidBodyForcesReport {
    private RigidBodyForcesReport() {}

    /** The JSON object. */
    public static ObjectNode json(RigidBodyForces.Result r) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("frames_skipped", r.framesSkipped());
        var notes = o.putArray("skipped_notes");
        r.skippedNotes().forEach(notes::add);
        rows(o.putArray("all"), r.all());
        ObjectNode sets = o.putObject("sets");
        r.bySet().forEach((k, v) -> rows(sets.putArray(k), v));
        ObjectNode t = o.putObject("config_types");
        r.byConfigType().forEach((k, v) -> rows(t.putArray(k), v));
        return o;
    }

    private static void rows(com.fasterxml.jackson.databind.node.ArrayNode a, List<RigidBodyForces.Stat> stats) {
        for (var s : stats) {
            String u = s.quantity().equals("force") ? "_eV_per_A" : "_eV";
            a.addObject().put("kind", s.kind()).put("quantity", s.quantity()).put("groups", s.groups()).put("rmse" + u, s.rmse())
                    .put("dft_rms" + u, s.dftRms()).put("model_rms" + u, s.modelRms()).put("relative_error", s.relativeError())
                    .put("slope", s.slope());
        }
    }

    /** The markdown section. */
    public static String markdown(RigidBodyForces.Result r) {
        StringBuilder b = new StringBuilder("\n## Forces on whole molecules and ions\n\n");
        b.append("Net force on each molecule (Σ f, eV/Å) and torque about its centre atom (eV), and the force on each ion outside a molecule;"
                + " per Cartesian component. Intramolecular forces cancel in these sums, so here a model shows how it pushes and turns whole"
                + " anions and Na, which per-element RMSEs hide. Slope: model on DFT through the origin (below 1 with the model's RMS below"
                + " DFT's: softer than DFT).\n\n");
        if (r.framesSkipped() > 0) b.append(String.format(Locale.ROOT, "%d configuration(s) left out (no topology): %s%n%n",
                r.framesSkipped(), String.join("; ", r.skippedNotes())));
        b.append("| config_type | kind | quantity | n | RMSE | DFT RMS | model RMS | relative error | slope |\n|---|---|---|---|---|---|---|---|---|\n");
        table(b, "all", r.all());
        r.bySet().forEach((k, v) -> table(b, "set: " + k, v));
        r.byConfigType().forEach((k, v) -> table(b, k, v));
        return b.toString();
    }

    private static void table(StringBuilder b, String type, List<RigidBodyForces.Stat> stats) {
        for (var s : stats) b.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.3f | %.3f | %.3f | %.2f | %.2f |%n", type, s.kind(),
                s.quantity(), s.groups(), s.rmse(), s.dftRms(), s.modelRms(), s.relativeError(), s.slope()));
    }

    /** The CSV: one row per config_type (and "all"), kind and quantity. */
    public static String csv(RigidBodyForces.Result r) {
        StringBuilder b = new StringBuilder("config_type,kind,quantity,groups,rmse,dft_rms,model_rms,relative_error,slope\n");
        java.util.function.BiConsumer<String, List<RigidBodyForces.Stat>> rows = (k, v) -> v.forEach(s -> b.append(String.format(Locale.ROOT,
                "%s,%s,%s,%d,%.5f,%.5f,%.5f,%.4f,%.4f%n", k.contains(",") ? "\"" + k + "\"" : k, s.kind(), s.quantity(), s.groups(), s.rmse(),
                s.dftRms(), s.modelRms(), s.relativeError(), s.slope())));
        rows.accept("all", r.all());
        r.bySet().forEach((k, v) -> rows.accept("set:" + k, v));
        r.byConfigType().forEach(rows);
        return b.toString();
    }

    /** Adds the section to a written report folder: {@code rigid_body} in dft-compare.json, the table in dft-compare.md, rigid-body.csv. */
    public static void appendTo(Path dir, RigidBodyForces.Result r) throws IOException {
        Path js = dir.resolve("dft-compare.json"), md = dir.resolve("dft-compare.md");
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(js.toFile());
        doc.set("rigid_body", json(r));
        String text = Files.readString(md) + markdown(r);
        org.paddlewheel.io.AtomicFile.writeText(js, w -> w.write(doc.toPrettyString() + "\n"));
        org.paddlewheel.io.AtomicFile.writeText(md, w -> w.write(text));
        org.paddlewheel.io.AtomicFile.writeText(dir.resolve("rigid-body.csv"), w -> w.write(csv(r)));
    }
}
