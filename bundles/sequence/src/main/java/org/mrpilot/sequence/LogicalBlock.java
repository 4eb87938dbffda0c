package org.mrpilot.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.mrpilot.api.sequence.Adc;
import org.mrpilot.api.sequence.ArbitraryGradient;
import org.mrpilot.api.sequence.Block;
import org.mrpilot.api.sequence.Gradient;
import org.mrpilot.api.sequence.Label;
import org.mrpilot.api.sequence.RfPulse;
import org.mrpilot.api.sequence.Shape;
import org.mrpilot.api.sequence.Trapezoid;

/**
 * A block designed on the logical axes (read, phase, slice). {@link #toBlock} rotates it onto the physical gradient
 * axes: trapezoids sharing one timing stay trapezoids, otherwise each axis gets the sum as an extended trapezoid; or it
 * keeps the logical gradients and carries the rotation as a quaternion.
 */
final class LogicalBlock {
    private final Trapezoid[] logical = new Trapezoid[3];
    private RfPulse rf;
    private Adc adc;
    private final List<Label> labels = new ArrayList<>();
    private int minDurationUs;

    LogicalBlock read(Trapezoid t) {
        logical[0] = t;
        return this;
    }

    LogicalBlock phase(Trapezoid t) {
        logical[1] = t;
        return this;
    }

    LogicalBlock slice(Trapezoid t) {
        logical[2] = t;
        return this;
    }

    LogicalBlock rf(RfPulse p) {
        rf = p;
        return this;
    }

    LogicalBlock adc(Adc a) {
        adc = a;
        return this;
    }

    LogicalBlock label(String name, int value) {
        labels.add(Label.set(name, value));
        return this;
    }

    /** Makes the block at least this long (e.g. to reach a TE or TR). */
    LogicalBlock atLeast(int durationUs) {
        minDurationUs = Math.max(minDurationUs, durationUs);
        return this;
    }

    /** Duration: the end of the last event (RF plus ring-down, ADC plus dead time), on the gradient raster. */
    int durationUs(Waveforms w) {
        double end = minDurationUs;
        for (Trapezoid t : logical) {
            if (t != null) end = Math.max(end, t.endUs(Waveforms.GRAD_RASTER_US));
        }
        if (rf != null) end = Math.max(end, rf.delayUs() + rf.shapeDurationUs(1) + w.rfRingdownUs);
        if (adc != null) end = Math.max(end, adc.endUs() + w.adcDeadUs);
        return Waveforms.ceilToRaster(end);
    }

    Block toBlock(Orientation o, Waveforms w, GradientRotation mode) {
        if (mode == GradientRotation.ROTATIONS_EXTENSION) {
            boolean any = logical[0] != null || logical[1] != null || logical[2] != null;
            return new Block(durationUs(w), rf, logical[0], logical[1], logical[2], adc, labels, any ? o.rotation() : null);
        }
        Gradient[] physical = new Gradient[3];
        for (int axis = 0; axis < 3; axis++) physical[axis] = onAxis(o, axis);
        return new Block(durationUs(w), rf, physical[0], physical[1], physical[2], adc, labels, null);
    }

    private Gradient onAxis(Orientation o, int axis) {
        List<Trapezoid> parts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            double c = o.component(l, axis);
            if (logical[l] != null && logical[l].amplitudeHzPerM() != 0 && Math.abs(c) > 1e-12) {
                parts.add(logical[l]);
                weights.add(c);
            }
        }
        if (parts.isEmpty()) return null;
        if (parts.stream().allMatch(t -> sameTiming(t, parts.get(0)))) {
            double amplitude = 0;
            for (int i = 0; i < parts.size(); i++) amplitude += parts.get(i).amplitudeHzPerM() * weights.get(i);
            Trapezoid t = parts.get(0);
            return new Trapezoid(amplitude, t.riseUs(), t.flatUs(), t.fallUs(), t.delayUs());
        }
        TreeSet<Integer> corners = new TreeSet<>();
        for (Trapezoid t : parts) {
            corners.add(t.delayUs());
            corners.add(t.delayUs() + t.riseUs());
            corners.add(t.delayUs() + t.riseUs() + t.flatUs());
            corners.add(t.delayUs() + t.riseUs() + t.flatUs() + t.fallUs());
        }
        int start = corners.first();
        double[] times = new double[corners.size()];
        double[] values = new double[corners.size()];
        double peak = 0;
        int i = 0;
        for (int c : corners) {
            double v = 0;
            for (int k = 0; k < parts.size(); k++) v += parts.get(k).valueAt(c, Waveforms.GRAD_RASTER_US) * weights.get(k);
            times[i] = (c - start) / (double) Waveforms.GRAD_RASTER_US;
            values[i] = v;
            peak = Math.max(peak, Math.abs(v));
            i++;
        }
        if (peak == 0) return null;
        for (int k = 0; k < values.length; k++) values[k] /= peak;
        return new ArbitraryGradient(peak, values[0] * peak, values[values.length - 1] * peak, new Shape(values), new Shape(times), start);
    }

    private static boolean sameTiming(Trapezoid a, Trapezoid b) {
        return a.riseUs() == b.riseUs() && a.flatUs() == b.flatUs() && a.fallUs() == b.fallUs() && a.delayUs() == b.delayUs();
    }
}
