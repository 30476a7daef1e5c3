package org.paddlewheel.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of the experiment commands (Arrhenius, BPP, vacancy model, powder patterns) in the house
 * {@link ChartStyle}: scatter data with distinct markers and fit/model lines without markers.
 */
public final class ExperimentCharts {
    private ExperimentCharts() {}

    /** A styled 800×600 chart. */
    public static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart c = ChartStyle.xy(800, 600, title, xTitle, yTitle);
        c.getStyler().setLegendVisible(true);
        return c;
    }

    /** Data as markers. */
    public static void points(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }

    /** A fit or model as a line. */
    public static void line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
    }
}
