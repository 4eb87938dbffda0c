package org.mrpilot.planning;

import java.util.Comparator;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;

/**
 * Discrete motion ghosts: copies of the head displaced along one image axis, as periodic motion during phase encoding
 * makes them (spaced by the field of view over the motion's period in phase lines). Found by correlating each slice's
 * derivative along an axis with itself shifted along that axis (circularly, as ghosts wrap): a clean head's derivative
 * decorrelates within a few millimetres, and where it comes back at large shifts the head's outline has edges of the
 * opposite sign (top against bottom), so only a displaced copy correlates positively far away.
 */
final class GhostReplicas {
    /** Shorter shifts are anatomy (sulci, ventricles); ghosts of motion periods up to 16 phase lines are farther apart. */
    static final double MIN_SHIFT_FRACTION = 1.0 / 16;
    /** Slices are averaged down to at most this many pixels along an axis first: speed, and less noise in the derivative. */
    static final int MAX_PIXELS = 64;

    /** The strongest replica of one slice: its normalised correlation, how far it is displaced (mm) and along which axis. */
    record Replica(double correlation, double shiftMm, boolean alongColumns) {
        String describe() {
            return String.format("copies of the head %.0f mm apart along the image %s", shiftMm, alongColumns ? "columns" : "rows");
        }
    }

    private GhostReplicas() {
    }

    /** Per orientation ({@link Orientations#group}), the slice with the median strongest-replica correlation; the worst of those. */
    static Replica worst(List<List<ImageSlice>> planes) {
        Replica worst = new Replica(0, 0, true);
        for (List<ImageSlice> plane : planes) {
            List<Replica> r = plane.stream().map(GhostReplicas::strongest).sorted(Comparator.comparingDouble(Replica::correlation)).toList();
            Replica median = r.get(r.size() / 2);
            if (median.correlation() > worst.correlation()) worst = median;
        }
        return worst;
    }

    static Replica strongest(ImageSlice slice) {
        int factor = Math.max(1, (Math.max(slice.rows(), slice.columns()) + MAX_PIXELS - 1) / MAX_PIXELS);
        int rows = slice.rows() / factor, columns = slice.columns() / factor;
        double[] image = new double[rows * columns];
        for (int r = 0; r < rows * factor; r++) {
            for (int c = 0; c < columns * factor; c++) image[(r / factor) * columns + c / factor] += slice.pixel(c, r);
        }
        Peak alongColumns = strongest(image, rows, columns, true), alongRows = strongest(image, rows, columns, false);
        return alongColumns.correlation() >= alongRows.correlation()
                ? new Replica(alongColumns.correlation(), alongColumns.shiftPixels() * factor * slice.rowSpacingMm(), true)
                : new Replica(alongRows.correlation(), alongRows.shiftPixels() * factor * slice.columnSpacingMm(), false);
    }

    private record Peak(double correlation, int shiftPixels) {
    }

    /** Shifts along the column direction move down the rows (r -> r + d); along rows, across the columns. */
    private static Peak strongest(double[] image, int rows, int columns, boolean alongColumns) {
        int n = alongColumns ? rows : columns, lines = alongColumns ? columns : rows;
        double[] derivative = new double[rows * columns];
        double energy = 0;
        for (int line = 0; line < lines; line++) {
            for (int k = 0; k < n; k++) {
                double d = value(image, columns, alongColumns, line, (k + 1) % n) - value(image, columns, alongColumns, line, k);
                derivative[line * n + k] = d;
                energy += d * d;
            }
        }
        Peak best = new Peak(0, 0);
        if (!(energy > 0)) return best;
        for (int shift = (int) Math.ceil(MIN_SHIFT_FRACTION * n); shift <= n / 2; shift++) {
            double sum = 0;
            for (int line = 0; line < lines; line++) {
                int base = line * n;
                for (int k = 0; k < n; k++) sum += derivative[base + k] * derivative[base + (k + shift) % n];
            }
            if (sum / energy > best.correlation()) best = new Peak(sum / energy, shift);
        }
        return best;
    }

    private static double value(double[] image, int columns, boolean alongColumns, int line, int k) {
        return alongColumns ? image[k * columns + line] : image[line * columns + k];
    }
}
