package org.mrpilot.mapping;

import org.mrpilot.api.mapping.RelaxometryKind;

/**
 * Initial values for the fit (seed 001, section 4.4.1): every candidate (B, T) on a grid gives a signal shape
 * g_n, A follows in closed form as the least-squares amplitude, and the candidate with the smallest residual wins.
 * Shapes are computed once per schedule so a voxel costs only dot products.
 */
final class GridSearch {
    private static final int RELAXATION_STEPS = 72;
    private static final double[] INVERSION_EFFICIENCIES = {1.4, 1.55, 1.7, 1.8, 1.9, 2.0};

    private final RelaxometryKind kind;
    private final double[][] candidates; // per candidate: (B, T) or (T)
    private final double[][] shapes;     // per candidate: g_n
    private final double[] shapeNorms;   // per candidate: sum g_n^2

    GridSearch(RelaxometryKind kind, double[] timesS) {
        this.kind = kind;
        double[] relaxation = logSpaced(kind == RelaxometryKind.T1 ? 0.05 : 0.005, kind == RelaxometryKind.T1 ? 8 : 5);
        double[] efficiencies = kind == RelaxometryKind.T1 ? INVERSION_EFFICIENCIES : new double[] {0};
        int count = relaxation.length * efficiencies.length;
        candidates = new double[count][];
        shapes = new double[count][timesS.length];
        shapeNorms = new double[count];
        int c = 0;
        for (double b : efficiencies) {
            for (double t : relaxation) {
                candidates[c] = kind == RelaxometryKind.T1 ? new double[] {b, t} : new double[] {t};
                for (int n = 0; n < timesS.length; n++) {
                    double e = Math.exp(-timesS[n] / t);
                    shapes[c][n] = kind == RelaxometryKind.T1 ? Math.abs(1 - b * e) : e;
                    shapeNorms[c] += shapes[c][n] * shapes[c][n];
                }
                c++;
            }
        }
    }

    private static double[] logSpaced(double from, double to) {
        double[] v = new double[RELAXATION_STEPS];
        for (int i = 0; i < v.length; i++) v[i] = from * Math.pow(to / from, i / (double) (v.length - 1));
        return v;
    }

    /** The best grid point for one voxel's signal, as a full parameter vector. */
    double[] initial(double[] signal) {
        return initial(signal, Double.NaN);
    }

    /** As {@link #initial(double[])}, searching only the grid B nearest to {@code inversion} (NaN = all B). */
    double[] initial(double[] signal, double inversion) {
        double nearestB = Double.NaN;
        if (!Double.isNaN(inversion)) {
            nearestB = INVERSION_EFFICIENCIES[0];
            for (double b : INVERSION_EFFICIENCIES) if (Math.abs(b - inversion) < Math.abs(nearestB - inversion)) nearestB = b;
        }
        double best = Double.POSITIVE_INFINITY;
        int bestIndex = 0;
        double bestAmplitude = 0;
        for (int c = 0; c < shapes.length; c++) {
            if (!Double.isNaN(nearestB) && candidates[c][0] != nearestB) continue;
            double dot = 0;
            double[] g = shapes[c];
            for (int n = 0; n < g.length; n++) dot += g[n] * signal[n];
            double amplitude = Math.max(dot / shapeNorms[c], 0);
            double explained = amplitude * (2 * dot - amplitude * shapeNorms[c]); // ||S||^2 - residual
            if (-explained < best) {
                best = -explained;
                bestIndex = c;
                bestAmplitude = amplitude;
            }
        }
        double[] cand = candidates[bestIndex];
        return kind == RelaxometryKind.T1 ? new double[] {bestAmplitude, cand[0], cand[1]} : new double[] {bestAmplitude, cand[0]};
    }
}
