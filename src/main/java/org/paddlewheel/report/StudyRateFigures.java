package org.paddlewheel.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.model.Units;
import org.paddlewheel.study.ArrheniusByX;
import org.paddlewheel.study.Claims;
import org.paddlewheel.study.ConditionResult;
import org.paddlewheel.study.Estimate;
import org.paddlewheel.study.Frozen;
import org.paddlewheel.study.RunResult;

/**
 * The study's rate figures in {@link ChartStyle}: Arrhenius plots of D_Na and σ_NE·T per
 * composition (1σ error bars, ▽ for upper bounds from runs without a hop, × for conditions that did
 * not stay a crystal, dashed weighted fits), and the excess neighbour-anion rotation around hops
 * with 1σ error bars against the 25 % line the "synchronous" verdict needs.
 */
final class StudyRateFigures {
    private final List<ConditionResult> conditions;
    private final Path dir;
    private final List<StudyFigures.Figure> written;

    StudyRateFigures(List<ConditionResult> conditions, Path dir, List<StudyFigures.Figure> written) {
        this.conditions = conditions;
        this.dir = dir;
        this.written = written;
    }

    void arrhenius(List<ArrheniusByX.Row> rows) throws IOException {
        for (boolean sigma : new boolean[] {false, true}) arrhenius(rows, sigma);
    }

    private void arrhenius(List<ArrheniusByX.Row> rows, boolean sigma) throws IOException {
        String title = sigma ? "Nernst–Einstein conductivity σ·T vs 1000/T" : "Na diffusivity D vs 1000/T";
        XYChart ch = ChartStyle.xy(800, 520, title, "1000/T (K⁻¹)", sigma ? "log10(σT / S cm⁻¹ K)" : "log10(D / cm² s⁻¹)");
        ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        int n = 0;
        double xLo = Double.MAX_VALUE, xHi = -Double.MAX_VALUE;
        for (ArrheniusByX.Row row : rows) {
            List<double[]> pts = new ArrayList<>(), bounds = new ArrayList<>(), molten = new ArrayList<>();
            for (ConditionResult c : conditions) {
                if (c.frozen() != Frozen.NONE || c.x() != row.x()) continue;
                Estimate e = sigma ? c.sigmaNa() : c.dNa();
                if (e == null) continue;
                double v = (c.dNaIsUpperBound() ? (sigma ? c.sigmaNaBounded() : c.dNaBounded()).value() : e.value()) * (sigma ? c.temperatureK() : 1);
                if (!(v > 0)) continue;
                double[] p = {1000 / c.temperatureK(), Math.log10(v), Double.isFinite(e.relative()) ? e.relative() / Math.log(10) : 0};
                (!c.usable() ? molten : c.dNaIsUpperBound() ? bounds : pts).add(p);
                xLo = Math.min(xLo, p[0]);
                xHi = Math.max(xHi, p[0]);
            }
            if (pts.isEmpty() && bounds.isEmpty() && molten.isEmpty()) continue;
            java.awt.Color colour = ChartStyle.colour(n);
            String x = "x=" + StudyFigures.trim(row.x());
            if (!pts.isEmpty()) {
                Estimate ea = sigma ? row.eaSigmaEv() : row.eaDEv();
                String label = x + (ea == null ? "" : String.format(Locale.ROOT, ", Ea = %.3f ± %.3f eV", ea.value(), ea.sigma()))
                        + (row.paperEaEv() != null ? String.format(Locale.ROOT, " (paper %.3f)", row.paperEaEv()) : "");
                XYSeries s = ch.addSeries(label, col(pts, 0), col(pts, 1), col(pts, 2));
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(ChartStyle.marker(n));
                s.setMarkerColor(colour);
                s.setLineColor(colour);   // the error bars' colour
                var fit = sigma ? row.sigmaFit() : row.dFit();
                if (fit != null) {
                    double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
                    for (double[] p : pts) { lo = Math.min(lo, p[0]); hi = Math.max(hi, p[0]); }
                    double[] fx = {lo, hi}, fy = new double[2];
                    for (int i = 0; i < 2; i++) {
                        double t = 1000 / fx[i];
                        fy[i] = Math.log10(fit.predict(t) * (sigma ? t : 1));
                    }
                    XYSeries line = ch.addSeries("fit " + x, fx, fy);
                    line.setMarker(SeriesMarkers.NONE);
                    line.setLineColor(colour);
                    line.setLineStyle(ChartStyle.DASHED);
                    line.setShowInLegend(false);
                }
            }
            if (!bounds.isEmpty()) {
                XYSeries ub = ch.addSeries(x + ": upper bound, no hop", col(bounds, 0), col(bounds, 1));
                ub.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                ub.setMarker(SeriesMarkers.TRIANGLE_DOWN);
                ub.setMarkerColor(colour);
            }
            if (!molten.isEmpty()) {
                XYSeries m = ch.addSeries(x + ": not a crystal, not fitted", col(molten, 0), col(molten, 1), col(molten, 2));
                m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                m.setMarker(SeriesMarkers.CROSS);
                m.setMarkerColor(colour);
                m.setLineColor(colour);
            }
            n++;
        }
        if (n == 0) return;
        if (xHi > xLo) {
            double pad = 0.1 * (xHi - xLo);
            ch.getStyler().setXAxisMin(xLo - pad).setXAxisMax(xHi + pad).setXAxisDecimalPattern("0.00");
        }
        String name = sigma ? "arrhenius_sigma" : "arrhenius_D";
        Plots.savePngAndSvg(ch, dir.resolve(name));
        written.add(new StudyFigures.Figure(name, title, "Free runs per composition (colour and marker), 1σ error bars, and weighted"
                + " Arrhenius fits (dashed; k_B = " + Units.BOLTZMANN_EV_PER_K + " eV/K) over the conditions that stayed a crystal and"
                + " made Na hops. ▽: no Na hop — an upper bound max(D, 0) + 2σ, not fitted. ×: the cell melted or drifted — another"
                + " phase, not fitted." + (sigma ? " The paper's experimental Ea from impedance (Figure 1B) in brackets." : "")));
    }

    private static double[] col(List<double[]> pts, int k) { return pts.stream().mapToDouble(p -> p[k]).toArray(); }

    void coupling() throws IOException {
        List<String> cats = new ArrayList<>();
        List<Double> nv = new ArrayList<>(), ne = new ArrayList<>(), bv = new ArrayList<>(), be = new ArrayList<>();
        boolean any = false;
        for (ConditionResult c : conditions) {
            if (c.coupling().isEmpty()) continue;
            cats.add(String.format(Locale.ROOT, "x=%s %.0fK%s%s", StudyFigures.trim(c.x()), c.temperatureK(),
                    c.frozen() == Frozen.NONE ? "" : " " + c.frozen().cliName() + "-frz", c.usable() ? "" : " ✗"));
            any |= add(c.coupling().get("NH2"), nv, ne) | add(c.coupling().get("BH4"), bv, be);
        }
        if (!any) return;
        String title = "Excess neighbour-anion rotation around Na hops (vs random times)";
        CategoryChart ch = new CategoryChartBuilder().width(1000).height(560).title(title).xAxisTitle("condition")
                .yAxisTitle("excess rotation (%)").build();
        ChartStyle.apply(ch.getStyler());
        ch.getStyler().setXAxisLabelRotation(30);
        ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        ch.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        int k = 0;
        for (Object[] e : new Object[][] {{"NH2", nv, ne}, {"BH4", bv, be}}) {
            @SuppressWarnings("unchecked") List<Double> v = (List<Double>) e[1], err = (List<Double>) e[2];
            CategorySeries s = ch.addSeries((String) e[0], cats, v, err);
            s.setMarker(ChartStyle.marker(k));
            s.setMarkerColor(ChartStyle.colour(k));
            s.setLineColor(ChartStyle.colour(k));
            k++;
        }
        List<Double> line = new ArrayList<>();
        for (int i = 0; i < cats.size(); i++) line.add(100 * Claims.MIN_SYNC_EXCESS);
        CategorySeries th = ch.addSeries("synchronous: ≥ " + Math.round(100 * Claims.MIN_SYNC_EXCESS) + " % at −2σ", cats, line);
        th.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        th.setLineColor(java.awt.Color.BLACK);
        th.setLineStyle(ChartStyle.DASHED);
        th.setMarker(SeriesMarkers.NONE);
        Plots.savePngAndSvg(ch, dir.resolve("coupling_z"));
        written.add(new StudyFigures.Figure("coupling_z", title, "Mean angle turned by neighbour anions (centre within 4 Å of the hop"
                + " path) in ±0.25 ps around each hop, relative to the same anions at random times: (score − control)/control, in %,"
                + " with 1σ error bars from the random-time control; a condition with fewer than " + Claims.MIN_HOPS + " hops has no"
                + " point. The dashed line is the effect size the synchrony verdict needs; “frz” = frozen; ✗ marks a condition that did"
                + " not stay a crystal."));
    }

    /** Adds the excess rotation (%) and its 1σ, or null (no point) when there are too few hops; true when a point was added. */
    private static boolean add(RunResult.Coupling c, List<Double> v, List<Double> s) {
        boolean ok = c != null && c.hops() >= Claims.MIN_HOPS && Double.isFinite(c.z()) && c.controlMean() > 0;
        v.add(ok ? 100 * (c.score() - c.controlMean()) / c.controlMean() : null);
        s.add(ok && Double.isFinite(c.controlStd()) ? 100 * c.controlStd() / c.controlMean() : 0.0);
        return ok;
    }
}
