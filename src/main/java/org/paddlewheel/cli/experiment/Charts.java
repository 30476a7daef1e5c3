package org.paddlewheel.cli.experiment;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Small XChart helpers shared by the experiment commands: one look for scatter data and fit lines. */
final class Charts {
    private Charts() {}

    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart c = org.paddlewheel.report.ChartStyle.xy(800, 600, title, xTitle, yTitle);
        c.getStyler().setLegendVisible(true);
        return c;
    }

    static void points(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }

    static void line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
    }
}
