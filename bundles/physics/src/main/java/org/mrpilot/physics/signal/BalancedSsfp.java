package org.mrpilot.physics.signal;

/**
 * Balanced SSFP on resonance, echo at TE = TR/2:
 * A sin(a)(1 - E1) / (1 - (E1 - E2) cos(a) - E1 E2) * sqrt(E2), E1 = e^(-TR/T1), E2 = e^(-TR/T2).
 */
public record BalancedSsfp(double repetitionTimeS, double flipAngleDeg) implements SignalModel {
    public BalancedSsfp {
        SignalModel.requirePositive(repetitionTimeS, "TR");
        SignalModel.requireFlipAngle(flipAngleDeg);
    }

    @Override
    public double signal(double pd, double t1S, double t2S, double t2StarS, double b) {
        double alpha = Math.toRadians(flipAngleDeg);
        double e1 = Math.exp(-repetitionTimeS / t1S), e2 = Math.exp(-repetitionTimeS / t2S);
        return pd * Math.sin(alpha) * (1 - e1) / (1 - (e1 - e2) * Math.cos(alpha) - e1 * e2) * Math.sqrt(e2);
    }
}
