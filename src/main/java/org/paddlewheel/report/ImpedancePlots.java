package org.paddlewheel.report;

import org.paddlewheel.experiment.impedance.Spectrum;
import org.paddlewheel.experiment.impedance.LinearKramersKronig;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.analysis.Arrhenius;

/**
 * Figures of the impedance analysis, saved as PNG + SVG through {@link Plots}: the Nyquist plot
 * (Z' against −Z'' in Ω, equal scales not enforced), the Bode plot (log₁₀|Z| and −phase in degrees
 * against log frequency), the lin-KK residuals (Δ', Δ'' in % of |Z| against frequency) and the
 * Arrhenius plot of σ(T) (log₁₀ σ in S/cm against 1000/T in K⁻¹) with its fitted line.
 */
public final class ImpedancePlots {
    private ImpedancePlots() {}

    /** Nyquist plot of data and (optionally) a fitted model; {@code base} has no extension. */
    public static void nyquist(Spectrum data, Spectrum model, Path base) throws IOException {
        XYChart c = styled(new XYChartBuilder().width(800).height(640).title("Nyquist: " + data.source())
                .xAxisTitle("Z' (ohm)").yAxisTitle("-Z'' (ohm)").build());
        double[] mim = negate(data.zImagOhm());
        c.addSeries("data", data.zRealOhm(), mim).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        if (model != null) c.addSeries("fit", model.zRealOhm(), negate(model.zImagOhm())).setMarker(SeriesMarkers.NONE);
        Plots.savePngAndSvg(c, base);
    }

    /** Bode plot: log10 |Z| (left axis) and −phase in degrees (right axis) against frequency. */
    public static void bode(Spectrum data, Spectrum model, Path base) throws IOException {
        XYChart c = styled(new XYChartBuilder().width(800).height(600).title("Bode: " + data.source())
                .xAxisTitle("frequency (Hz)").yAxisTitle("log10 |Z| (ohm)").build());
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.setYAxisGroupTitle(1, "-phase (deg)");
        c.addSeries("log10|Z| data", data.frequencyHz(), logMod(data)).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        XYSeries ph = c.addSeries("-phase data", data.frequencyHz(), phase(data));
        ph.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        ph.setYAxisGroup(1);
        if (model != null) {
            c.addSeries("log10|Z| fit", model.frequencyHz(), logMod(model)).setMarker(SeriesMarkers.NONE);
            XYSeries pm = c.addSeries("-phase fit", model.frequencyHz(), phase(model));
            pm.setMarker(SeriesMarkers.NONE);
            pm.setYAxisGroup(1);
        }
        Plots.savePngAndSvg(c, base);
    }

    /** lin-KK residuals in % of |Z| against frequency. */
    public static void kkResiduals(Spectrum data, LinearKramersKronig.Result r, Path base) throws IOException {
        XYChart c = styled(new XYChartBuilder().width(800).height(500)
                .title(String.format("lin-KK: %s (M = %d, mu = %.3f, %s)", data.source(), r.m(), r.mu(), r.pass() ? "pass" : "FAIL"))
                .xAxisTitle("frequency (Hz)").yAxisTitle("residual (% of |Z|)").build());
        c.getStyler().setXAxisLogarithmic(true);
        c.addSeries("real", data.frequencyHz(), percent(r.residualReal()));
        c.addSeries("imag", data.frequencyHz(), percent(r.residualImag()));
        Plots.savePngAndSvg(c, base);
    }

    /** Arrhenius plot of σ (S/cm) against 1000/T with the PLAIN-form fit line. */
    public static void arrhenius(double[] temperatureK, double[] sigma, Arrhenius.Result fit, Path base) throws IOException {
        int n = temperatureK.length;
        double[] x = new double[n], y = new double[n], yf = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1000 / temperatureK[i];
            y[i] = Math.log10(sigma[i]);
            yf[i] = Math.log10(fit.predict(temperatureK[i]));
        }
        XYChart c = styled(new XYChartBuilder().width(800).height(600)
                .title(String.format("Arrhenius: Ea = %.3f +- %.3f eV", fit.activationEnergyEv(), fit.activationEnergyErrorEv()))
                .xAxisTitle("1000/T (1/K)").yAxisTitle("log10 sigma (S/cm)").build());
        c.addSeries("data", x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.addSeries("fit", x, yf).setMarker(SeriesMarkers.NONE);
        Plots.savePngAndSvg(c, base);
    }

    private static double[] negate(double[] a) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) b[i] = -a[i];
        return b;
    }

    private static double[] logMod(Spectrum s) {
        double[] y = new double[s.size()];
        for (int i = 0; i < y.length; i++) y[i] = Math.log10(s.modulus(i));
        return y;
    }

    private static double[] phase(Spectrum s) {
        double[] y = new double[s.size()];
        for (int i = 0; i < y.length; i++) y[i] = -Math.toDegrees(Math.atan2(s.im(i), s.re(i)));
        return y;
    }

    private static double[] percent(double[] a) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) b[i] = 100 * a[i];
        return b;
    }

    private static XYChart styled(XYChart c) {
        ChartStyle.apply(c.getStyler());
        return c;
    }
}
