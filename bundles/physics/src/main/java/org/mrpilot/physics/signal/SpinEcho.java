package org.mrpilot.physics.signal;

import java.util.List;

/**
 * Spin echo with full recovery between excitations: A (1 - e^(-TR/T1)) e^(-TE/T2) (the usual TE << TR form).
 * A multi-echo train is one model per echo time ({@link #multiEcho}).
 */
public record SpinEcho(double repetitionTimeS, double echoTimeS) implements SignalModel {
    public SpinEcho {
        SignalModel.requirePositive(repetitionTimeS, "TR");
        SignalModel.requirePositive(echoTimeS, "TE");
        if (echoTimeS >= repetitionTimeS) throw new IllegalArgumentException("TE " + echoTimeS + " s must be shorter than TR " + repetitionTimeS + " s");
    }

    /** One spin-echo model per echo of a multi-echo train. */
    public static List<SpinEcho> multiEcho(double repetitionTimeS, double... echoTimesS) {
        if (echoTimesS.length == 0) throw new IllegalArgumentException("a multi-echo train needs at least one echo time");
        return java.util.Arrays.stream(echoTimesS).mapToObj(te -> new SpinEcho(repetitionTimeS, te)).toList();
    }

    @Override
    public double signal(double pd, double t1S, double t2S, double t2StarS, double b) {
        return pd * (1 - Math.exp(-repetitionTimeS / t1S)) * Math.exp(-echoTimeS / t2S);
    }
}
