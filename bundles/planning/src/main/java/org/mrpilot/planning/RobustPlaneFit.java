package org.mrpilot.planning;

import java.util.Arrays;
import java.util.List;
import org.mrpilot.api.geometry.Vec3;

/**
 * Least-squares plane through weighted points (total least squares: normal = smallest principal axis), made robust
 * by iteratively reweighting with Tukey's biweight on the point-to-plane distances: one misplaced landmark among
 * several is down-weighted to nothing instead of tilting the plane.
 */
public final class RobustPlaneFit {
    private static final int ITERATIONS = 10;
    /** Tukey's constant for 95 % efficiency, in units of the robust scale. */
    static final double TUKEY_C = 4.685;
    /** Distances below this are treated as exact (landmark predictions are not better than ~0.5 mm). */
    private static final double MIN_SCALE_MM = 0.5;

    private RobustPlaneFit() {
    }

    /** @param confidence prior weight per point (e.g. from the net), same length as points; null for equal weights */
    public static Plane fit(List<Vec3> points, double[] confidence) {
        if (points.size() < 3) throw new IllegalArgumentException("a plane needs at least 3 points, got " + points.size());
        double[] prior = confidence == null ? filled(points.size(), 1) : confidence.clone();
        if (prior.length != points.size()) throw new IllegalArgumentException("one confidence per point expected");
        double[] w = prior.clone();
        Plane plane = weighted(points, w);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] r = new double[points.size()];
            for (int i = 0; i < r.length; i++) r[i] = Math.abs(plane.signedDistanceMm(points.get(i)));
            double scale = Math.max(MIN_SCALE_MM, 1.4826 * median(r));
            for (int i = 0; i < r.length; i++) {
                double u = r[i] / (TUKEY_C * scale);
                w[i] = u >= 1 ? 0 : prior[i] * (1 - u * u) * (1 - u * u);
            }
            plane = weighted(points, w);
        }
        return plane;
    }

    static Plane weighted(List<Vec3> points, double[] w) {
        double total = 0;
        Vec3 mean = Vec3.ZERO;
        for (int i = 0; i < w.length; i++) {
            total += w[i];
            mean = mean.plus(points.get(i).times(w[i]));
        }
        if (!(total > 0)) throw new IllegalArgumentException("plane fit has no point with positive weight");
        mean = mean.times(1 / total);
        double[][] scatter = new double[3][3];
        for (int i = 0; i < w.length; i++) {
            double[] d = points.get(i).minus(mean).toArray();
            for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) scatter[a][b] += w[i] * d[a] * d[b];
        }
        SymmetricEigen eigen = new SymmetricEigen(scatter);
        return new Plane(mean, new Vec3(eigen.vectors[0][0], eigen.vectors[1][0], eigen.vectors[2][0]));
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
