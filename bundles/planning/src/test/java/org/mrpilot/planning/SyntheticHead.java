package org.mrpilot.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/**
 * An analytic head-like object for geometry tests: soft ellipsoids (a skull-like shell, a brain, ventricles, eyes,
 * a nose) placed mirror-symmetrically about x = 0 in object coordinates, but not symmetric front-back or up-down;
 * posed by a rotation (x, then y, then z) and a translation, and imaged as a three-plane localizer with thick
 * slabs, optional Rayleigh noise and a multiplicative bias field.
 */
final class SyntheticHead {
    /** centre (object mm), semi-axes (mm), intensity added inside */
    private record Blob(Vec3 centre, Vec3 axes, double value) {
    }

    private final List<Blob> blobs = new ArrayList<>();
    private final double[] r;
    private final Vec3 translation;

    /**
     * @param asymmetry 0 for a mirror-symmetric object; 1 moves every paired part 15 mm apart front-back and adds a
     *                  bright lesion filling most of the left hemisphere
     */
    SyntheticHead(double rxDeg, double ryDeg, double rzDeg, Vec3 translation, double asymmetry) {
        this.translation = translation;
        this.r = rotation(rxDeg, ryDeg, rzDeg);
        blobs.add(new Blob(new Vec3(0, 10, 5), new Vec3(72, 95, 70), 0.6)); // scalp and skull
        blobs.add(new Blob(new Vec3(0, 12, 12), new Vec3(64, 84, 60), 0.4)); // brain
        blobs.add(new Blob(new Vec3(0, 60, -35), new Vec3(45, 28, 20), 0.2)); // cerebellum
        double shift = 15 * asymmetry;
        for (int side = -1; side <= 1; side += 2) {
            double dy = side * shift / 2;
            blobs.add(new Blob(new Vec3(side * 12, 5 + dy, 15), new Vec3(6, 26, 9), -0.7)); // lateral ventricles
            blobs.add(new Blob(new Vec3(side * 32, -62 + dy, -36), new Vec3(12, 12, 12), 0.5)); // eyes
            blobs.add(new Blob(new Vec3(side * 35, 20 - dy, 30), new Vec3(14, 20, 12), -0.25)); // darker cortex patches
        }
        blobs.add(new Blob(new Vec3(0, -90, -40), new Vec3(10, 14, 22), 0.7)); // nose
        blobs.add(new Blob(new Vec3(35, 0, 20), new Vec3(30, 40, 35), 1.5 * asymmetry)); // a one-sided lesion
        blobs.add(new Blob(new Vec3(0, 20, -60), new Vec3(20, 20, 50), 0.5)); // neck
    }

    /** The mirror plane in scanner coordinates. */
    Plane midSagittal() {
        return new Plane(translation, rotate(Vec3.L));
    }

    double value(Vec3 scanner) {
        Vec3 d = scanner.minus(translation);
        // object = R^T d
        Vec3 o = new Vec3(r[0] * d.x() + r[3] * d.y() + r[6] * d.z(), r[1] * d.x() + r[4] * d.y() + r[7] * d.z(), r[2] * d.x() + r[5] * d.y() + r[8] * d.z());
        double v = 0;
        for (Blob b : blobs) {
            double u = sq((o.x() - b.centre.x()) / b.axes.x()) + sq((o.y() - b.centre.y()) / b.axes.y()) + sq((o.z() - b.centre.z()) / b.axes.z());
            // a 2-3 mm soft edge, like a partial-volume boundary
            v += b.value / (1 + Math.exp((Math.sqrt(u) - 1) * 30));
        }
        return Math.max(0, v);
    }

    /**
     * A localizer of {@code perPlane} slices per orientation (axial, coronal, sagittal), {@code thicknessMm} slabs
     * 10 mm apart, 128 pixels of 2 mm, centred at {@code centre}; noise sigma relative to the brightest tissue.
     */
    List<ImageSlice> localizer(int perPlane, double thicknessMm, Vec3 centre, double noiseSigma, double biasPerMm, long seed) {
        Random random = new Random(seed);
        Vec3[][] axes = {{Vec3.L, Vec3.P}, {Vec3.L, Vec3.S.times(-1)}, {Vec3.P, Vec3.S.times(-1)}};
        List<ImageSlice> slices = new ArrayList<>();
        int n = 128;
        double spacing = 2;
        for (Vec3[] a : axes) {
            Vec3 normal = a[0].cross(a[1]);
            for (int k = 0; k < perPlane; k++) {
                Vec3 c = centre.plus(normal.times(10 * (k - (perPlane - 1) / 2.0)));
                Vec3 position = c.minus(a[0].times(spacing * (n - 1) / 2.0)).minus(a[1].times(spacing * (n - 1) / 2.0));
                float[] pixels = new float[n * n];
                for (int row = 0; row < n; row++) {
                    for (int col = 0; col < n; col++) {
                        Vec3 p = position.plus(a[0].times(col * spacing)).plus(a[1].times(row * spacing));
                        double v = 0;
                        for (int t = -2; t <= 2; t++) v += value(p.plus(normal.times(t * thicknessMm / 5))) / 5;
                        v *= Math.exp(biasPerMm * (p.x() + 0.5 * p.y()));
                        pixels[row * n + col] = (float) Math.hypot(v + noiseSigma * random.nextGaussian(), noiseSigma * random.nextGaussian());
                    }
                }
                slices.add(new ImageSlice(n, n, pixels, position, a[0], a[1], spacing, spacing, thicknessMm, "1.2.3"));
            }
        }
        return slices;
    }

    Vec3 rotate(Vec3 v) {
        return new Vec3(r[0] * v.x() + r[1] * v.y() + r[2] * v.z(), r[3] * v.x() + r[4] * v.y() + r[5] * v.z(), r[6] * v.x() + r[7] * v.y() + r[8] * v.z());
    }

    private static double[] rotation(double ax, double ay, double az) {
        double a = Math.toRadians(ax), b = Math.toRadians(ay), c = Math.toRadians(az);
        double[] rx = {1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)};
        double[] ry = {Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b)};
        double[] rz = {Math.cos(c), -Math.sin(c), 0, Math.sin(c), Math.cos(c), 0, 0, 0, 1};
        return multiply(rz, multiply(ry, rx));
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) m[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
        return m;
    }

    private static double sq(double v) {
        return v * v;
    }
}
