package org.mrpilot.sequence;

import org.mrpilot.api.sequence.RfPulse;
import org.mrpilot.api.sequence.RfUse;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.Shape;
import org.mrpilot.api.sequence.Trapezoid;

/**
 * Pulse and gradient design on the standard rasters (gradients 10 us, RF 1 us). Gradients are designed at a margin
 * below the limits so raster rounding can never push them over. Gradients played together on several logical axes are
 * sized on the physical axes, where an oblique rotation adds them up.
 */
final class Waveforms {
    static final int GRAD_RASTER_US = 10;
    private static final double DESIGN_MARGIN = 0.9;

    private final double maxGradHzPerM;
    private final double maxSlewHzPerMPerUs;
    final int rfDeadUs;
    final int rfRingdownUs;
    final int adcDeadUs;

    Waveforms(SafetyLimits limits) {
        this.maxGradHzPerM = limits.maxGradientHzPerM() * DESIGN_MARGIN;
        this.maxSlewHzPerMPerUs = limits.maxSlewHzPerMPerS() * 1e-6 * DESIGN_MARGIN;
        this.rfDeadUs = (int) Math.ceil(limits.rfDeadTimeS() * 1e6 - 1e-6);
        this.rfRingdownUs = (int) Math.ceil(limits.rfRingdownTimeS() * 1e6 - 1e-6);
        this.adcDeadUs = (int) Math.ceil(limits.adcDeadTimeS() * 1e6 - 1e-6);
    }

    static int ceilToRaster(double us) {
        return (int) Math.ceil(us / GRAD_RASTER_US - 1e-9) * GRAD_RASTER_US;
    }

    int rampUs(double amplitudeHzPerM) {
        return Math.max(GRAD_RASTER_US, ceilToRaster(Math.abs(amplitudeHzPerM) / maxSlewHzPerMPerUs));
    }

    /** A lone gradient of {@code area} (1/m) on one logical axis: rotated, no physical axis gets more than all of it. */
    Trapezoid single(double area) {
        return timed(Math.abs(area) * 1e6, area)[0];
    }

    /**
     * Read, phase and slice trapezoids sharing one timing (so they stay trapezoids when rotated), sized so that their sum
     * on each physical axis of {@code o} stays within the design limits; nulls for zero areas.
     */
    Trapezoid[] common(Orientation o, double read, double phase, double slice) {
        return timed(largestPhysicalArea(o, read, phase, slice), read, phase, slice);
    }

    /**
     * The end of the longest {@link #common} block for any phase area between -maxPhase and +maxPhase: the physical sums
     * are linear in the phase area, so the longest is at one of the two ends.
     */
    double longestCommonUs(Orientation o, double read, double maxPhase, double slice) {
        double longest = 0;
        for (double phase : new double[] {maxPhase, -maxPhase}) {
            for (Trapezoid t : common(o, read, phase, slice)) {
                if (t != null) longest = Math.max(longest, t.endUs(GRAD_RASTER_US));
            }
        }
        return longest;
    }

    private static double largestPhysicalArea(Orientation o, double... logical) {
        double largest = 0;
        for (int physical = 0; physical < 3; physical++) {
            double sum = 0;
            for (int l = 0; l < 3; l++) sum += o.component(l, physical) * logical[l];
            largest = Math.max(largest, Math.abs(sum) * 1e6);
        }
        return largest;
    }

    /** Trapezoids of one timing for {@code areas}, shaped so that a gradient of area {@code largest} (Hz/m us) is within the limits. */
    private Trapezoid[] timed(double largest, double... areas) {
        Trapezoid[] out = new Trapezoid[areas.length];
        if (largest == 0) return out;
        int ramp = Math.max(GRAD_RASTER_US, ceilToRaster(Math.min(maxGradHzPerM, Math.sqrt(largest * maxSlewHzPerMPerUs)) / maxSlewHzPerMPerUs));
        int flat = 0;
        while (largest / (ramp + flat) > Math.min(maxGradHzPerM, ramp * maxSlewHzPerMPerUs)) flat += GRAD_RASTER_US;
        for (int i = 0; i < areas.length; i++) {
            if (areas[i] != 0) out[i] = new Trapezoid(areas[i] * 1e6 / (ramp + flat), ramp, flat, ramp, 0);
        }
        return out;
    }

    /** A flat top of {@code amplitude} lasting {@code flatUs}, with the shortest ramps, starting after {@code delayUs}. */
    Trapezoid flat(double amplitudeHzPerM, int flatUs, int delayUs) {
        if (Math.abs(amplitudeHzPerM) > maxGradHzPerM / DESIGN_MARGIN) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "needs a gradient of %.1f mT/m, more than the system's %.1f mT/m (increase thickness or FOV, or lower the bandwidth)",
                    amplitudeHzPerM / SafetyLimits.PROTON_GAMMA_HZ_PER_T * 1e3, maxGradHzPerM / DESIGN_MARGIN / SafetyLimits.PROTON_GAMMA_HZ_PER_T * 1e3));
        }
        int ramp = rampUs(amplitudeHzPerM);
        return new Trapezoid(amplitudeHzPerM, ramp, flatUs, ramp, delayUs);
    }

    /** Hann-windowed sinc with {@code timeBandwidth}; sample n at (n + 0.5) us. */
    static RfPulse sinc(double flipDeg, int durationUs, double timeBandwidth, int delayUs, RfUse use) {
        double[] mag = new double[durationUs];
        double[] phase = new double[durationUs];
        double sum = 0;
        for (int i = 0; i < durationUs; i++) {
            double x = (i + 0.5) / durationUs - 0.5;
            double arg = Math.PI * timeBandwidth * x;
            double s = (arg == 0 ? 1 : Math.sin(arg) / arg) * (0.5 + 0.5 * Math.cos(2 * Math.PI * x));
            mag[i] = Math.abs(s);
            phase[i] = s < 0 ? 0.5 : 0;
            sum += s;
        }
        return new RfPulse(amplitudeFor(flipDeg, sum * 1e-6), new Shape(mag), new Shape(phase), null, durationUs / 2.0, delayUs, 0, 0, 0, 0, use);
    }

    /** A rectangular (hard) pulse. */
    static RfPulse hard(double flipDeg, int durationUs, int delayUs, RfUse use) {
        double[] ones = new double[durationUs];
        java.util.Arrays.fill(ones, 1);
        return new RfPulse(amplitudeFor(flipDeg, durationUs * 1e-6), new Shape(ones), new Shape(new double[durationUs]), null, durationUs / 2.0,
                delayUs, 0, 0, 0, 0, use);
    }

    /** B1 (Hz) for a flip angle when the normalised shape integrates to {@code shapeIntegralS}. */
    private static double amplitudeFor(double flipDeg, double shapeIntegralS) {
        return flipDeg / 360.0 / shapeIntegralS;
    }

    static int bandwidthHz(int durationUs, double timeBandwidth) {
        return (int) Math.round(timeBandwidth / (durationUs * 1e-6));
    }
}
