package org.paddlewheel.report;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.study.ReferenceMeltingPoint;

/**
 * The free energy of melting per atom, ΔG_m(T) = ΔH_m (1 − T/T_m) + δ (meV/atom against K), of the model (δ = 0) and of
 * the reference to first and second order ({@link ReferenceMeltingPoint}): each line crosses zero at its melting point,
 * which a reader sees at once, with the model's bracket and the measured melting point marked on the axis.
 */
public final class ReferenceMeltingFigure {
    private ReferenceMeltingFigure() {}

    /** Writes base.png and base.svg; measuredK (NaN for none) is drawn as a vertical line. */
    public static void write(ReferenceMeltingPoint.Result r, double measuredK, Path base) throws IOException {
        double tm = r.modelMeltingK(), dh = 1e3 * r.latentHeatEvPerAtom();
        double hi = tm;
        for (double t : new double[] {r.referenceMeltingK(), r.referenceSecondOrderK(), r.referenceBracketK()[1], measuredK}) {
            if (Double.isFinite(t)) hi = Math.max(hi, t);
        }
        double lo = Math.max(0, 0.5 * Math.min(tm, Double.isFinite(measuredK) ? measuredK : tm)), top = hi * 1.15;
        int n = 60;
        double[] t = new double[n];
        for (int k = 0; k < n; k++) t[k] = lo + (top - lo) * k / (n - 1);
        XYChart ch = ChartStyle.xy(800, 520, "Free energy of melting: model and reference (PBE) by perturbation",
                "temperature (K)", "ΔG_m = G_liquid − G_crystal (meV/atom)");
        line(ch, "model (T_m " + Math.round(tm) + " K)", t, tm, dh, 0, 0, false);
        line(ch, "reference, 1st order (" + kelvin(r.referenceMeltingK()) + ")", t, tm, dh, 1e3 * r.firstOrderEvPerAtom(), 1, false);
        if (Double.isFinite(r.secondOrderEvPerAtom())) {
            line(ch, "reference, 2nd order (" + kelvin(r.referenceSecondOrderK()) + ")", t, tm, dh, 1e3 * r.secondOrderEvPerAtom(), 2, true);
        }
        XYSeries zero = ch.addSeries("ΔG_m = 0", new double[] {lo, top}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(java.awt.Color.GRAY);
        if (Double.isFinite(measuredK)) {
            XYSeries m = ch.addSeries("measured T_m (" + Math.round(measuredK) + " K)", new double[] {measuredK, measuredK},
                    new double[] {-dh, dh});
            m.setMarker(SeriesMarkers.NONE);
            m.setLineColor(ChartStyle.colour(3));
            m.setLineStyle(ChartStyle.DASHED);
        }
        ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        Plots.savePngAndSvg(ch, base);
    }

    private static void line(XYChart ch, String name, double[] t, double tm, double dhMeV, double shiftMeV, int colour, boolean dashed) {
        double[] g = new double[t.length];
        for (int k = 0; k < t.length; k++) g[k] = dhMeV * (1 - t[k] / tm) + shiftMeV;
        XYSeries s = ch.addSeries(name, t, g);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(ChartStyle.colour(colour));
        if (dashed) s.setLineStyle(ChartStyle.DASHED);
    }

    private static String kelvin(double k) {
        return Double.isFinite(k) ? "T_m " + Math.round(k) + " K" : "no T_m";
    }
}
