package org.mrpilot.physics.signal;

/** Inversion recovery magnitude as in seed 001: |A (1 - B e^(-TI/T1))|. */
public record InversionRecovery(double inversionTimeS) implements SignalModel {
    public InversionRecovery {
        SignalModel.requirePositive(inversionTimeS, "TI");
    }

    @Override
    public double signal(double pd, double t1S, double t2S, double t2StarS, double b) {
        return Math.abs(pd * (1 - b * Math.exp(-inversionTimeS / t1S)));
    }
}
