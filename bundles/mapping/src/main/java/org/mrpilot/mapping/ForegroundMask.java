package org.mrpilot.mapping;

import java.util.Arrays;
import org.mrpilot.api.mapping.WeightedSeries;

/** Pixels with signal: the per-pixel maximum over the series above a fraction of its 99th percentile. */
final class ForegroundMask {
    static final double FRACTION = 0.08;

    private ForegroundMask() {
    }

    static boolean[] of(WeightedSeries series) {
        float[] mip = maximumIntensity(series);
        double threshold = FRACTION * percentile(mip, 99);
        boolean[] mask = new boolean[mip.length];
        for (int i = 0; i < mip.length; i++) mask[i] = mip[i] > threshold;
        return mask;
    }

    static float[] maximumIntensity(WeightedSeries series) {
        float[] mip = series.image(0).clone();
        for (int n = 1; n < series.count(); n++) {
            float[] img = series.image(n);
            for (int i = 0; i < mip.length; i++) mip[i] = Math.max(mip[i], img[i]);
        }
        return mip;
    }

    /** Linear-interpolated percentile as numpy computes it by default. */
    static double percentile(float[] values, double pct) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = pct / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
