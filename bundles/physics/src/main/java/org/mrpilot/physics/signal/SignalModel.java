package org.mrpilot.physics.signal;

/**
 * Closed-form steady-state magnitude of one weighted image for a voxel's tissue parameters (times in seconds,
 * pd = A relative to CSF, b = inversion efficiency in [1, 2]).
 */
public sealed interface SignalModel permits SpoiledGradientEcho, SpinEcho, InversionRecovery, T2Prepared, BalancedSsfp {
    double signal(double pd, double t1S, double t2S, double t2StarS, double b);

    static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
    }

    static void requireNonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new IllegalArgumentException(name + " must be non-negative and finite, got " + value);
    }

    static void requireFlipAngle(double flipAngleDeg) {
        if (!(flipAngleDeg > 0 && flipAngleDeg <= 180)) throw new IllegalArgumentException("flip angle must be in (0, 180] degrees, got " + flipAngleDeg);
    }
}
