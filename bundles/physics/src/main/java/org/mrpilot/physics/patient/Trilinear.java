package org.mrpilot.physics.patient;

/** Trilinear interpolation in a volume stored i fastest; zero outside. */
final class Trilinear {
    /** Value of the voxel with a linear index. */
    interface Voxels {
        double at(int index);
    }

    private Trilinear() {
    }

    static float sample(Voxels volume, int nx, int ny, int nz, double x, double y, double z) {
        if (!(x > -1 && y > -1 && z > -1 && x < nx && y < ny && z < nz)) return 0;
        int i = (int) Math.floor(x), j = (int) Math.floor(y), k = (int) Math.floor(z);
        double fx = x - i, fy = y - j, fz = z - k;
        if (i >= 0 && j >= 0 && k >= 0 && i + 1 < nx && j + 1 < ny && k + 1 < nz) { // all eight corners inside: no checks
            int a = i + nx * (j + ny * k), sy = nx, sz = nx * ny;
            double v000 = volume.at(a), v100 = volume.at(a + 1), v010 = volume.at(a + sy), v110 = volume.at(a + sy + 1);
            double v001 = volume.at(a + sz), v101 = volume.at(a + sz + 1), v011 = volume.at(a + sy + sz), v111 = volume.at(a + sy + sz + 1);
            double c00 = v000 + fx * (v100 - v000), c10 = v010 + fx * (v110 - v010);
            double c01 = v001 + fx * (v101 - v001), c11 = v011 + fx * (v111 - v011);
            double c0 = c00 + fy * (c10 - c00), c1 = c01 + fy * (c11 - c01);
            return (float) (c0 + fz * (c1 - c0));
        }
        double sum = 0;
        for (int c = 0; c < 8; c++) {
            int ii = i + (c & 1), jj = j + ((c >> 1) & 1), kk = k + (c >> 2);
            if (ii < 0 || jj < 0 || kk < 0 || ii >= nx || jj >= ny || kk >= nz) continue;
            double w = ((c & 1) == 0 ? 1 - fx : fx) * (((c >> 1) & 1) == 0 ? 1 - fy : fy) * ((c >> 2) == 0 ? 1 - fz : fz);
            sum += w * volume.at(ii + nx * (jj + ny * kk));
        }
        return (float) sum;
    }
}
