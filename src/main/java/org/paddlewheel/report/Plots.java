package org.paddlewheel.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.paddlewheel.io.AtomicFile;

/**
 * Saves XChart charts as PNG and SVG side by side ({@code base.png}, {@code base.svg}), each
 * written atomically, in the house look ({@link ChartStyle#look}). Every plot in paddlewheel goes through
 * here so figures look alike.
 */
public final class Plots {
    private Plots() {}

    /** Writes {@code base}.png and {@code base}.svg; {@code base} has no extension. */
    public static void savePngAndSvg(Chart<?, ?> chart, Path base) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (chart.getStyler() instanceof org.knowm.xchart.style.AxesChartStyler a) ChartStyle.look(a);
        Path dir = base.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        String name = base.getFileName().toString();
        AtomicFile.writeBytes(base.resolveSibling(name + ".png"),
                out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        AtomicFile.writeBytes(base.resolveSibling(name + ".svg"),
                out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    }
}
