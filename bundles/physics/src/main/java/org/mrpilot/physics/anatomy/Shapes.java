package org.mrpilot.physics.anatomy;

/** Approximate signed distances (mm, negative inside) of the primitive shapes the procedural head is made of. */
final class Shapes {
    private Shapes() {
    }

    /**
     * Ellipsoid with centre c and semi-axes (a, b, c): first-order distance (r - 1) / |grad r| of the
     * normalised radius r, exact on the surface and good to a few percent within a centimetre of it.
     */
    static double ellipsoid(double x, double y, double z, double cx, double cy, double cz, double a, double b, double c) {
        double u = (x - cx) / a, v = (y - cy) / b, w = (z - cz) / c;
        double r = Math.sqrt(u * u + v * v + w * w);
        if (r < 1e-9) return -Math.min(a, Math.min(b, c));
        double gu = u / a, gv = v / b, gw = w / c;
        double grad = Math.sqrt(gu * gu + gv * gv + gw * gw) / r;
        return (r - 1) / grad;
    }

    /** Capsule: distance to segment p-q minus radius. */
    static double capsule(double x, double y, double z, double px, double py, double pz, double qx, double qy, double qz, double radius) {
        double dx = qx - px, dy = qy - py, dz = qz - pz;
        double t = ((x - px) * dx + (y - py) * dy + (z - pz) * dz) / (dx * dx + dy * dy + dz * dz);
        t = Math.max(0, Math.min(1, t));
        double ex = x - px - t * dx, ey = y - py - t * dy, ez = z - pz - t * dz;
        return Math.sqrt(ex * ex + ey * ey + ez * ez) - radius;
    }

    /** Smooth union of two distances with blend width k (mm): rounded joints instead of creases. */
    static double smoothMin(double a, double b, double k) {
        double h = Math.max(k - Math.abs(a - b), 0) / k;
        return Math.min(a, b) - h * h * k * 0.25;
    }

    static double lerp(double a, double b, double t) {
        return a + (b - a) * Math.max(0, Math.min(1, t));
    }
}
