package org.mrpilot.physics.patient;

import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.random.SeededRandom;

/**
 * Placement of a head in the scanner: {@code scanner = R (head - centre) + translation}, R a rotation about the
 * LPS axes (x, then y, then z). The centre is the head's rotation point (roughly the middle of the brain), so
 * the translation says where that point ends up relative to the isocentre.
 */
public final class RigidPose {
    public static final double MAX_ROTATION_DEG = 25;
    public static final double MAX_TRANSLATION_MM = 25;
    /** Middle of the brain in head coordinates (AC at the origin), about which a head turns. */
    public static final Vec3 HEAD_CENTRE = new Vec3(0, 15, 10);

    private final double[] angleDeg;
    private final Vec3 translationMm;
    private final double[] r = new double[9];

    public RigidPose(double rotationXDeg, double rotationYDeg, double rotationZDeg, Vec3 translationMm) {
        angleDeg = new double[] {rotationXDeg, rotationYDeg, rotationZDeg};
        this.translationMm = translationMm;
        double a = Math.toRadians(rotationXDeg), b = Math.toRadians(rotationYDeg), c = Math.toRadians(rotationZDeg);
        double[] rx = {1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)};
        double[] ry = {Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b)};
        double[] rz = {Math.cos(c), -Math.sin(c), 0, Math.sin(c), Math.cos(c), 0, 0, 0, 1};
        System.arraycopy(multiply(rz, multiply(ry, rx)), 0, r, 0, 9);
    }

    public static RigidPose identity() {
        return new RigidPose(0, 0, 0, Vec3.ZERO);
    }

    /** A seeded pose: each rotation uniform in +-25 degrees, each translation uniform in +-25 mm. */
    public static RigidPose random(long seed) {
        SeededRandom random = SeededRandom.derive(seed, "pose");
        double ax = random.uniform(-MAX_ROTATION_DEG, MAX_ROTATION_DEG);
        double ay = random.uniform(-MAX_ROTATION_DEG, MAX_ROTATION_DEG);
        double az = random.uniform(-MAX_ROTATION_DEG, MAX_ROTATION_DEG);
        Vec3 t = new Vec3(random.uniform(-MAX_TRANSLATION_MM, MAX_TRANSLATION_MM), random.uniform(-MAX_TRANSLATION_MM, MAX_TRANSLATION_MM),
                random.uniform(-MAX_TRANSLATION_MM, MAX_TRANSLATION_MM));
        return new RigidPose(ax, ay, az, t);
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) m[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
        }
        return m;
    }

    public double[] anglesDeg() {
        return angleDeg.clone();
    }

    public Vec3 translationMm() {
        return translationMm;
    }

    /** Head coordinates to scanner (patient LPS) coordinates. */
    public Vec3 toScanner(Vec3 head) {
        return rotate(head.minus(HEAD_CENTRE)).plus(translationMm);
    }

    public Vec3 rotate(Vec3 d) {
        return new Vec3(r[0] * d.x() + r[1] * d.y() + r[2] * d.z(), r[3] * d.x() + r[4] * d.y() + r[5] * d.z(),
                r[6] * d.x() + r[7] * d.y() + r[8] * d.z());
    }

    /** Inverse rotation (R transposed). */
    public Vec3 rotateBack(Vec3 d) {
        return new Vec3(r[0] * d.x() + r[3] * d.y() + r[6] * d.z(), r[1] * d.x() + r[4] * d.y() + r[7] * d.z(),
                r[2] * d.x() + r[5] * d.y() + r[8] * d.z());
    }

    /** Scanner coordinates to head coordinates. */
    public Vec3 toHead(Vec3 scanner) {
        return rotateBack(scanner.minus(translationMm)).plus(HEAD_CENTRE);
    }
}
