package org.mrpilot.physics.anatomy;

import static org.mrpilot.physics.anatomy.Shapes.capsule;

import java.io.IOException;
import java.nio.file.Path;
import org.mrpilot.physics.io.NiftiImage;
import org.mrpilot.physics.io.NiftiReader;

/**
 * The brain of the ICBM152 2009a symmetric template (the grey/white matter probability maps and the skull-stripped
 * T1 template that nilearn ships). Labels: inside the template's brain (T1 above zero) white or grey matter where
 * their probabilities add to at least one half (the larger wins), CSF elsewhere. The template ends 68 mm below
 * AC, in the medulla; a procedural spinal cord continues it.
 * <p>Canonical head coordinates are MNI coordinates turned to LPS and shifted so AC is at the origin.
 */
final class Icbm152Brain implements Brain {
    /**
     * AC and PC in MNI (RAS) mm, read off these templates at x = 0: AC where the white-matter map peaks in the
     * commissure's cross-section in front of the fornix (probability 0.73); PC at the back of the third ventricle
     * over the aqueduct, where the T1 template shows the commissure as a bright dot (too thin for the white-matter
     * map, which is under 0.2 there). AC-PC distance 27.1 mm, PC 2 mm above AC (MNI space is slightly nose-down).
     */
    static final double[] AC_MNI = {0, 3, -4}, PC_MNI = {0, -24, -2};
    private static final byte CSF = Label.CSF.code, GM = Label.GREY_MATTER.code, WM = Label.WHITE_MATTER.code;

    private final int nx, ny, nz;
    private final double[] originRas;
    private final byte[] labels;
    private final float[] distance;
    private final double[] cordTop;

    Icbm152Brain(Icbm152Templates.TemplateFiles files) throws IOException {
        NiftiImage t1 = NiftiReader.read(files.t1()), gm = NiftiReader.read(files.gm()), wm = NiftiReader.read(files.wm());
        requireSameGrid(t1, gm, files.gm());
        requireSameGrid(t1, wm, files.wm());
        double[] a = t1.affineRas();
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                if (Math.abs(a[4 * row + col] - (row == col ? 1 : 0)) > 1e-3) {
                    throw new IOException(files.t1() + ": expected a 1 mm RAS-aligned template grid");
                }
            }
        }
        nx = t1.dims()[0];
        ny = t1.dims()[1];
        nz = t1.dims()[2];
        originRas = new double[] {a[3], a[7], a[11]};
        int n = nx * ny * nz;
        labels = new byte[n];
        boolean[] inside = new boolean[n], outside = new boolean[n];
        float maxProbability = Math.max(max(gm.data()), max(wm.data()));
        for (int i = 0; i < n; i++) {
            inside[i] = t1.data()[i] > 0;
            outside[i] = !inside[i];
            if (!inside[i]) continue;
            float g = gm.data()[i] / maxProbability, w = wm.data()[i] / maxProbability;
            labels[i] = g + w < 0.5f ? CSF : w > g ? WM : GM;
        }
        float[] toBrain = DistanceMap.to(inside, nx, ny, nz), toOutside = DistanceMap.to(outside, nx, ny, nz);
        distance = new float[n];
        for (int i = 0; i < n; i++) distance[i] = inside[i] ? -toOutside[i] : toBrain[i];
        cordTop = lowestSliceCentre(inside);
    }

    private static float max(float[] values) {
        float m = 0;
        for (float v : values) m = Math.max(m, v);
        if (m <= 0) throw new IllegalArgumentException("probability map is empty");
        return m;
    }

    private static void requireSameGrid(NiftiImage reference, NiftiImage other, Path file) throws IOException {
        if (!java.util.Arrays.equals(reference.dims(), other.dims()) || !java.util.Arrays.equals(reference.affineRas(), other.affineRas())) {
            throw new IOException(file + ": not on the same grid as the T1 template");
        }
    }

    /** Centre of the brain in the template's lowest slice (the cut medulla), canonical coordinates. */
    private double[] lowestSliceCentre(boolean[] inside) {
        double si = 0, sj = 0;
        int count = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                if (inside[i + nx * j]) {
                    si += i;
                    sj += j;
                    count++;
                }
            }
        }
        if (count == 0) throw new IllegalStateException("the template's lowest slice holds no brain");
        return canonical(si / count + originRas[0], sj / count + originRas[1], originRas[2]);
    }

    /** Canonical (LPS, AC at the origin) coordinates of an MNI point. */
    static double[] canonical(double xRas, double yRas, double zRas) {
        return new double[] {-(xRas - AC_MNI[0]), -(yRas - AC_MNI[1]), zRas - AC_MNI[2]};
    }

    private int voxel(double u, double v, double w) {
        int i = (int) Math.round(AC_MNI[0] - u - originRas[0]);
        int j = (int) Math.round(AC_MNI[1] - v - originRas[1]);
        int k = (int) Math.round(AC_MNI[2] + w - originRas[2]);
        if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) return -1;
        return i + nx * (j + ny * k);
    }

    @Override
    public double distance(double u, double v, double w) {
        int index = voxel(u, v, w);
        double grid = index < 0 ? Double.MAX_VALUE : distance[index];
        double cord = capsule(u, v, w, cordTop[0], cordTop[1], cordTop[2] + 5, cordTop[0], cordTop[1] + 8, cordTop[2] - 90, 6);
        return Math.min(grid, cord);
    }

    @Override
    public byte label(double u, double v, double w) {
        int index = voxel(u, v, w);
        return index >= 0 && labels[index] != 0 ? labels[index] : WM; // below the template: the spinal cord
    }
}
