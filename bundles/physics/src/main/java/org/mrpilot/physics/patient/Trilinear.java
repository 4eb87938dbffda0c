package org.mrpilot.physics.patient;

/** Trilinear interpolation in a float volume stored i fastest; zero outside. */
final class Trilinear {
    private Trilinear() {
    }

    static float sample(float[] volume, int nx, int ny, int nz, double x, double y, double z) {
        if (!(x > -1 && y > -1 && z > -1 && x < nx && y < ny && z < nz)) return 0;
        int i = (int) Math.floor(x), j = (int) Math.floor(y), k = (int) Math.floor(z);
        double fx = x - i, fy = y - j, fz = z - k;
        double sum = 0;
        for (int c = 0; c < 8; c++) {
            int ii = i + (c & 1), jj = j + ((c >> 1) & 1), kk = k + (c >> 2);
            if (ii < 0 || jj < 0 || kk < 0 || ii >= nx || jj >= ny || kk >= nz) continue;
            double w = ((c & 1) == 0 ? 1 - fx : fx) * (((c >> 1) & 1) == 0 ? 1 - fy : fy) * ((c >> 2) == 0 ? 1 - fz : fz);
            sum += w * volume[ii + nx * (jj + ny * kk)];
        }
        return (float) sum;
    }
}
