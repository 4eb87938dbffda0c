package org.mrpilot.api.geometry;

/** Checks shared by the geometry records. */
final class Geometry {
    /** Direction cosines from DICOM files carry ~1e-6 rounding; anything worse is a wrong geometry. */
    static final double TOLERANCE = 1e-4;

    private Geometry() {
    }

    static void requireOrthonormal(Vec3 a, Vec3 b) {
        if (Math.abs(a.norm() - 1) > TOLERANCE || Math.abs(b.norm() - 1) > TOLERANCE) {
            throw new IllegalArgumentException("direction vectors must be unit length: " + a + ", " + b);
        }
        if (Math.abs(a.dot(b)) > TOLERANCE) throw new IllegalArgumentException("direction vectors must be orthogonal: " + a + ", " + b);
    }
}
