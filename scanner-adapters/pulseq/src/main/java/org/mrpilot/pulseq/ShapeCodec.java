package org.mrpilot.pulseq;

import java.util.ArrayList;
import java.util.List;

/**
 * The Pulseq shape compression: first differences quantised to 1e-7 with error feedback (so the running sum tracks
 * the samples), then run-length coding where a run of n >= 2 equal values is written {@code v v n-2}. Short shapes
 * and shapes that would not get shorter are stored raw.
 */
final class ShapeCodec {
    private static final double QUANTUM = 1e-7;
    /** 4 s of RF on its 1 us raster, 40 s of gradient on 10 us: far beyond any real shape. */
    static final int MAX_SAMPLES = 1 << 22;
    /** All shapes of one file together (128 MB of samples). */
    static final long MAX_TOTAL_SAMPLES = 1L << 24;

    private ShapeCodec() {
    }

    /** The values to store for {@code samples}; their count equals the sample count when stored raw. */
    static double[] encode(double[] samples) {
        int n = samples.length;
        if (n <= 4) return samples.clone();
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) scaled[i] = samples[i] / QUANTUM;
        long[] steps = new long[n];
        double sum = 0;
        long previousCorrection = 0;
        for (int i = 0; i < n; i++) {
            double step = roundHalfAway(i == 0 ? scaled[0] : scaled[i] - scaled[i - 1]);
            sum += step;
            long correction = (long) roundHalfAway(scaled[i] - sum);
            // The error feedback adds the change of the rounded cumulative error, so the decoded sum tracks the samples.
            steps[i] = (long) step + (i == 0 ? 0 : correction - previousCorrection);
            previousCorrection = correction;
        }
        List<Double> out = new ArrayList<>();
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && steps[end + 1] == steps[start]) end++;
            int run = end - start + 1;
            double value = steps[start] * QUANTUM;
            out.add(value);
            if (run > 1) {
                out.add(value);
                out.add((double) (run - 2));
            }
            start = end + 1;
        }
        if (out.size() >= n) return samples.clone();
        double[] packed = new double[out.size()];
        for (int i = 0; i < packed.length; i++) packed[i] = out.get(i);
        return packed;
    }

    /**
     * Restores {@code numSamples} samples from stored values.
     *
     * @throws IllegalArgumentException naming the problem when the stored values do not decode to that count
     */
    static double[] decode(double[] stored, int numSamples) {
        if (stored.length == numSamples) return stored.clone();
        if (stored.length > numSamples) throw new IllegalArgumentException("has " + stored.length + " values for " + numSamples + " samples");
        long decoded = 0;
        for (int i = 0; i < stored.length; i++) {
            decoded += runAt(stored, i);
            if (isRun(stored, i)) i += 2;
        }
        // Counted before allocating, so a count the stored values do not back costs no memory.
        if (decoded != numSamples) throw new IllegalArgumentException("decodes to " + decoded + " samples, num_samples says " + numSamples);
        double[] diffs = new double[numSamples];
        int count = 0;
        for (int i = 0; i < stored.length; i++) {
            long repeat = runAt(stored, i);
            for (long r = 0; r < repeat; r++) diffs[count++] = stored[i];
            if (isRun(stored, i)) i += 2;
        }
        double sum = 0;
        for (int i = 0; i < numSamples; i++) {
            sum += diffs[i];
            diffs[i] = sum;
        }
        return diffs;
    }

    private static boolean isRun(double[] stored, int i) {
        return i + 2 < stored.length && stored[i + 1] == stored[i];
    }

    /** How many samples the value at {@code i} stands for: 1, or n + 2 when it starts a run {@code v v n}. */
    private static long runAt(double[] stored, int i) {
        if (!isRun(stored, i)) return 1;
        double c = stored[i + 2];
        if (c < 0 || c != Math.rint(c) || c > Integer.MAX_VALUE) throw new IllegalArgumentException("has an invalid run length " + c);
        return (long) c + 2;
    }

    /** MATLAB's round (half away from zero), which the reference writers use. */
    static double roundHalfAway(double x) {
        return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
    }
}
