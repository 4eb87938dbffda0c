package org.mrpilot.physics.signal;

/** Spoiled gradient echo (FLASH) steady state: A sin(a)(1 - E1) / (1 - cos(a) E1) e^(-TE/T2*), E1 = e^(-TR/T1). */
public record SpoiledGradientEcho(double repetitionTimeS, double echoTimeS, double flipAngleDeg) implements SignalModel {
    public SpoiledGradientEcho {
        SignalModel.requirePositive(repetitionTimeS, "TR");
        SignalModel.requireNonNegative(echoTimeS, "TE");
        if (echoTimeS >= repetitionTimeS) throw new IllegalArgumentException("TE " + echoTimeS + " s must be shorter than TR " + repetitionTimeS + " s");
        SignalModel.requireFlipAngle(flipAngleDeg);
    }

    @Override
    public double signal(double pd, double t1S, double t2S, double t2StarS, double b) {
        double alpha = Math.toRadians(flipAngleDeg);
        double e1 = Math.exp(-repetitionTimeS / t1S);
        return pd * Math.sin(alpha) * (1 - e1) / (1 - Math.cos(alpha) * e1) * Math.exp(-echoTimeS / t2StarS);
    }
}
