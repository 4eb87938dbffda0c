package org.mrpilot.planning;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/**
 * Removes the receive-coil shading common to all localizer slices: a quadratic in scanner coordinates fitted by least
 * squares to the log intensity of the head's pixels, divided out of every pixel. The coil's gain is smooth over a
 * head, so a quadratic takes most of it; the anatomy's own large-scale trend goes too, but what is left is what a
 * mirror comparison needs: a gain that differs between the left and the right half no longer reads as asymmetry.
 * Outside the head the correction is held within the range it takes on the head (a quadratic extrapolates wildly
 * and would turn the air's noise into bright structure).
 */
final class BiasFlattening {
    /** Polynomial terms: 1, x, y, z, x^2, y^2, z^2, xy, xz, yz (coordinates in units of {@link #SCALE_MM} from the centre). */
    private static final int TERMS = 10;
    private static final double SCALE_MM = 100;
    /** Pixels used for the fit per slice, at most (spread evenly). */
    private static final int SAMPLES_PER_SLICE = 2000;

    private BiasFlattening() {
    }

    /** The slices with the fitted shading divided out; unchanged if the fit is singular (too few head pixels). */
    static List<ImageSlice> flatten(List<ImageSlice> slices, double foreground) {
        Vec3 centre = LocalizerResampler.centre(slices);
        double[][] normal = new double[TERMS][TERMS];
        double[] rhs = new double[TERMS];
        double[] t = new double[TERMS];
        int used = 0;
        for (ImageSlice s : slices) {
            int step = Math.max(1, s.columns() * s.rows() / SAMPLES_PER_SLICE);
            for (int k = 0; k < s.columns() * s.rows(); k += step) {
                float v = s.pixels()[k];
                if (!(v > foreground)) continue;
                terms(s.pixelToPatient(k % s.columns(), k / s.columns()), centre, t);
                double y = Math.log(v);
                for (int a = 0; a < TERMS; a++) {
                    rhs[a] += t[a] * y;
                    for (int b = 0; b < TERMS; b++) normal[a][b] += t[a] * t[b];
                }
                used++;
            }
        }
        if (used < 10 * TERMS) return slices;
        double[] c = solve(normal, rhs);
        if (c == null) return slices;
        c[0] = 0; // keep the overall level
        // beyond the head a quadratic runs away: hold the correction to the range it takes where it was fitted
        double lowest = Double.POSITIVE_INFINITY, highest = Double.NEGATIVE_INFINITY;
        for (ImageSlice s : slices) {
            for (int k = 0; k < s.columns() * s.rows(); k++) {
                if (!(s.pixels()[k] > foreground)) continue;
                double log = logGain(s, k, centre, c, t);
                lowest = Math.min(lowest, log);
                highest = Math.max(highest, log);
            }
        }
        List<ImageSlice> out = new ArrayList<>();
        for (ImageSlice s : slices) {
            float[] p = new float[s.pixels().length];
            for (int k = 0; k < p.length; k++) p[k] = (float) (s.pixels()[k] / Math.exp(Math.max(lowest, Math.min(highest, logGain(s, k, centre, c, t)))));
            out.add(new ImageSlice(s.columns(), s.rows(), p, s.positionMm(), s.rowDirection(), s.columnDirection(), s.rowSpacingMm(), s.columnSpacingMm(),
                    s.thicknessMm(), s.frameOfReferenceUid()));
        }
        return out;
    }

    private static double logGain(ImageSlice s, int pixel, Vec3 centre, double[] c, double[] t) {
        terms(s.pixelToPatient(pixel % s.columns(), pixel / s.columns()), centre, t);
        double log = 0;
        for (int a = 0; a < TERMS; a++) log += c[a] * t[a];
        return log;
    }

    private static void terms(Vec3 p, Vec3 centre, double[] t) {
        double x = (p.x() - centre.x()) / SCALE_MM, y = (p.y() - centre.y()) / SCALE_MM, z = (p.z() - centre.z()) / SCALE_MM;
        t[0] = 1;
        t[1] = x;
        t[2] = y;
        t[3] = z;
        t[4] = x * x;
        t[5] = y * y;
        t[6] = z * z;
        t[7] = x * y;
        t[8] = x * z;
        t[9] = y * z;
    }

    /** Gaussian elimination with partial pivoting; null if singular. */
    static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = matrix[i].clone();
        double[] b = rhs.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            if (!(Math.abs(a[pivot][col]) > 1e-12 * Math.max(1, Math.abs(a[0][0])))) return null;
            double[] row = a[col];
            a[col] = a[pivot];
            a[pivot] = row;
            double tb = b[col];
            b[col] = b[pivot];
            b[pivot] = tb;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int k = col; k < n; k++) a[r][k] -= f * a[col][k];
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= a[r][k] * x[k];
            x[r] = s / a[r][r];
        }
        return x;
    }
}
