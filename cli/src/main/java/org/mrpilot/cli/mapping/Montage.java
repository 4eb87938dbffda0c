package org.mrpilot.cli.mapping;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/** A PNG of several maps side by side, each windowed from 0 to its 99th percentile inside the mask. */
public final class Montage {
    private static final int LABEL = 16;

    private Montage() {
    }

    public record Panel(String title, float[] values) {
    }

    public static void write(Path file, int columns, int rows, boolean[] mask, List<Panel> panels) throws IOException {
        BufferedImage img = new BufferedImage(columns * panels.size(), rows + LABEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            double high = upperWindow(panel.values(), mask);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    int i = r * columns + c;
                    int grey = mask[i] ? (int) Math.round(255 * Math.min(Math.max(panel.values()[i] / high, 0), 1)) : 0;
                    img.setRGB(p * columns + c, LABEL + r, grey * 0x010101);
                }
            }
            g.drawString(String.format(java.util.Locale.ROOT, "%s 0..%.3g", panel.title(), high), p * columns + 3, LABEL - 4);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static double upperWindow(float[] values, boolean[] mask) {
        float[] inside = new float[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) if (mask[i] && Float.isFinite(values[i])) inside[n++] = values[i];
        if (n == 0) return 1;
        float[] sorted = Arrays.copyOf(inside, n);
        Arrays.sort(sorted);
        double high = sorted[(int) Math.floor(0.99 * (n - 1))];
        return high > 0 ? high : 1;
    }
}
