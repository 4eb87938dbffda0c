package org.mrpilot.api.sequence;

import java.util.Arrays;

/** A sampled waveform (RF magnitude/phase, gradient amplitude, or a time axis); immutable, compared by value. */
public final class Shape {
    private final double[] samples;

    public Shape(double[] samples) {
        if (samples.length == 0) throw new IllegalArgumentException("a shape needs at least one sample");
        for (double v : samples) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("shape samples must be finite");
        }
        this.samples = samples.clone();
    }

    public int length() {
        return samples.length;
    }

    public double sample(int i) {
        return samples[i];
    }

    public double[] samples() {
        return samples.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(samples, s.samples);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "Shape[" + samples.length + " samples]";
    }
}
