package org.paddlewheel.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.paddlewheel.study.Claim;
import org.paddlewheel.study.ConditionResult;
import org.paddlewheel.study.Estimate;
import org.paddlewheel.study.Evidence;
import org.paddlewheel.study.RunSpec;
import org.paddlewheel.study.StudyManifest;
import org.paddlewheel.study.StudyResults;
import org.paddlewheel.io.AtomicFile;

/**
 * Writes the study's {@code report.html}: one self-contained page (inline CSS, every figure an
 * {@code <img>} with a base64 PNG {@code data:} URI, no scripts, no external resources) read top
 * down as: what was run, the verdicts, the evidence of each claim as a table (condition, numbers
 * with units and 1σ, what the row says, used or why not), per-condition results and activation
 * energies, the figures with captions, and the provenance. Verdicts are written out in words,
 * never shown by colour alone.
 */
final class StudyHtml {
    private StudyHtml() {}

    static void write(Path target, StudyResults r, List<StudyFigures.Figure> figures) throws IOException {
        StudyManifest m = r.manifest();
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>paddlewheel study: double paddle-wheel</title><style>")
                .append("body{font-family:sans-serif;max-width:1150px;margin:2em auto;padding:0 1em;color:#222;background:#fff;line-height:1.4}")
                .append("table{border-collapse:collapse;margin:0.6em 0 1.2em;font-size:0.88em}td,th{border:1px solid #bbb;padding:3px 7px;vertical-align:top;text-align:left}")
                .append("th{background:#f0f0f0}.v{font-weight:bold;white-space:nowrap}.reproduced{background:#d6ecf7}.not_reproduced{background:#f9dccb}")
                .append(".inconclusive{background:#f6f0c8}.not_testable,.not_attempted{background:#eee}.excluded{color:#777}")
                .append(".caveat{border-left:4px solid #D55E00;background:#fdf3ec;padding:0.4em 1em;margin:0.5em 0}")
                .append("figure{margin:1.5em 0}img{max-width:100%;border:1px solid #ddd}figcaption{font-size:0.9em;margin-top:0.4em}")
                .append("code{background:#f4f4f4}.rule{font-size:0.88em;color:#444}</style></head><body>\n");
        h.append("<h1>Double paddle-wheel study: Na<sub>3−x</sub>O<sub>1−x</sub>(NH<sub>2</sub>)<sub>x</sub>(BH<sub>4</sub>)</h1>\n")
                .append("<p>Reproduction of Tsai et al., <i>Adv. Energy Mater.</i> 2023, 13, 2203284 — its AIMD results (Figures 3 and 4)")
                .append(" and the numbers it reports — with paddlewheel's own engine.</p>\n");

        h.append("<h2>1. What was run</h2>\n");
        for (String c : r.caveats()) h.append("<div class=\"caveat\">").append(esc(c)).append("</div>\n");
        whatWasRun(h, r);

        h.append("<h2>2. Verdicts</h2>\n<p class=\"rule\">A claim is <i>reproduced</i> only when most usable conditions support it and")
                .append(" none contradicts it; <i>not testable</i> when no condition of this run is usable; <i>not attempted</i> when the")
                .append(" study does not address it. Differences count beyond ").append(fmt(Estimate.SIGNIFICANCE))
                .append("σ combined, with the effect sizes stated in each rule; a run whose cell melted or drifted is never used.</p>\n")
                .append("<table><tr><th>paper's result</th><th>verdict</th><th>conditions used / supporting / contradicting</th></tr>\n");
        for (Claim c : r.claims()) {
            long used = c.evidence().stream().filter(Evidence::used).count();
            long sup = c.evidence().stream().filter(e -> e.used() && e.outcome() == Evidence.Outcome.SUPPORTS).count();
            long con = c.evidence().stream().filter(e -> e.used() && e.outcome() == Evidence.Outcome.CONTRADICTS).count();
            h.append("<tr><td><a href=\"#").append(esc(c.id())).append("\">").append(esc(c.statement())).append("</a></td><td class=\"v ")
                    .append(c.verdict().json()).append("\">").append(c.verdict().words()).append("</td><td>")
                    .append(c.evidence().isEmpty() ? "—" : used + " of " + c.evidence().size() + " / " + sup + " / " + con).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>3. Evidence</h2>\n");
        for (Claim c : r.claims()) evidence(h, c);
        StudyHtmlTables.conditions(h, r.conditions());
        StudyHtmlTables.pbcm(h, r.pbcm());
        StudyHtmlTables.activationEnergies(h, r.arrhenius());

        h.append("<h2>4. Figures</h2>\n");
        int k = 1;
        for (StudyFigures.Figure f : figures) {
            byte[] png = Files.readAllBytes(r.dir().resolve("figures").resolve(f.name() + ".png"));
            h.append("<figure><img alt=\"").append(esc(f.title())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption><b>Figure ").append(k++).append(". ")
                    .append(esc(f.title())).append(".</b> ").append(esc(f.caption())).append(" (vector: <code>figures/").append(esc(f.name()))
                    .append(".svg</code>)</figcaption></figure>\n");
        }

        h.append("<h2>5. Provenance</h2>\n<table>");
        row(h, "command", m.command());
        row(h, "paddlewheel", m.paddlewheelVersion());
        row(h, "Java", m.javaVersion());
        row(h, "engine", m.engine() + " — " + m.engineVersion());
        row(h, "analysis", r.analysis());
        row(h, "force field", m.forceField());
        row(h, "preset", m.preset());
        row(h, "runs", r.runsFinished() + " of " + r.runsPlanned() + " planned finished");
        h.append("</table>\n<p>Every number is in <code>summary.json</code>; rebuild this page with <code>paddlewheel report ")
                .append(esc(r.dir().getFileName() == null ? "." : r.dir().getFileName().toString())).append("</code>.</p>\n</body></html>\n");
        AtomicFile.writeText(target, w -> w.write(h.toString()));
    }

    private static void whatWasRun(StringBuilder h, StudyResults r) {
        List<RunSpec> runs = r.manifest().runs();
        TreeSet<Double> xs = new TreeSet<>(), ts = new TreeSet<>();
        TreeSet<Long> seeds = new TreeSet<>();
        TreeSet<String> frozen = new TreeSet<>();
        for (RunSpec s : runs) { xs.add(s.x()); ts.add(s.temperatureK()); seeds.add(s.seed()); frozen.add(s.frozen().cliName()); }
        h.append("<table>");
        row(h, "campaign", r.manifest().preset() + ": " + runs.size() + " MD runs planned, " + r.runsFinished() + " finished and analysed"
                + (r.lastFinished() == null ? "" : ", the last at " + r.lastFinished()));
        row(h, "compositions x", join(xs));
        row(h, "temperatures (K)", join(ts));
        row(h, "frozen species", String.join(", ", frozen));
        row(h, "seeds", seeds.toString().replaceAll("[\\[\\]]", ""));
        if (!runs.isEmpty()) {
            RunSpec f = runs.get(0);
            row(h, "each run", String.format(Locale.ROOT, "%dx%<dx%<d cubic cell, %s ps equilibration + %s ps production at %s fs, %s,"
                    + " Langevin %s/ps, %s GPa, a frame every %s fs", f.supercell(), fmt(f.equilibrationFs() / 1000), fmt(f.productionFs() / 1000),
                    fmt(f.timestepFs()), f.ensemble(), fmt(f.frictionPerPs()), fmt(f.pressureGPa()), fmt(f.frameIntervalFs())));
        }
        long pbcm = runs.stream().filter(RunSpec::isPbcm).count();
        if (pbcm > 0) row(h, "orthorhombic runs", pbcm + " of them x = 1 in the Pbcm cell (" + runs.stream().filter(RunSpec::isPbcm)
                .findFirst().map(s -> s.supercell() + "x" + s.supercell() + "x1").orElse("") + " orthorhombic cells), listed apart: no claim uses them");
        row(h, "engine", r.manifest().engine() + " — " + r.manifest().engineVersion());
        row(h, "force field", r.manifest().forceField());
        h.append("</table>\n");
    }

    private static void evidence(StringBuilder h, Claim c) {
        h.append("<h3 id=\"").append(esc(c.id())).append("\">").append(esc(c.statement())).append(" — <span class=\"v ")
                .append(c.verdict().json()).append("\">").append(c.verdict().words()).append("</span></h3>\n<p class=\"rule\"><code>")
                .append(esc(c.id())).append("</code>. ").append(esc(c.basis())).append("</p>\n");
        if (c.evidence().isEmpty()) return;
        h.append("<table><tr><th>condition</th><th>numbers (1σ)</th><th>says</th><th>used</th></tr>\n");
        for (Evidence e : c.evidence()) {
            h.append("<tr").append(e.used() ? "" : " class=\"excluded\"").append("><td>").append(esc(e.condition())).append("</td><td>");
            boolean first = true;
            for (Evidence.Number n : e.numbers()) {
                if (n.value() == null) continue;
                h.append(first ? "" : "<br>").append(esc(n.name())).append(n.censored() == null ? " = " : " ").append(esc(number(n)));
                first = false;
            }
            h.append("</td><td>").append(e.used() ? e.outcome().json() : "—").append("</td><td>")
                    .append(e.used() ? "yes" : "no: " + esc(e.excludedBecause())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** "4.4e-06 ± 9.2e-07 cm²/s", "≥ 25 ps", "≤ 2e-09 cm²/s". */
    static String number(Evidence.Number n) {
        String unit = n.unit() == null || n.unit().isEmpty() ? "" : " " + n.unit();
        if ("lower".equals(n.censored())) return "≥ " + g(n.value()) + unit;
        if ("upper".equals(n.censored())) return "≤ " + g(n.value()) + unit;
        if (n.sigma() == null) return g(n.value()) + unit;
        return g(n.value()) + " ± " + String.format(Locale.ROOT, "%.2g", n.sigma()) + unit;
    }

    private static String g(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    private static String join(TreeSet<Double> vs) {
        StringBuilder b = new StringBuilder();
        for (double v : vs) b.append(b.length() > 0 ? ", " : "").append(fmt(v));
        return b.toString();
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** D or σ of a condition, or "≤ bound (no hop)" when no run there detected a Na hop. */
    static String d(ConditionResult c, Estimate e) { return StudyHtmlTables.d(c, e); }
}
