package org.mrpilot.cli;

import java.util.Arrays;
import java.util.List;

/** Order statistics the benchmarks report (medians of repeated runs, quantiles of per-pixel figures). */
public final class Statistics {
    private Statistics() {
    }

    /** The median; NaN for no values. */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    public static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Linear-interpolated quantile {@code q} in [0, 1]; NaN for no values. */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) return Double.NaN;
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
