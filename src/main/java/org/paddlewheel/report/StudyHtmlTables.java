package org.paddlewheel.report;

import static org.paddlewheel.report.StudyHtml.esc;
import static org.paddlewheel.report.StudyHtml.fmt;

import java.util.List;
import java.util.Locale;
import org.paddlewheel.analysis.LatticeStability;
import org.paddlewheel.study.ArrheniusByX;
import org.paddlewheel.study.Bounded;
import org.paddlewheel.study.Claims;
import org.paddlewheel.study.ConditionResult;
import org.paddlewheel.study.Estimate;
import org.paddlewheel.study.RunResult;

/** The report's per-condition and activation-energy tables (numbers with 1σ; bounds as ≥ / ≤). */
final class StudyHtmlTables {
    private StudyHtmlTables() {}

    static void conditions(StringBuilder h, List<ConditionResult> conditions) {
        h.append("<h3 id=\"conditions\">Results per condition</h3>\n<table><tr><th>x</th><th>T (K)</th><th>frozen</th><th>seeds</th>")
                .append("<th>D<sub>Na</sub> (cm²/s)</th><th>σ<sub>NE</sub> (S/cm)</th><th>τ<sub>BH4</sub> (ps)</th><th>τ<sub>NH2</sub> (ps)</th>")
                .append("<th>hops (per Na per ps)</th><th>excess NH2 rotation at hops</th><th>anion-centre Lindemann / MSD (Å²) / cell drift</th>")
                .append("<th>crystal?</th></tr>\n");
        for (ConditionResult c : conditions) {
            h.append("<tr").append(c.usable() ? "" : " class=\"excluded\"").append("><td>").append(fmt(c.x())).append("</td><td>")
                    .append(fmt(c.temperatureK())).append("</td><td>").append(c.frozen().cliName()).append("</td><td>").append(c.seeds())
                    .append("</td><td>").append(d(c, c.dNa())).append("</td><td>").append(d(c, c.sigmaNa()))
                    .append("</td><td>").append(tau(c, "BH4")).append("</td><td>").append(tau(c, "NH2"))
                    .append("</td><td>").append(c.hops()).append(Double.isFinite(c.hopRatePerPs())
                            ? String.format(Locale.ROOT, " (%.2g)", c.hopRatePerPs()) : "").append("</td><td>").append(excess(c.coupling().get("NH2")))
                    .append("</td><td>").append(stability(c)).append("</td><td>")
                    .append(c.usable() ? "yes" : "no: " + esc(c.excludedBecause()))
                    .append(c.unstableRunsDropped() > 0 ? " (" + c.unstableRunsDropped() + " seed(s) not a crystal left out)" : "")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"rule\">τ is the KWW mean C1 time; “≥ t” is a lower bound (C1 still above 1/e at half the run, or a")
                .append(" KWW mean beyond that window). “≤ D (no hop)” marks a condition without a single Na hop: its D is the floor of the")
                .append(" MSD-slope estimator, shown as the upper bound max(D, 0) + 2σ, never fitted. Crystal: the anion-centre Lindemann ratio")
                .append(" ≤ ").append(LatticeStability.LINDEMANN_MAX).append(", the drift-removed anion-centre MSD ≤ (0.25 d<sub>nn</sub>)² and the")
                .append(" mean cell length within ±").append(Math.round(100 * LatticeStability.CELL_DRIFT_MAX)).append(" % from the first to the")
                .append(" last tenth of the run, for every mobile anion sublattice.</p>\n");
    }

    /**
     * The orthorhombic runs: one row per temperature with D and σ (the paper reports no Pbcm number or
     * claim to set them against, so no verdict).
     */
    static void pbcm(StringBuilder h, List<ConditionResult> pbcm) {
        if (pbcm.isEmpty()) return;
        h.append("<h3 id=\"pbcm\">Orthorhombic Pbcm, x = 1 (2×2×1 of the derived cell)</h3>\n<table><tr><th>T (K)</th><th>seeds</th>")
                .append("<th>D<sub>Na</sub> (cm²/s)</th><th>σ<sub>NE</sub> (S/cm)</th><th>hops (per Na per ps)</th><th>crystal?</th></tr>\n");
        for (ConditionResult c : pbcm) {
            h.append("<tr").append(c.usable() ? "" : " class=\"excluded\"").append("><td>").append(fmt(c.temperatureK())).append("</td><td>")
                    .append(c.seeds()).append("</td><td>").append(d(c, c.dNa())).append("</td><td>").append(d(c, c.sigmaNa()))
                    .append("</td><td>").append(c.hops()).append(Double.isFinite(c.hopRatePerPs())
                            ? String.format(Locale.ROOT, " (%.2g)", c.hopRatePerPs()) : "").append("</td><td>")
                    .append(c.usable() ? "yes" : "no: " + esc(c.excludedBecause())).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"rule\">No verdict: the paper ran Pbcm AIMD (2×2×1, x = 1) but states no Pbcm diffusivity,")
                .append(" conductivity or claim to test; these runs enter no claim and no Arrhenius fit. Experimentally the Pbcm phase")
                .append(" conducts about 10² less than the cubic one (the paper's EIS); the cell here is derived from the cubic one")
                .append(" (see docs/experiment.md), not Somer et al.'s refined coordinates.</p>\n");
    }

    static void activationEnergies(StringBuilder h, List<ArrheniusByX.Row> arrhenius) {
        h.append("<h3 id=\"ea\">Activation energies</h3>\n<table><tr><th>x</th><th>T used (K)</th><th>E<sub>a</sub> from D (eV)</th>")
                .append("<th>E<sub>a</sub> from σT (eV)</th><th>E<sub>a</sub> from the hop rate (eV)</th><th>D in the cage regime (K)</th>")
                .append("<th>paper, impedance (eV)</th><th>not fitted: no hop (K)</th>")
                .append("<th>not fitted: not a crystal (K)</th></tr>\n");
        for (ArrheniusByX.Row r : arrhenius) {
            h.append("<tr><td>").append(fmt(r.x())).append("</td><td>").append(list(r.temperaturesK())).append("</td><td>")
                    .append(pm(r.eaDEv())).append("</td><td>").append(pm(r.eaSigmaEv())).append("</td><td>")
                    .append(pm(r.eaHopRateEv())).append("</td><td>").append(list(r.cageTemperaturesK())).append("</td><td>")
                    .append(r.paperEaEv() == null ? "—" : fmt(r.paperEaEv())).append("</td><td>").append(list(r.noHopTemperaturesK()))
                    .append("</td><td>").append(list(r.unstableTemperaturesK())).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"rule\">A D fitted where the Na MSD at the fit window's end is below the squared site spacing")
                .append(" (the cage regime) mixes rattling with hops; where any used D is, the Ea verdict uses the hop rate.</p>\n");
    }

    /** D or σ of a condition, or "≤ bound (no hop)" when no run there detected a Na hop. */
    static String d(ConditionResult c, Estimate e) {
        if (e == null) return "—";
        if (c.dNaIsUpperBound()) {
            Bounded b = e == c.dNa() ? c.dNaBounded() : c.sigmaNaBounded();
            return String.format(Locale.ROOT, "≤ %.3g (no hop)", b.value());
        }
        return pm(e) + (c.noHopRunsDropped() > 0 ? " (" + c.noHopRunsDropped() + " seed(s) without a hop left out)" : "");
    }

    /** τ of a kind, "≥ bound" when censored. */
    static String tau(ConditionResult c, String kind) {
        Bounded b = c.tau(kind);
        return b == null ? "—" : b.text();
    }

    static String pm(Estimate e) {
        if (e == null) return "—";
        if (!Double.isFinite(e.sigma())) return String.format(Locale.ROOT, "%.3g ± ?", e.value());
        return String.format(Locale.ROOT, "%.3g ± %.2g", e.value(), e.sigma());
    }

    private static String excess(RunResult.Coupling c) {
        if (c == null) return "—";
        if (c.hops() < Claims.MIN_HOPS || !Double.isFinite(c.z()) || !(c.controlMean() > 0)) {
            return "n/a (" + c.hops() + " hop" + (c.hops() == 1 ? ")" : "s)");
        }
        return String.format(Locale.ROOT, "%.1f ± %.1f %% (z = %.1f, %d hops)", 100 * (c.score() - c.controlMean()) / c.controlMean(),
                100 * c.controlStd() / c.controlMean(), c.z(), c.hops());
    }

    /** Worst sublattice of the condition's first run: Lindemann / MSD / drift. */
    private static String stability(ConditionResult c) {
        RunResult r = c.runs().get(0);
        if (r.stability() == null || r.stability().isEmpty()) return "not measured";
        StringBuilder b = new StringBuilder();
        r.stability().forEach((k, s) -> b.append(b.length() > 0 ? "<br>" : "").append(k).append(String.format(Locale.ROOT,
                ": %.3f / %.2f / %+.1f %%", s.lindemann(), s.msdA2(), 100 * s.cellDrift())));
        return b.toString();
    }

    private static String list(double[] ts) {
        StringBuilder b = new StringBuilder();
        for (double t : ts) b.append(b.length() > 0 ? ", " : "").append(fmt(t));
        return b.length() == 0 ? "—" : b.toString();
    }
}
