package org.mrpilot.planning;

import org.mrpilot.api.geometry.Vec3;

/** A plane through {@code pointMm} with unit {@code normal} (LPS). */
public record Plane(Vec3 pointMm, Vec3 normal) {
    public Plane {
        normal = normal.normalized();
    }

    public double signedDistanceMm(Vec3 p) {
        return p.minus(pointMm).dot(normal);
    }

    public Vec3 project(Vec3 p) {
        return p.minus(normal.times(signedDistanceMm(p)));
    }
}
