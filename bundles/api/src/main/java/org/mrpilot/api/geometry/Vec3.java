package org.mrpilot.api.geometry;

/** A vector in patient LPS coordinates; positions are in millimetres, directions are unit-free. */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);
    public static final Vec3 L = new Vec3(1, 0, 0);
    public static final Vec3 P = new Vec3(0, 1, 0);
    public static final Vec3 S = new Vec3(0, 0, 1);

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    public Vec3 normalized() {
        double n = norm();
        if (!(n > 0)) throw new IllegalArgumentException("cannot normalise a zero vector");
        return times(1 / n);
    }

    /** Angle to {@code o} in degrees. */
    public double angleDeg(Vec3 o) {
        return Math.toDegrees(Math.atan2(cross(o).norm(), dot(o)));
    }

    /** Angle between the lines along this and {@code o} in degrees (0-90): for plane normals, whose sign is arbitrary. */
    public double axisAngleDeg(Vec3 o) {
        double angle = angleDeg(o);
        return Math.min(angle, 180 - angle);
    }

    public double[] toArray() {
        return new double[] {x, y, z};
    }
}
