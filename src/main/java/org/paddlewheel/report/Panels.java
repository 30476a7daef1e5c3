package org.paddlewheel.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.paddlewheel.io.AtomicFile;

/**
 * Lays several charts out as one multi-panel figure (the paper's Figure 3 is A–F in two rows of
 * three): a PNG drawn from the panels' bitmaps and an SVG nesting the panels' own SVGs, each panel
 * labelled with a bold letter in its top-left corner. All panels are drawn at their own size; a
 * row is as tall as its tallest panel.
 */
public final class Panels {
    private Panels() {}

    /** Writes {@code base}.png and {@code base}.svg with the charts in rows of {@code columns}; null charts leave a blank cell. */
    public static void save(List<? extends Chart<?, ?>> charts, int columns, Path base) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int rows = (charts.size() + columns - 1) / columns;
        int cw = 0, ch = 0;
        for (Chart<?, ?> c : charts) if (c != null) { cw = Math.max(cw, c.getWidth()); ch = Math.max(ch, c.getHeight()); }
        BufferedImage img = new BufferedImage(cw * columns, ch * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        StringBuilder svg = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(cw * columns).append("\" height=\"").append(ch * rows).append("\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int i = 0; i < charts.size(); i++) {
            Chart<?, ?> c = charts.get(i);
            int x = (i % columns) * cw, y = (i / columns) * ch;
            String letter = String.valueOf((char) ('A' + i));
            if (c != null) {
                g.drawImage(BitmapEncoder.getBufferedImage(c), x, y, null);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                VectorGraphicsEncoder.saveVectorGraphic(c, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                String s = out.toString(StandardCharsets.UTF_8);
                int start = s.indexOf("<svg");
                svg.append("<g transform=\"translate(").append(x).append(',').append(y).append(")\">").append(s.substring(start))
                        .append("</g>\n");
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.drawString(letter, x + 8, y + 26);
            svg.append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 26)
                    .append("\" font-family=\"sans-serif\" font-weight=\"bold\" font-size=\"22\">").append(letter).append("</text>\n");
        }
        g.dispose();
        svg.append("</svg>\n");
        Path dir = base.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        String name = base.getFileName().toString();
        AtomicFile.writeBytes(base.resolveSibling(name + ".png"), o -> ImageIO.write(img, "png", o));
        AtomicFile.writeText(base.resolveSibling(name + ".svg"), w -> w.write(svg.toString()));
    }
}
