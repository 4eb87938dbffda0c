package org.mrpilot.cli.mapping;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Box plots (quartiles, median, 2.5-97.5 % whiskers) of per-pixel metrics, one group per SNR, one box per method. */
final class BoxPlot {
    private static final int WIDTH = 760, HEIGHT = 380, LEFT = 70, RIGHT = 20, TOP = 30, BOTTOM = 50;
    private static final Color[] COLOURS = {new Color(200, 40, 40), new Color(40, 80, 200)};

    record Group(String label, List<double[]> boxes) {
    }

    private BoxPlot() {
    }

    static void write(Path file, String title, List<String> methods, List<Group> groups) throws IOException {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Group g : groups) {
            for (double[] v : g.boxes()) {
                if (v.length == 0) continue;
                lo = Math.min(lo, PixelStatistics.quantile(v, 0.025));
                hi = Math.max(hi, PixelStatistics.quantile(v, 0.975));
            }
        }
        if (!(hi > lo)) {
            lo -= 1;
            hi += 1;
        }
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, LEFT, 18);
        int plotH = HEIGHT - TOP - BOTTOM, plotW = WIDTH - LEFT - RIGHT;
        final double min = lo, span = hi - lo;
        java.util.function.DoubleToIntFunction y = v -> TOP + (int) Math.round(plotH * (1 - (v - min) / span));
        for (int t = 0; t <= 4; t++) {
            double v = lo + span * t / 4;
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT, y.applyAsInt(v), WIDTH - RIGHT, y.applyAsInt(v));
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.3g", v), 5, y.applyAsInt(v) + 4);
        }
        if (lo < 0 && hi > 0) {
            g.setColor(Color.GRAY);
            g.drawLine(LEFT, y.applyAsInt(0), WIDTH - RIGHT, y.applyAsInt(0));
        }
        int groupW = plotW / Math.max(groups.size(), 1);
        int boxW = groupW / (methods.size() + 2);
        for (int gi = 0; gi < groups.size(); gi++) {
            Group grp = groups.get(gi);
            g.setColor(Color.BLACK);
            g.drawString(grp.label(), LEFT + gi * groupW + groupW / 2 - 15, HEIGHT - BOTTOM + 18);
            for (int m = 0; m < grp.boxes().size(); m++) {
                double[] v = grp.boxes().get(m);
                if (v.length == 0) continue;
                int x = LEFT + gi * groupW + (m + 1) * boxW;
                int q1 = y.applyAsInt(PixelStatistics.quantile(v, 0.25)), q3 = y.applyAsInt(PixelStatistics.quantile(v, 0.75));
                int med = y.applyAsInt(PixelStatistics.median(v));
                int w1 = y.applyAsInt(PixelStatistics.quantile(v, 0.025)), w2 = y.applyAsInt(PixelStatistics.quantile(v, 0.975));
                g.setColor(COLOURS[m % COLOURS.length]);
                g.setStroke(new BasicStroke(1.5f));
                g.drawLine(x + boxW / 2, w1, x + boxW / 2, q1);
                g.drawLine(x + boxW / 2, q3, x + boxW / 2, w2);
                g.drawRect(x + 2, Math.min(q1, q3), boxW - 4, Math.max(Math.abs(q1 - q3), 1));
                g.setStroke(new BasicStroke(2.5f));
                g.drawLine(x + 2, med, x + boxW - 2, med);
            }
        }
        for (int m = 0; m < methods.size(); m++) {
            g.setColor(COLOURS[m % COLOURS.length]);
            g.drawString(methods.get(m), WIDTH - RIGHT - 120 + m * 55, 18);
        }
        g.setColor(Color.BLACK);
        g.drawString("SNR", LEFT + plotW / 2, HEIGHT - 12);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
