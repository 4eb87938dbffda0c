package org.mrpilot.api.geometry;

/**
 * A 3D image with an exact voxel-to-patient mapping: voxel (i, j, k) sits at
 * {@code originMm + i*spacingMm[0]*iDirection + j*spacingMm[1]*jDirection + k*spacingMm[2]*kDirection}.
 * Voxels are stored with i fastest: {@code index = i + nx * (j + ny * k)}.
 */
public record Volume(int nx, int ny, int nz, float[] voxels, Vec3 originMm, Vec3 iDirection, Vec3 jDirection, Vec3 kDirection,
                     double[] spacingMm, String frameOfReferenceUid) {

    public Volume {
        if (nx <= 0 || ny <= 0 || nz <= 0) throw new IllegalArgumentException("volume dimensions must be positive");
        if (voxels.length != (long) nx * ny * nz) throw new IllegalArgumentException("voxel count " + voxels.length + " != " + nx + "*" + ny + "*" + nz);
        if (spacingMm.length != 3 || !(spacingMm[0] > 0 && spacingMm[1] > 0 && spacingMm[2] > 0)) {
            throw new IllegalArgumentException("spacing must be three positive values");
        }
        spacingMm = spacingMm.clone();
        Geometry.requireOrthonormal(iDirection, jDirection);
        Geometry.requireOrthonormal(iDirection, kDirection);
        Geometry.requireOrthonormal(jDirection, kDirection);
    }

    @Override
    public double[] spacingMm() {
        return spacingMm.clone();
    }

    public int index(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    public float voxel(int i, int j, int k) {
        return voxels[index(i, j, k)];
    }

    public Vec3 voxelToPatient(double i, double j, double k) {
        return originMm.plus(iDirection.times(i * spacingMm[0])).plus(jDirection.times(j * spacingMm[1])).plus(kDirection.times(k * spacingMm[2]));
    }

    /** Continuous voxel coordinates of a patient point (inverse of {@link #voxelToPatient}). */
    public double[] patientToVoxel(Vec3 pMm) {
        Vec3 d = pMm.minus(originMm);
        return new double[] {d.dot(iDirection) / spacingMm[0], d.dot(jDirection) / spacingMm[1], d.dot(kDirection) / spacingMm[2]};
    }
}
