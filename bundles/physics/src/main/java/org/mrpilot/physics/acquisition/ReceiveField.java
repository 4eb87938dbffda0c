package org.mrpilot.physics.acquisition;

import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.random.SeededRandom;

/**
 * Receive-coil sensitivity (the "bias field" of the images): a smooth positive gain over scanner coordinates,
 * exp(strength * (linear + quadratic terms over a 100 mm scale)) with seeded coefficients in [-1, 1].
 */
public final class ReceiveField {
    public static final ReceiveField UNIFORM = new ReceiveField(0, new double[7]);

    private final double strength;
    private final double[] c;

    private ReceiveField(double strength, double[] coefficients) {
        this.strength = strength;
        this.c = coefficients;
    }

    /** A seeded field; strength 0.3 gives gains of roughly 0.6 to 1.6 over a head. */
    public static ReceiveField random(long seed, double strength) {
        if (!(strength >= 0 && strength <= 2)) throw new IllegalArgumentException("bias field strength must be in [0, 2], got " + strength);
        SeededRandom r = SeededRandom.derive(seed, "receive field");
        double[] c = new double[7];
        for (int i = 0; i < c.length; i++) c[i] = r.uniform(-1, 1);
        return new ReceiveField(strength, c);
    }

    public double gain(Vec3 pMm) {
        if (strength == 0) return 1;
        double x = pMm.x() / 100, y = pMm.y() / 100, z = pMm.z() / 100;
        return Math.exp(strength * (c[0] * x + c[1] * y + c[2] * z + c[3] * x * x + c[4] * y * y + c[5] * z * z + c[6] * x * y));
    }
}
