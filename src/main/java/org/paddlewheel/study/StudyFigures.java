package org.paddlewheel.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.model.Units;
import org.paddlewheel.report.Plots;

/**
 * Draws the study's figures with XChart into {@code figures/NAME.png|svg} via {@link Plots}: the
 * Figure 3 analogues (C1 of BH4 and NH2, Na MSD; free runs A–C and x = 1 freezing runs D–F), the
 * Figure 4 analogue (one hop with neighbour-anion angles), Arrhenius plots of D_Na and σ·T per x
 * and the coupling z-scores. A figure without data is skipped, never drawn empty.
 */
public final class StudyFigures {
    private static final java.awt.Color[] PALETTE = {new java.awt.Color(0x1f77b4), new java.awt.Color(0xd62728),
        new java.awt.Color(0x2ca02c), new java.awt.Color(0x9467bd), new java.awt.Color(0xff7f0e)};
    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.DIAMOND};

    /** A written figure: file base name, title and caption for the report. */
    public record Figure(String name, String title, String caption) {}

    private final List<ConditionResult> conditions;
    private final Path dir;
    private final List<Figure> written = new ArrayList<>();

    public StudyFigures(List<ConditionResult> conditions, Path figuresDir) {
        this.conditions = conditions;
        this.dir = figuresDir;
    }

    /** Draws every figure that has data; returns them in report order. */
    public List<Figure> drawAll(List<ArrheniusByX.Row> arrhenius) throws IOException {
        for (String kind : List.of("BH4", "NH2")) {
            curves("fig3_c1_" + kind, kind + " orientation autocorrelation C1(t), free runs (cf. Fig. 3" + (kind.equals("BH4") ? "A" : "B") + ")",
                    "t (ps)", "C1", false, kind, false);
        }
        curves("fig3_msd_Na", "Na mean squared displacement, free runs (cf. Fig. 3C)", "t (ps)", "MSD (Å²)", true, null, false);
        for (String kind : List.of("BH4", "NH2")) {
            curves("fig3_frozen_c1_" + kind, kind + " C1(t), x = 1 with one species frozen (cf. Fig. 3" + (kind.equals("BH4") ? "D" : "E") + ")",
                    "t (ps)", "C1", false, kind, true);
        }
        curves("fig3_frozen_msd_Na", "Na MSD, x = 1 with one species frozen (cf. Fig. 3F)", "t (ps)", "MSD (Å²)", true, null, true);
        hop();
        arrhenius(arrhenius, false);
        arrhenius(arrhenius, true);
        coupling();
        return List.copyOf(written);
    }

    private static String legend(ConditionResult c) {
        return String.format(Locale.ROOT, "x=%s %.0f K%s", trim(c.x()), c.temperatureK(),
                c.frozen() == Frozen.NONE ? "" : " " + c.frozen().label());
    }

    static String trim(double x) { return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x); }

    private XYChart xy(String title, String xTitle, String yTitle) {
        XYChart ch = new XYChartBuilder().width(800).height(520).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ch.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setMarkerSize(5);
        return ch;
    }

    private void curves(String name, String title, String xt, String yt, boolean msd, String kind, boolean frozenPanel) throws IOException {
        XYChart ch = xy(title, xt, yt);
        int n = 0;
        double tMax = 0;
        for (ConditionResult c : conditions) {
            boolean frozenRow = c.x() == 1 && hasFrozenAt(c.temperatureK());
            if (frozenPanel ? !frozenRow : c.frozen() != Frozen.NONE) continue;
            RunResult r = c.runs().get(0);
            RunResult.Curve cv = msd ? r.msdNa() : r.c1().get(kind);
            if (cv == null || cv.tPs().length < 2) continue;
            XYSeries s = ch.addSeries(legend(c) + (c.seeds() > 1 ? " (seed " + r.spec().seed() + ")" : ""), cv.tPs(), cv.y());
            s.setMarker(SeriesMarkers.NONE);
            tMax = Math.max(tMax, cv.tPs()[cv.tPs().length - 1]);
            n++;
        }
        niceTimeAxis(ch, 0, tMax);
        if (n > 0) save(ch, name, title, (msd ? "Na MSD" : kind + " C1(t) = ⟨u(t)·u(0)⟩") + " of the first seed of each condition;"
                + " τ values with errors are in the tables.");
    }

    private boolean hasFrozenAt(double t) {
        for (ConditionResult c : conditions) if (c.frozen() != Frozen.NONE && c.temperatureK() == t) return true;
        return false;
    }

    private void hop() throws IOException {
        ConditionResult best = null;
        for (ConditionResult c : conditions) {
            if (c.x() != 1 || c.frozen() != Frozen.NONE || c.runs().get(0).hopTrace() == null) continue;
            if (best == null || Math.abs(c.temperatureK() - 363) < Math.abs(best.temperatureK() - 363)) best = c;
        }
        if (best == null) return;
        RunResult.HopTrace h = best.runs().get(0).hopTrace();
        String title = "One Na hop and its neighbour anions, " + legend(best) + " (cf. Fig. 4)";
        XYChart ch = xy(title, "t − t_hop (ps)", "Na displacement (Å)");
        XYSeries na = ch.addSeries("Na displacement", h.tPs(), h.naDisplacementA());
        na.setMarker(SeriesMarkers.NONE);
        na.setLineColor(java.awt.Color.BLACK);
        na.setLineWidth(2.5f);
        niceTimeAxis(ch, h.tPs()[0], h.tPs()[h.tPs().length - 1]);
        for (Map.Entry<String, List<double[]>> e : h.anionAngleDeg().entrySet()) {
            int k = 1;
            for (double[] a : e.getValue()) {
                XYSeries s = ch.addSeries(e.getKey() + " neighbour " + k++ + " angle", h.tPs(), a);
                s.setMarker(SeriesMarkers.NONE);
                s.setYAxisGroup(1);
            }
        }
        ch.setYAxisGroupTitle(1, "anion angular displacement (°)");
        ch.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        save(ch, "fig4_hop", title, "Displacement of the hopping Na from its start site (left axis) and angular displacement"
                + " of each neighbouring anion (right axis) around one representative hop.");
    }

    /** Time axis from lo to hi rounded out to a 0.5 ps (or 1, 2, 5 ps) grid, labels with at most one decimal. */
    static void niceTimeAxis(XYChart ch, double lo, double hi) {
        if (!(hi > lo)) return;
        double step = hi - lo <= 5 ? 0.5 : hi - lo <= 12 ? 1 : hi - lo <= 25 ? 2 : 5;
        ch.getStyler().setXAxisMin(Math.floor(lo / step) * step).setXAxisMax(Math.ceil(hi / step - 1e-9) * step)
                .setXAxisDecimalPattern("0.#");
    }

    private void arrhenius(List<ArrheniusByX.Row> rows, boolean sigma) throws IOException {
        String title = sigma ? "Nernst–Einstein conductivity σ·T vs 1000/T" : "Na diffusivity D vs 1000/T";
        XYChart ch = xy(title, "1000/T (1/K)", sigma ? "log10(σT / S cm⁻¹ K)" : "log10(D / cm² s⁻¹)");
        int n = 0;
        double xLo = Double.MAX_VALUE, xHi = -Double.MAX_VALUE;
        for (ArrheniusByX.Row row : rows) {
            List<double[]> pts = new ArrayList<>(), bounds = new ArrayList<>();
            for (ConditionResult c : conditions) {
                if (c.frozen() != Frozen.NONE || c.x() != row.x() || c.dNa() == null || c.dNa().value() <= 0) continue;
                Estimate e = sigma ? c.sigmaNa() : c.dNa();
                if (e == null || !(e.value() > 0)) continue;
                double scale = sigma ? c.temperatureK() : 1;
                (c.dNaIsUpperBound() ? bounds : pts).add(new double[] {1000 / c.temperatureK(), Math.log10(e.value() * scale),
                    e.relative() / Math.log(10)});
            }
            java.awt.Color colour = PALETTE[n % PALETTE.length];
            if (!bounds.isEmpty()) {
                // No hop in the run: the value is the MSD-slope floor, drawn as an upper bound and not fitted.
                double[] bx = bounds.stream().mapToDouble(p -> p[0]).toArray(), by = bounds.stream().mapToDouble(p -> p[1]).toArray();
                XYSeries ub = ch.addSeries("x=" + trim(row.x()) + (sigma ? " ≤ σT" : " ≤ D") + " (no hop, not fitted)", bx, by);
                ub.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                ub.setMarker(SeriesMarkers.TRIANGLE_DOWN);
                ub.setMarkerColor(colour.brighter());
                for (double x : bx) { xLo = Math.min(xLo, x); xHi = Math.max(xHi, x); }
            }
            if (pts.isEmpty()) {
                if (!bounds.isEmpty()) n++;
                continue;
            }
            double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray(), ys = pts.stream().mapToDouble(p -> p[1]).toArray(),
                    es = pts.stream().mapToDouble(p -> Double.isFinite(p[2]) ? p[2] : 0).toArray();
            Estimate ea = sigma ? row.eaSigmaEv() : row.eaDEv();
            String label = "x=" + trim(row.x()) + (ea == null ? "" : String.format(Locale.ROOT, " Ea=%.3f±%.3f eV", ea.value(), ea.sigma()))
                    + (sigma && row.paperEaEv() != null ? String.format(Locale.ROOT, " (paper %.3f)", row.paperEaEv()) : "");
            XYSeries pts0 = ch.addSeries(label, xs, ys, es);
            pts0.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            pts0.setMarkerColor(colour);
            pts0.setMarker(MARKERS[n % MARKERS.length]);
            for (double x : xs) { xLo = Math.min(xLo, x); xHi = Math.max(xHi, x); }
            var fit = sigma ? row.sigmaFit() : row.dFit();
            if (fit != null) {
                double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
                for (double x : xs) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
                double[] fx = {lo, hi}, fy = new double[2];
                for (int i = 0; i < 2; i++) {
                    double t = 1000 / fx[i];
                    fy[i] = Math.log10(fit.predict(t) * (sigma ? t : 1));
                }
                XYSeries line = ch.addSeries("fit x=" + trim(row.x()), fx, fy);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(colour);
                line.setShowInLegend(false);
            }
            n++;
        }
        if (n > 0 && xHi > xLo) {
            double pad = 0.1 * (xHi - xLo);
            ch.getStyler().setXAxisMin(xLo - pad).setXAxisMax(xHi + pad).setXAxisDecimalPattern("0.00");
        }
        if (n > 0) save(ch, sigma ? "arrhenius_sigma" : "arrhenius_D", title, "Free runs per composition with 1σ error bars and"
                + " weighted Arrhenius fits (k_B = " + Units.BOLTZMANN_EV_PER_K + " eV/K); ▽ = no Na hop in the run(s): the value"
                + " is an upper bound (MSD-slope floor from vibrations and cell fluctuations) and is not fitted"
                + (sigma ? "; the paper's experimental Ea from impedance in brackets." : "."));
    }

    private void coupling() throws IOException {
        List<String> cats = new ArrayList<>();
        List<Double> zn = new ArrayList<>(), zb = new ArrayList<>();
        for (ConditionResult c : conditions) {
            if (c.coupling().isEmpty()) continue;
            cats.add(legend(c));
            RunResult.Coupling n = c.coupling().get("NH2"), b = c.coupling().get("BH4");
            zn.add(shownZ(n));
            zb.add(shownZ(b));
        }
        if (cats.isEmpty()) return;
        String title = "Hop–rotation coupling z-score (vs random-time control)";
        CategoryChart ch = new CategoryChartBuilder().width(900).height(520).title(title).xAxisTitle("run")
                .yAxisTitle("z").build();
        ch.getStyler().setXAxisLabelRotation(45);
        ch.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        ch.addSeries("NH2", cats, zn);
        ch.addSeries("BH4", cats, zb);
        save(ch, "coupling_z", title, "z = (score − control mean)/control σ; |z| > 2 is significant;"
                + " a bar at 0 may mean fewer than " + Claims.MIN_HOPS + " hops, too few for a z.");
    }

    /** z when there are enough hops to mean anything, else 0 (drawn as no bar). */
    static double shownZ(RunResult.Coupling c) {
        return c == null || c.hops() < Claims.MIN_HOPS || !Double.isFinite(c.z()) ? 0 : c.z();
    }

    private void save(Chart<?, ?> ch, String name, String title, String caption) throws IOException {
        Plots.savePngAndSvg(ch, dir.resolve(name));
        written.add(new Figure(name, title, caption));
    }
}
