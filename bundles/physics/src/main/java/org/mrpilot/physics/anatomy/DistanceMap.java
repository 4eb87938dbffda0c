package org.mrpilot.physics.anatomy;

/**
 * Chamfer distance transform on a 3D grid of 1 mm voxels: two raster passes over the 26-neighbourhood with
 * weights 1, sqrt 2, sqrt 3, within a few percent of the Euclidean distance, in linear time.
 */
final class DistanceMap {
    private DistanceMap() {
    }

    /** Distance (voxels) from every voxel to the nearest voxel where {@code target} is true (0 there). */
    static float[] to(boolean[] target, int nx, int ny, int nz) {
        float[] d = new float[target.length];
        for (int i = 0; i < d.length; i++) d[i] = target[i] ? 0 : Float.MAX_VALUE / 2;
        pass(d, nx, ny, nz, true);
        pass(d, nx, ny, nz, false);
        return d;
    }

    private static void pass(float[] d, int nx, int ny, int nz, boolean forward) {
        int step = forward ? 1 : -1;
        int k0 = forward ? 0 : nz - 1, j0 = forward ? 0 : ny - 1, i0 = forward ? 0 : nx - 1;
        for (int k = k0; k >= 0 && k < nz; k += step) {
            for (int j = j0; j >= 0 && j < ny; j += step) {
                for (int i = i0; i >= 0 && i < nx; i += step) {
                    int index = i + nx * (j + ny * k);
                    float best = d[index];
                    // the 13 neighbours already visited in this pass direction
                    for (int dk = -1; dk <= 0; dk++) {
                        for (int dj = -1; dj <= 1; dj++) {
                            for (int di = -1; di <= 1; di++) {
                                if (dk == 0 && (dj > 0 || (dj == 0 && di >= 0))) continue;
                                int ii = i + step * di, jj = j + step * dj, kk = k + step * dk;
                                if (ii < 0 || jj < 0 || kk < 0 || ii >= nx || jj >= ny || kk >= nz) continue;
                                int order = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
                                float w = order == 1 ? 1f : order == 2 ? 1.4142135f : 1.7320508f;
                                best = Math.min(best, d[ii + nx * (jj + ny * kk)] + w);
                            }
                        }
                    }
                    d[index] = best;
                }
            }
        }
    }
}
