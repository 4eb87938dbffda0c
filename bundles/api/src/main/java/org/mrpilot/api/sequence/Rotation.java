package org.mrpilot.api.sequence;

/** A unit quaternion for the ROTATIONS extension: physical gradients = R(q) * [gx gy gz]. */
public record Rotation(double q0, double qx, double qy, double qz) {
    public Rotation {
        double n = Math.sqrt(q0 * q0 + qx * qx + qy * qy + qz * qz);
        if (Math.abs(n - 1) > 1e-6) throw new IllegalArgumentException("rotation quaternion must have unit length, has " + n);
    }
}
