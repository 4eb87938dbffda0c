package org.mrpilot.physics.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.mrpilot.api.geometry.ImageSlice;

/**
 * A PNG montage: one row per series, one tile per image, displayed as a DICOM viewer does (first pixel top left).
 * Each row is windowed from zero to its 99.5th percentile so a few bright pixels do not darken the rest.
 */
public final class Montage {
    private Montage() {
    }

    public static void write(List<List<ImageSlice>> rows, Path file) throws IOException {
        int tileW = 0, tileH = 0, columns = 0;
        for (List<ImageSlice> row : rows) {
            columns = Math.max(columns, row.size());
            for (ImageSlice s : row) {
                tileW = Math.max(tileW, s.columns());
                tileH = Math.max(tileH, s.rows());
            }
        }
        if (columns == 0) throw new IllegalArgumentException("nothing to draw");
        BufferedImage image = new BufferedImage(columns * tileW, rows.size() * tileH, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < rows.size(); r++) {
            double white = percentile(rows.get(r), 0.995);
            for (int t = 0; t < rows.get(r).size(); t++) {
                ImageSlice s = rows.get(r).get(t);
                for (int y = 0; y < s.rows(); y++) {
                    for (int x = 0; x < s.columns(); x++) {
                        int g = (int) Math.round(255 * Math.min(1, Math.max(0, s.pixel(x, y) / white)));
                        image.getRaster().setSample(t * tileW + x, r * tileH + y, 0, g);
                    }
                }
            }
        }
        if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer available");
    }

    private static double percentile(List<ImageSlice> slices, double q) {
        int n = slices.stream().mapToInt(s -> s.pixels().length).sum();
        float[] all = new float[n];
        int at = 0;
        for (ImageSlice s : slices) {
            System.arraycopy(s.pixels(), 0, all, at, s.pixels().length);
            at += s.pixels().length;
        }
        Arrays.sort(all);
        double v = all[Math.min(n - 1, (int) (q * n))];
        return v > 0 ? v : 1;
    }
}
