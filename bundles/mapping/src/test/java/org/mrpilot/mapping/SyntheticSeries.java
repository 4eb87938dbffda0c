package org.mrpilot.mapping;

import java.util.Random;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.api.mapping.WeightedSeries;

/** Test series from the closed-form equations: one (A, B, T) per pixel, optional Gaussian noise. */
final class SyntheticSeries {
    static final double[] TI_31 = {0.139, 0.166, 0.193, 0.219, 0.246, 0.272, 0.299, 0.325, 0.352, 0.379, 0.405, 0.432, 0.458,
            0.485, 0.511, 0.538, 0.565, 0.591, 0.618, 0.644, 0.671, 0.697, 0.724, 0.751, 0.777, 0.804, 0.838, 0.857, 0.883, 0.915, 0.937};
    static final double[] TE_6 = {0.01, 0.02, 0.04, 0.08, 0.16, 0.32};

    private SyntheticSeries() {
    }

    static WeightedSeries of(RelaxometryKind kind, double[] times, int columns, int rows, double[] a, double[] b, double[] t,
                             double sigma, long seed) {
        Random random = new Random(seed);
        SignalModel model = SignalModel.of(kind);
        float[][] images = new float[times.length][columns * rows];
        for (int i = 0; i < columns * rows; i++) {
            double[] p = kind == RelaxometryKind.T1 ? new double[] {a[i], b[i], t[i]} : new double[] {a[i], t[i]};
            for (int n = 0; n < times.length; n++) {
                images[n][i] = (float) (model.value(p, times[n]) + sigma * random.nextGaussian());
            }
        }
        return new WeightedSeries(kind, times, columns, rows, images);
    }

    static double[] constant(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
