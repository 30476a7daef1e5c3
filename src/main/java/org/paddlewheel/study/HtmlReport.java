package org.paddlewheel.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paddlewheel.io.AtomicFile;

/**
 * Writes the study's {@code report.html}: one self-contained page (inline CSS, every figure an
 * {@code <img>} with a base64 PNG {@code data:} URI, no scripts, no external resources) holding
 * the caveats, provenance, the claims table with verdicts and numbers, per-condition results,
 * activation energies beside the paper's and the figures. Opens offline in any browser.
 */
final class HtmlReport {
    private HtmlReport() {}

    static void write(Path target, Path studyDir, StudyManifest m, List<ConditionResult> conditions,
                      List<ArrheniusByX.Row> arrhenius, List<Claim> claims, List<StudyFigures.Figure> figures,
                      List<String> caveats, String analysis) throws IOException {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>paddlewheel study: double paddle-wheel</title><style>")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;background:#fff}")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:0.9em}td,th{border:1px solid #bbb;padding:4px 8px;vertical-align:top}")
                .append("th{background:#eef}.reproduced{background:#cfc}.not_reproduced{background:#fcc}.inconclusive{background:#ffd}")
                .append(".caveat{border:2px solid #c60;background:#fff3e0;padding:0.6em 1em;margin:0.5em 0}")
                .append("figure{margin:1.5em 0}img{max-width:100%;border:1px solid #ddd}code{background:#f4f4f4}</style></head><body>\n");
        h.append("<h1>Double paddle-wheel study: Na<sub>3−x</sub>O<sub>1−x</sub>(NH<sub>2</sub>)<sub>x</sub>(BH<sub>4</sub>)</h1>\n");
        h.append("<p>Reproduction of the AIMD part of Tsai et al., <i>Adv. Energy Mater.</i> 2023, 13, 2203284 (Figures 3 and 4).</p>\n");
        for (String c : caveats) h.append("<div class=\"caveat\"><b>Note:</b> ").append(esc(c)).append("</div>\n");

        h.append("<h2>Claims</h2>\n<p>A difference counts only when it exceeds ").append(fmt(Estimate.SIGNIFICANCE))
                .append("σ combined; otherwise the verdict is <i>inconclusive</i>.</p>\n<table><tr><th>claim</th><th>verdict</th><th>numbers</th><th>rule</th></tr>\n");
        for (Claim c : claims) {
            h.append("<tr><td><b>").append(esc(c.statement())).append("</b><br><code>").append(esc(c.id())).append("</code></td>")
                    .append("<td class=\"").append(c.verdict()).append("\">").append(c.verdict().replace('_', ' ')).append("</td><td>");
            for (Map<String, Object> e : c.evidence()) h.append(esc(render(RunFolder.JSON.valueToTree(e)))).append("<br>");
            h.append("</td><td>").append(esc(c.basis())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Results per condition</h2>\n<table><tr><th>x</th><th>T (K)</th><th>frozen</th><th>seeds</th>")
                .append("<th>D<sub>Na</sub> (cm²/s)</th><th>σ<sub>NE</sub> (S/cm)</th><th>τ<sub>BH4</sub> (ps)</th><th>τ<sub>NH2</sub> (ps)</th>")
                .append("<th>hops (per Na per ps)</th><th>coupling z NH2</th><th>coupling z BH4</th></tr>\n");
        for (ConditionResult c : conditions) {
            h.append("<tr><td>").append(StudyFigures.trim(c.x())).append("</td><td>").append(fmt(c.temperatureK()))
                    .append("</td><td>").append(c.frozen().cliName()).append("</td><td>").append(c.seeds())
                    .append("</td><td>").append(d(c, c.dNa())).append("</td><td>").append(d(c, c.sigmaNa()))
                    .append("</td><td>").append(tau(c, "BH4")).append("</td><td>").append(tau(c, "NH2"))
                    .append("</td><td>").append(c.hops()).append(Double.isFinite(c.hopRatePerPs())
                            ? String.format(Locale.ROOT, " (%.2g)", c.hopRatePerPs()) : "").append("</td><td>").append(z(c.coupling().get("NH2")))
                    .append("</td><td>").append(z(c.coupling().get("BH4"))).append("</td></tr>\n");
        }
        h.append("</table>\n<p>τ is the KWW mean C1 time; “≥ t” marks a lower bound (C1 still above 1/e at half the run).")
                .append(" “≤ D (no hop)” marks a condition in which no Na hop (site change) was detected: its D is the floor of the")
                .append(" MSD-slope estimator (vibrations and barostat volume fluctuations inside the fit window), an upper bound,")
                .append(" not transport; σ<sub>NE</sub> follows it. Such D values are left out of the Arrhenius fits and claims use them")
                .append(" only as upper bounds. Where some seeds of a condition hopped, the seeds without a hop are left out of its mean.</p>\n");

        h.append("<h2>Activation energies</h2>\n<table><tr><th>x</th><th>T used (K)</th><th>E<sub>a</sub> from D (eV)</th>")
                .append("<th>E<sub>a</sub> from σT (eV)</th><th>paper, experiment (eV)</th><th>not fitted: no hop (K)</th></tr>\n");
        for (ArrheniusByX.Row r : arrhenius) {
            StringBuilder ts = new StringBuilder();
            for (double t : r.temperaturesK()) ts.append(ts.length() > 0 ? ", " : "").append(fmt(t));
            h.append("<tr><td>").append(StudyFigures.trim(r.x())).append("</td><td>").append(ts).append("</td><td>")
                    .append(pm(r.eaDEv())).append("</td><td>").append(pm(r.eaSigmaEv())).append("</td><td>")
                    .append(r.paperEaEv() == null ? "—" : fmt(r.paperEaEv())).append("</td><td>").append(list(r.noHopTemperaturesK()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p>The paper's experimental E<sub>a</sub> (impedance, Figure 1B): 0.358, 0.299, 0.301, 0.278, 0.268 eV for x = 0, 0.2, 0.5, 0.75, 1.0.</p>\n");

        h.append("<h2>Figures</h2>\n");
        for (StudyFigures.Figure f : figures) {
            byte[] png = Files.readAllBytes(studyDir.resolve("figures").resolve(f.name() + ".png"));
            h.append("<figure><img alt=\"").append(esc(f.title())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption><b>").append(esc(f.title()))
                    .append(".</b> ").append(esc(f.caption())).append(" (vector: <code>figures/").append(esc(f.name()))
                    .append(".svg</code>)</figcaption></figure>\n");
        }

        h.append("<h2>Provenance</h2>\n<table>");
        row(h, "command", m.command());
        row(h, "paddlewheel", m.paddlewheelVersion());
        row(h, "Java", m.javaVersion());
        row(h, "engine", m.engine() + " — " + m.engineVersion());
        row(h, "analysis", analysis);
        row(h, "force field", m.forceField());
        row(h, "preset", m.preset());
        StringBuilder seeds = new StringBuilder();
        new java.util.TreeSet<>(m.runs().stream().map(RunSpec::seed).toList()).forEach(s -> seeds.append(seeds.length() > 0 ? ", " : "").append(s));
        row(h, "seeds", seeds.toString());
        RunSpec first = m.runs().isEmpty() ? null : m.runs().get(0);
        if (first != null) {
            row(h, "run settings", String.format(Locale.ROOT, "%dx%<dx%<d cell, %s fs equilibration + %s fs production at %s fs, %s,"
                    + " Langevin %s/ps, lattice mass %s amu", first.supercell(), fmt(first.equilibrationFs()), fmt(first.productionFs()),
                    fmt(first.timestepFs()), first.ensemble(), fmt(first.frictionPerPs()), fmt(first.latticeMassAmu())));
        }
        row(h, "runs planned", Integer.toString(m.runs().size()));
        h.append("</table>\n<p>Every number is in <code>summary.json</code>; rebuild this page with <code>paddlewheel report ")
                .append(esc(studyDir.getFileName() == null ? "." : studyDir.getFileName().toString())).append("</code>.</p>\n</body></html>\n");
        AtomicFile.writeText(target, w -> w.write(h.toString()));
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    /** D or σ of a condition, or "≤ value (no hop)" when no run there detected a Na hop. */
    static String d(ConditionResult c, Estimate e) {
        if (e != null && c.dNaIsUpperBound()) return String.format(Locale.ROOT, "≤ %.3g (no hop)", e.value());
        return pm(e) + (c.noHopRunsDropped() > 0 ? " (" + c.noHopRunsDropped() + " seed(s) without a hop left out)" : "");
    }

    private static String list(double[] ts) {
        StringBuilder b = new StringBuilder();
        for (double t : ts) b.append(b.length() > 0 ? ", " : "").append(fmt(t));
        return b.length() == 0 ? "—" : b.toString();
    }

    /** τ of a kind, or "≥ bound" when only a lower bound is known. */
    static String tau(ConditionResult c, String kind) {
        Estimate e = c.tauPs().get(kind);
        if (e != null && c.isLowerBound(kind)) return String.format(Locale.ROOT, "≥ %.3g", e.value());
        return pm(e);
    }

    static String pm(Estimate e) {
        if (e == null) return "—";
        if (!Double.isFinite(e.sigma())) return String.format(Locale.ROOT, "%.3g ± ?", e.value());
        return String.format(Locale.ROOT, "%.3g ± %.2g", e.value(), e.sigma());
    }

    private static String z(RunResult.Coupling c) {
        if (c == null) return "—";
        if (c.hops() < Claims.MIN_HOPS || !Double.isFinite(c.z())) return "n/a (" + c.hops() + " hop" + (c.hops() == 1 ? ")" : "s)");
        return String.format(Locale.ROOT, "%.2f (p=%.2g, %d hops)", c.z(), c.pValue(), c.hops());
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** Compact text of a JSON value: {value, sigma} as "v ± s", objects as "k: v; …". */
    static String render(JsonNode n) {
        if (n == null || n.isNull()) return "—";
        if (n.isNumber()) return fmt(n.asDouble());
        if (n.isTextual() || n.isBoolean()) return n.asText();
        if (n.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (JsonNode e : n) b.append(b.length() > 1 ? ", " : "").append(render(e));
            return b.append(']').toString();
        }
        if (n.has("value") && n.has("sigma") && n.size() == 2) {
            if (n.get("value").isNull()) return "—";
            return String.format(Locale.ROOT, "%.3g ± %.2g", n.get("value").asDouble(), n.get("sigma").asDouble());
        }
        StringBuilder b = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (b.length() > 0) b.append("; ");
            b.append(e.getKey()).append(": ").append(n.get(e.getKey()).isObject() && !e.getValue().has("value") ? "{" + render(e.getValue()) + "}" : render(e.getValue()));
        }
        return b.toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
