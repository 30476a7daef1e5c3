package org.paddlewheel.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one chart style of every paddlewheel figure (study, analyze, impedance, experiment plots):
 * white background, no title box, thin dark axes, light grid, the Okabe–Ito colour-blind-safe
 * palette (Okabe &amp; Ito 2008, "Color Universal Design") with a distinct marker per series, so a
 * figure reads in greyscale and for every common colour-vision deficiency.
 */
public final class ChartStyle {
    /** Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. */
    public static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};
    /** Markers in the order series receive them. */
    public static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.OVAL, SeriesMarkers.RECTANGLE};
    /** Dashed stroke for fits and model lines. */
    public static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private ChartStyle() {}

    /** Colour of series {@code i}. */
    public static Color colour(int i) { return PALETTE[Math.floorMod(i, PALETTE.length)]; }

    /** Marker of series {@code i}. */
    public static Marker marker(int i) { return MARKERS[Math.floorMod(i, MARKERS.length)]; }

    /** A styled XY chart of {@code width}×{@code height} pixels. */
    public static XYChart xy(int width, int height, String title, String xTitle, String yTitle) {
        XYChart ch = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        apply(ch.getStyler());
        ch.getStyler().setMarkerSize(7);
        return ch;
    }

    /**
     * The look every saved chart gets ({@link Plots} calls it): white background, thin dark plot
     * border, light grid, no title box, anti-aliasing, error bars in the series colour. Leaves the
     * legend, markers and colours as the chart set them.
     */
    public static void look(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x333333));
        s.setPlotGridLinesColor(new Color(0xE5E5E5));
        s.setChartTitleBoxVisible(false);
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setLegendBackgroundColor(Color.WHITE);
        s.setAntiAlias(true);
        s.setErrorBarsColorSeriesColor(true);
    }

    /** Applies the full house style (look, fonts, Okabe–Ito colours, markers, legend inside top right) to a new chart. */
    public static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x333333));
        s.setPlotBorderVisible(true);
        s.setPlotGridLinesColor(new Color(0xE5E5E5));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setSeriesColors(PALETTE);
        s.setSeriesMarkers(MARKERS);
        s.setAntiAlias(true);
        s.setErrorBarsColorSeriesColor(true);
        s.setChartPadding(8);
    }
}
