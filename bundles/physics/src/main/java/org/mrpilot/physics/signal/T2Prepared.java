package org.mrpilot.physics.signal;

/** T2-prepared readout as in seed 001: |A e^(-tau/T2)|, tau the preparation time. */
public record T2Prepared(double preparationTimeS) implements SignalModel {
    public T2Prepared {
        SignalModel.requireNonNegative(preparationTimeS, "T2 preparation time");
    }

    @Override
    public double signal(double pd, double t1S, double t2S, double t2StarS, double b) {
        return Math.abs(pd * Math.exp(-preparationTimeS / t2S));
    }
}
