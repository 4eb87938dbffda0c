package org.mrpilot.planning;

/** Eigen-decomposition of a symmetric 3x3 matrix by cyclic Jacobi rotations (exact to rounding, no dependency). */
final class SymmetricEigen {
    final double[] values = new double[3];
    /** Column k of {@code vectors} is the unit eigenvector of {@code values[k]}; values are sorted ascending. */
    final double[][] vectors = new double[3][3];

    SymmetricEigen(double[][] matrix) {
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            a[i] = matrix[i].clone();
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < 50 && offDiagonal(a) > 1e-30; sweep++) {
            for (int p = 0; p < 2; p++) for (int q = p + 1; q < 3; q++) rotate(a, p, q);
        }
        for (int i = 0; i < 3; i++) values[i] = a[i][i];
        sort();
    }

    private static double offDiagonal(double[][] a) {
        return a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
    }

    private void rotate(double[][] a, int p, int q) {
        if (a[p][q] == 0) return;
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) t = 1;
        double c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < 3; k++) {
            double akp = a[k][p], akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < 3; k++) {
            double apk = a[p][k], aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < 3; k++) {
            double vkp = vectors[k][p], vkq = vectors[k][q];
            vectors[k][p] = c * vkp - s * vkq;
            vectors[k][q] = s * vkp + c * vkq;
        }
    }

    private void sort() {
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                if (values[j] < values[i]) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    for (int k = 0; k < 3; k++) {
                        double v = vectors[k][i];
                        vectors[k][i] = vectors[k][j];
                        vectors[k][j] = v;
                    }
                }
            }
        }
    }
}
