package org.mrpilot.physics.io;

import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;

/**
 * A NIfTI-1 image in memory: dimensions (3 or 4; i fastest), voxel values as float (scaling applied), and the
 * voxel-to-world affine as NIfTI defines it (RAS+ mm, row-major 3x4: x = a[0]*i + a[1]*j + a[2]*k + a[3], ...).
 */
public record NiftiImage(int[] dims, float[] data, double[] affineRas, String description) {
    public NiftiImage {
        if (dims.length < 3 || dims.length > 4) throw new IllegalArgumentException("NIfTI image must be 3D or 4D, got " + dims.length + "D");
        long n = 1;
        for (int d : dims) {
            if (d <= 0) throw new IllegalArgumentException("NIfTI dimensions must be positive");
            n *= d;
        }
        if (n != data.length) throw new IllegalArgumentException("voxel count " + data.length + " does not match dimensions (" + n + ")");
        if (affineRas.length != 12) throw new IllegalArgumentException("affine needs 12 values (3 rows of 4)");
        dims = dims.clone();
        affineRas = affineRas.clone();
    }

    /** The NIfTI affine (RAS) of a volume in our LPS convention: RAS = diag(-1, -1, 1) LPS. */
    public static double[] affineOf(Volume v) {
        double[] s = v.spacingMm();
        Vec3[] axes = {v.iDirection().times(s[0]), v.jDirection().times(s[1]), v.kDirection().times(s[2])};
        double[] a = new double[12];
        double[] sign = {-1, -1, 1};
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) a[4 * row + col] = sign[row] * axes[col].toArray()[row];
            a[4 * row + 3] = sign[row] * v.originMm().toArray()[row];
        }
        return a;
    }

    public static NiftiImage of(Volume v, String description) {
        return new NiftiImage(new int[] {v.nx(), v.ny(), v.nz()}, v.voxels(), affineOf(v), description);
    }

    /** This image (3D) as a {@link Volume} in LPS; refuses sheared or non-orthogonal affines. */
    public Volume toVolume(String frameOfReferenceUid) {
        if (dims.length != 3) throw new IllegalArgumentException("a volume needs a 3D image, this one is 4D");
        double[] sign = {-1, -1, 1};
        Vec3[] axes = new Vec3[3];
        double[] spacing = new double[3];
        for (int col = 0; col < 3; col++) {
            Vec3 axis = new Vec3(sign[0] * affineRas[col], sign[1] * affineRas[4 + col], sign[2] * affineRas[8 + col]);
            spacing[col] = axis.norm();
            axes[col] = axis.normalized();
        }
        Vec3 origin = new Vec3(sign[0] * affineRas[3], sign[1] * affineRas[7], sign[2] * affineRas[11]);
        return new Volume(dims[0], dims[1], dims[2], data, origin, axes[0], axes[1], axes[2], spacing, frameOfReferenceUid);
    }
}
