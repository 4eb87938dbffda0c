package org.mrpilot.mapping;

/**
 * Least-squares fit of one voxel, which is the maximum-likelihood estimate under Gaussian noise:
 * Levenberg–Marquardt with multiplicative damping on the diagonal of J^T J.
 */
final class LevenbergMarquardt {
    private static final int MAX_ITERATIONS = 40;
    private static final double STEP_TOLERANCE = 1e-5; // relative change of every parameter, far below the noise

    private final SignalModel model;
    private final double[] times;

    LevenbergMarquardt(SignalModel model, double[] timesS) {
        this.model = model;
        this.times = timesS.clone();
    }

    /** Refines {@code p} in place and returns the final sum of squared residuals. */
    double fit(double[] p, double[] signal) {
        return fit(p, signal, -1);
    }

    /** As {@link #fit(double[], double[])} with parameter {@code frozen} (an index, or -1 for none) held fixed. */
    double fit(double[] p, double[] signal, int frozen) {
        int q = model.parameters();
        double[] grad = new double[q];
        double[][] jtj = new double[q][q];
        double[] jtr = new double[q];
        double[] trial = new double[q];
        double lambda = 1e-3;
        double cost = cost(p, signal);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            for (double[] row : jtj) java.util.Arrays.fill(row, 0);
            java.util.Arrays.fill(jtr, 0);
            for (int n = 0; n < times.length; n++) {
                double r = signal[n] - model.value(p, times[n]);
                model.gradient(p, times[n], grad);
                if (frozen >= 0) grad[frozen] = 0; // a zero column gives a zero step for that parameter
                for (int i = 0; i < q; i++) {
                    jtr[i] += grad[i] * r;
                    for (int j = 0; j <= i; j++) jtj[i][j] += grad[i] * grad[j];
                }
            }
            boolean improved = false;
            while (lambda < 1e10) {
                if (solveDamped(jtj, jtr, lambda, trial)) {
                    for (int i = 0; i < q; i++) trial[i] += p[i];
                    model.clamp(trial);
                    double trialCost = cost(trial, signal);
                    if (trialCost <= cost) {
                        boolean converged = true;
                        for (int i = 0; i < q; i++) converged &= Math.abs(trial[i] - p[i]) <= STEP_TOLERANCE * Math.max(Math.abs(p[i]), 1e-3);
                        System.arraycopy(trial, 0, p, 0, q);
                        cost = trialCost;
                        lambda = Math.max(lambda / 3, 1e-9);
                        improved = !converged;
                        break;
                    }
                }
                lambda *= 4;
            }
            if (!improved) break;
        }
        return cost;
    }

    private double cost(double[] p, double[] signal) {
        double s = 0;
        for (int n = 0; n < times.length; n++) {
            double r = signal[n] - model.value(p, times[n]);
            s += r * r;
        }
        return s;
    }

    /** Solves (J^T J + lambda diag(J^T J)) delta = J^T r by Cholesky; false when not positive definite. */
    private static boolean solveDamped(double[][] jtj, double[] jtr, double lambda, double[] delta) {
        int q = jtr.length;
        double[][] l = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j <= i; j++) {
                double s = jtj[i][j] + (i == j ? lambda * Math.max(jtj[i][i], 1e-12) : 0);
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (!(s > 0)) return false;
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] y = new double[q];
        for (int i = 0; i < q; i++) {
            double s = jtr[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
            y[i] = s / l[i][i];
        }
        for (int i = q - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < q; k++) s -= l[k][i] * delta[k];
            delta[i] = s / l[i][i];
        }
        return true;
    }
}
