package org.mrpilot.api.sequence;

/**
 * Hardware and patient limits a sequence table must respect (SI units; B1 in microtesla as scanners state it).
 *
 * @param maxB1RmsUt limit on the RF energy expressed as B1+rms over each averaging window (10 s unless a caller chooses)
 */
public record SafetyLimits(double maxGradientTPerM, double maxSlewTPerMPerS, double rfDeadTimeS, double rfRingdownTimeS,
                           double adcDeadTimeS, double maxB1RmsUt, double gammaHzPerT) {
    /** Proton gyromagnetic ratio / 2pi. */
    public static final double PROTON_GAMMA_HZ_PER_T = 42.576e6;

    public SafetyLimits {
        if (!(maxGradientTPerM > 0 && maxSlewTPerMPerS > 0 && maxB1RmsUt > 0 && gammaHzPerT > 0)) {
            throw new IllegalArgumentException("gradient, slew, B1rms and gamma limits must be positive");
        }
        if (rfDeadTimeS < 0 || rfRingdownTimeS < 0 || adcDeadTimeS < 0) throw new IllegalArgumentException("dead times must not be negative");
    }

    /** A typical Siemens 3 T system: 28 mT/m, 150 T/m/s, RF dead/ring-down 100/30 us, ADC dead 10 us, B1+rms 5 uT. */
    public static SafetyLimits siemensLike() {
        return new SafetyLimits(28e-3, 150, 100e-6, 30e-6, 10e-6, 5.0, PROTON_GAMMA_HZ_PER_T);
    }

    public double maxGradientHzPerM() {
        return maxGradientTPerM * gammaHzPerT;
    }

    public double maxSlewHzPerMPerS() {
        return maxSlewTPerMPerS * gammaHzPerT;
    }

    public SafetyLimits withMaxB1RmsUt(double value) {
        return new SafetyLimits(maxGradientTPerM, maxSlewTPerMPerS, rfDeadTimeS, rfRingdownTimeS, adcDeadTimeS, value, gammaHzPerT);
    }

    public SafetyLimits withGradient(double maxGradientTPerM, double maxSlewTPerMPerS) {
        return new SafetyLimits(maxGradientTPerM, maxSlewTPerMPerS, rfDeadTimeS, rfRingdownTimeS, adcDeadTimeS, maxB1RmsUt, gammaHzPerT);
    }
}
