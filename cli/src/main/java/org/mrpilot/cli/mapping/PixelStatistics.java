package org.mrpilot.cli.mapping;

import org.mrpilot.cli.Statistics;

import java.util.Arrays;

/**
 * Per-pixel running mean and variance of one estimated parameter over noise realisations, and the seed's
 * metrics (section 4.5): relative bias (mean - true) / true and CV = sd / mean, per pixel, inside a mask.
 */
final class PixelStatistics {
    private final double[] sum;
    private final double[] sumSquares;
    private int realisations;

    PixelStatistics(int pixels) {
        sum = new double[pixels];
        sumSquares = new double[pixels];
    }

    void add(float[] estimate) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += estimate[i];
            sumSquares[i] += (double) estimate[i] * estimate[i];
        }
        realisations++;
    }

    /** Relative bias of every pixel where {@code include} is true, in pixel order. */
    double[] relativeBias(float[] truth, boolean[] include) {
        double[] out = new double[count(include)];
        int k = 0;
        for (int i = 0; i < sum.length; i++) if (include[i]) out[k++] = (sum[i] / realisations - truth[i]) / truth[i];
        return out;
    }

    /** Coefficient of variation (sample sd over mean) of every included pixel. */
    double[] coefficientOfVariation(boolean[] include) {
        double[] out = new double[count(include)];
        int k = 0;
        for (int i = 0; i < sum.length; i++) {
            if (include[i]) out[k++] = Math.sqrt(variance(i)) / Math.abs(sum[i] / realisations);
        }
        return out;
    }

    /** Standard error of each included pixel's mean over the realisations, relative to its true value. */
    double[] relativeStandardErrorOfMean(float[] truth, boolean[] include) {
        double[] out = new double[count(include)];
        int k = 0;
        for (int i = 0; i < sum.length; i++) {
            if (include[i]) out[k++] = Math.sqrt(variance(i) / realisations) / Math.abs(truth[i]);
        }
        return out;
    }

    /** Sample variance of pixel i over the realisations. */
    private double variance(int i) {
        double mean = sum[i] / realisations;
        return Math.max(sumSquares[i] - realisations * mean * mean, 0) / Math.max(realisations - 1, 1);
    }

    private static int count(boolean[] include) {
        int n = 0;
        for (boolean b : include) if (b) n++;
        return n;
    }

    static double median(double[] values) {
        return Statistics.median(values);
    }

    static double medianAbs(double[] values) {
        return median(Arrays.stream(values).map(Math::abs).toArray());
    }

    static double quantile(double[] values, double q) {
        return Statistics.quantile(values, q);
    }
}
