package org.paddlewheel.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.study.ArrheniusByX;
import org.paddlewheel.study.ConditionResult;
import org.paddlewheel.study.Frozen;
import org.paddlewheel.study.RunResult;

/**
 * The study's figures in the house {@link ChartStyle}: Figure 3 as six panels A–F like the paper's
 * (C1 of BH4, C1 of NH2 and the Na MSD for the free runs; the same for x = 1 with one species
 * frozen), Figure 4 as stacked panels around one hop (Na displacement; neighbour NH2 and BH4
 * angles), Arrhenius plots of D and σT with 1σ error bars, upper bounds and fits, and the excess
 * neighbour rotation around hops with 1σ error bars against the 25 % "synchronous" line. Conditions
 * whose cell did not stay a crystal are labelled so in the legend. Every figure carries a caption.
 * Single panels are also written ({@code fig3_c1_BH4} …) as PNG and SVG. A figure without data is
 * skipped, never drawn empty.
 */
public final class StudyFigures {
    /** Most points drawn per curve (markers stay legible). */
    static final int CURVE_POINTS = 40;

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
        figure3();
        figure4();
        new StudyRateFigures(conditions, dir, written).arrhenius(arrhenius);
        new StudyRateFigures(conditions, dir, written).coupling();
        return List.copyOf(written);
    }

    private void figure3() throws IOException {
        List<XYChart> panels = new ArrayList<>();
        String[][] spec = {{"BH4", "fig3_c1_BH4"}, {"NH2", "fig3_c1_NH2"}, {null, "fig3_msd_Na"},
            {"BH4", "fig3_frozen_c1_BH4"}, {"NH2", "fig3_frozen_c1_NH2"}, {null, "fig3_frozen_msd_Na"}};
        int drawn = 0;
        for (int i = 0; i < 6; i++) {
            XYChart c = curves(spec[i][0], i >= 3);
            if (c != null) { Plots.savePngAndSvg(c, dir.resolve(spec[i][1])); drawn++; }
            panels.add(c);
        }
        if (drawn == 0) return;
        Panels.save(panels, 3, dir.resolve("fig3"));
        written.add(new Figure("fig3", "Figure 3 analogue: anion rotation and Na transport",
                "(A, D) BH4 and (B, E) NH2 orientation autocorrelation C1(t) = ⟨u(t)·u(0)⟩ of the centre→H bond vectors, and (C, F)"
                + " Na mean squared displacement, from the first seed of each condition. A–C: free runs; colour = composition x,"
                + " marker = temperature. D–F: x = 1 with Na, NH2 or BH4 frozen (colour) next to the free run. The paper's panels"
                + " show 363, 500 and 700 K. Conditions whose cell melted or drifted are marked “not a crystal” and enter no verdict."
                + " τ with 1σ errors and bounds are in the evidence tables; curves are thinned to ≤ " + CURVE_POINTS + " points."));
    }

    /** One Figure 3 panel: C1 of {@code kind} (or the Na MSD when null), free runs or the frozen set. */
    private XYChart curves(String kind, boolean frozenPanel) {
        String what = kind == null ? "Na MSD" : kind + " C1";
        XYChart ch = ChartStyle.xy(560, 420, what + (frozenPanel ? ", x = 1, one species frozen" : ", free runs"), "t (ps)",
                kind == null ? "MSD (Å²)" : "C1(t)");
        List<Double> xs = new ArrayList<>(), ts = new ArrayList<>();
        for (ConditionResult c : conditions) {
            if (!xs.contains(c.x())) xs.add(c.x());
            if (!ts.contains(c.temperatureK())) ts.add(c.temperatureK());
        }
        xs.sort(null);
        ts.sort(null);
        int n = 0;
        double tMax = 0, minY = 0;
        for (ConditionResult c : conditions) {
            boolean frozenRow = c.x() == 1 && hasFrozenAt(c.temperatureK());
            if (frozenPanel ? !frozenRow : c.frozen() != Frozen.NONE) continue;
            RunResult r = c.runs().get(0);
            RunResult.Curve cv = kind == null ? r.msdNa() : r.c1().get(kind);
            if (cv == null || cv.tPs().length < 2) continue;
            double[][] thin = thin(cv.tPs(), cv.y());
            XYSeries s = ch.addSeries(legend(c), thin[0], thin[1]);
            int colour = frozenPanel ? c.frozen().ordinal() : xs.indexOf(c.x());
            s.setLineColor(ChartStyle.colour(colour));
            s.setMarkerColor(ChartStyle.colour(colour));
            s.setMarker(ChartStyle.marker(ts.indexOf(c.temperatureK()) + (frozenPanel ? c.frozen().ordinal() : 0)));
            s.setLineStyle(c.usable() ? org.knowm.xchart.style.lines.SeriesLines.SOLID : ChartStyle.DASHED);
            tMax = Math.max(tMax, thin[0][thin[0].length - 1]);
            for (double v : thin[1]) minY = Math.min(minY, v);
            n++;
        }
        if (n == 0) return null;
        niceTimeAxis(ch, 0, tMax);
        if (kind != null) ch.getStyler().setYAxisMin(Math.min(0.0, Math.floor(minY * 10) / 10)).setYAxisMax(1.0);
        else ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return ch;
    }

    private boolean hasFrozenAt(double t) {
        for (ConditionResult c : conditions) if (c.frozen() != Frozen.NONE && c.temperatureK() == t) return true;
        return false;
    }

    /** Figure 4: one hop of x = 1 (closest to 363 K among usable conditions), Na displacement over neighbour-anion angles. */
    private void figure4() throws IOException {
        ConditionResult best = null;
        for (ConditionResult c : conditions) {
            if (c.x() != 1 || c.frozen() != Frozen.NONE || c.runs().get(0).hopTrace() == null) continue;
            if (best == null || (c.usable() && !best.usable())
                    || c.usable() == best.usable() && Math.abs(c.temperatureK() - 363) < Math.abs(best.temperatureK() - 363)) best = c;
        }
        if (best == null) return;
        RunResult.HopTrace h = best.runs().get(0).hopTrace();
        List<XYChart> panels = new ArrayList<>();
        XYChart na = ChartStyle.xy(900, 300, "Na displacement from its start site, " + legend(best), "t − t_hop (ps)", "displacement (Å)");
        XYSeries s = na.addSeries("hopping Na", h.tPs(), h.naDisplacementA());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(java.awt.Color.BLACK);
        s.setLineWidth(2.5f);
        niceTimeAxis(na, h.tPs()[0], h.tPs()[h.tPs().length - 1]);
        panels.add(na);
        for (Map.Entry<String, List<double[]>> e : h.anionAngleDeg().entrySet()) {
            XYChart a = ChartStyle.xy(900, 300, "Neighbour " + e.getKey() + " angular displacement", "t − t_hop (ps)", "angle (°)");
            int k = 0;
            for (double[] y : e.getValue()) {
                XYSeries line = a.addSeries(e.getKey() + " " + (k + 1), h.tPs(), y);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(ChartStyle.colour(k++));
            }
            niceTimeAxis(a, h.tPs()[0], h.tPs()[h.tPs().length - 1]);
            a.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
            panels.add(a);
        }
        Plots.savePngAndSvg(na, dir.resolve("fig4_hop"));
        Panels.save(panels, 1, dir.resolve("fig4"));
        written.add(new Figure("fig4", "Figure 4 analogue: one Na hop and its neighbour anions (" + legend(best) + ")",
                "(A) Displacement of the hopping Na from its start site; (B, C) angular displacement of each neighbouring anion"
                + " (centre within 4 Å of the hop path) around the same hop, t = 0 at the midpoint of the hop. The paper's"
                + " Figure 4 shows the amide turning in concert with the hop; the excess rotation over random times, with its"
                + " error, is in the coupling figure and the synchrony evidence." + (best.usable() ? "" : " This condition did not stay"
                + " a crystal (no usable condition had a hop trace).")));
    }

    /** Legend text: "x=0.5, 500 K" (+ frozen species, + "not a crystal"). */
    static String legend(ConditionResult c) {
        return String.format(Locale.ROOT, "x=%s, %.0f K%s%s", trim(c.x()), c.temperatureK(),
                c.frozen() == Frozen.NONE ? "" : ", " + c.frozen().cliName() + " frozen", c.usable() ? "" : " (not a crystal)");
    }

    static String trim(double x) { return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x); }

    /** At most {@link #CURVE_POINTS} points, evenly strided, the last one kept. */
    static double[][] thin(double[] t, double[] y) {
        int stride = Math.max(1, (int) Math.ceil(t.length / (double) CURVE_POINTS));
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < t.length; i += stride) pts.add(new double[] {t[i], y[i]});
        if ((t.length - 1) % stride != 0) pts.add(new double[] {t[t.length - 1], y[y.length - 1]});
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) { out[0][i] = pts.get(i)[0]; out[1][i] = pts.get(i)[1]; }
        return out;
    }

    /** Time axis from lo to hi rounded out to a 0.5 ps (or 1, 2, 5 ps) grid, labels with at most one decimal. */
    static void niceTimeAxis(XYChart ch, double lo, double hi) {
        if (!(hi > lo)) return;
        double step = hi - lo <= 5 ? 0.5 : hi - lo <= 12 ? 1 : hi - lo <= 25 ? 2 : 5;
        ch.getStyler().setXAxisMin(Math.floor(lo / step) * step).setXAxisMax(Math.ceil(hi / step - 1e-9) * step)
                .setXAxisDecimalPattern("0.#");
    }
}
