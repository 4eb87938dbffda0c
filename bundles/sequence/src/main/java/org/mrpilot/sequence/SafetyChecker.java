package org.mrpilot.sequence;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.sequence.Adc;
import org.mrpilot.api.sequence.ArbitraryGradient;
import org.mrpilot.api.sequence.Block;
import org.mrpilot.api.sequence.Gradient;
import org.mrpilot.api.sequence.Rasters;
import org.mrpilot.api.sequence.RfPulse;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SafetyReport;
import org.mrpilot.api.sequence.SafetyViolation;
import org.mrpilot.api.sequence.SequenceRefusedException;
import org.mrpilot.api.sequence.SequenceTable;
import org.mrpilot.api.sequence.Trapezoid;

/**
 * Checks a sequence table against hardware and patient limits before it may leave the agent: gradient amplitude
 * and slew per physical axis, RF dead and ring-down times, ADC dead times, raster alignment, events inside their
 * block, gradient continuity, and the RF energy as B1+rms over a fixed averaging window.
 */
public final class SafetyChecker {
    private static final double TOLERANCE = 1e-6;
    private static final String[] AXES = {"gx", "gy", "gz"};

    private final SafetyLimits limits;
    private final List<SafetyViolation> violations = new ArrayList<>();

    private SafetyChecker(SafetyLimits limits) {
        this.limits = limits;
    }

    /**
     * The averaging window of the RF energy when nobody chooses one: 10 s, as the IEC 60601-2-33 SAR limits. It belongs
     * to the checker, not to the table or the plan being checked, so neither can dilute the energy it is judged on.
     */
    public static final double B1RMS_WINDOW_S = 10;

    /** Checks every block; the B1+rms is averaged over every {@link #B1RMS_WINDOW_S} window of the sequence. */
    public static SafetyReport check(SequenceTable table, SafetyLimits limits) {
        return check(table, limits, B1RMS_WINDOW_S);
    }

    /**
     * As {@link #check(SequenceTable, SafetyLimits)} with the B1+rms averaged over every window of {@code windowS}
     * (a sequence shorter than that over its own duration, the average of playing it in a loop). A window that is not a
     * positive finite number is itself a violation ("SAR_WINDOW").
     */
    public static SafetyReport check(SequenceTable table, SafetyLimits limits, double windowS) {
        SafetyChecker c = new SafetyChecker(limits);
        double[] last = new double[3];
        for (int i = 0; i < table.blocks().size(); i++) last = c.block(i + 1, table.blocks().get(i), table.rasters(), last);
        double worst = Double.NaN;
        if (Double.isFinite(windowS) && windowS > 0) {
            worst = c.b1Rms(table, windowS);
        } else {
            c.violation("SAR_WINDOW", 1, "B1+rms averaging window", windowS, B1RMS_WINDOW_S, "s (must be positive and finite)");
        }
        return new SafetyReport(c.violations, worst);
    }

    /** As {@link #check(SequenceTable, SafetyLimits)}, but throws when any limit is broken. */
    public static SafetyReport requireSafe(SequenceTable table, SafetyLimits limits) throws SequenceRefusedException {
        SafetyReport report = check(table, limits);
        if (!report.ok()) throw new SequenceRefusedException(report);
        return report;
    }

    private void violation(String limit, int block, String event, double value, double allowed, String unit) {
        violations.add(new SafetyViolation(limit, block, event, value, allowed, unit));
    }

    /** Checks one block; returns the gradient values at its end (for continuity with the next block). */
    private double[] block(int id, Block b, Rasters r, double[] previousLast) {
        double duration = b.durationUs();
        if (!onRaster(duration, r.blockDurationUs())) violation("RASTER", id, "block duration", duration, r.blockDurationUs(), "us (raster)");
        double[] last = new double[3];
        for (int a = 0; a < 3; a++) {
            Gradient g = b.gradient(a);
            if (g == null) continue;
            if (b.rotation() == null) amplitudeAndSlew(id, AXES[a], g.peakHzPerM(), g.peakSlewHzPerMPerS(r.gradientUs()));
            if (!onRaster(g.delayUs(), r.gradientUs())) violation("RASTER", id, AXES[a] + " delay", g.delayUs(), r.gradientUs(), "us (raster)");
            if (g instanceof Trapezoid t && !(onRaster(t.riseUs(), r.gradientUs()) && onRaster(t.flatUs(), r.gradientUs()) && onRaster(t.fallUs(), r.gradientUs()))) {
                violation("RASTER", id, AXES[a] + " ramp/flat time", t.riseUs() + t.flatUs() + t.fallUs(), r.gradientUs(), "us (raster)");
            }
            double end = g.endUs(r.gradientUs());
            if (end > duration + TOLERANCE) violation("BLOCK_DURATION", id, AXES[a], end, duration, "us");
            if (g instanceof ArbitraryGradient ag) {
                if (Math.abs(ag.firstHzPerM() - previousLast[a]) > 1e-3 * limits.maxGradientHzPerM()) {
                    violation("GRADIENT_CONTINUITY", id, AXES[a] + " first", ag.firstHzPerM() / limits.gammaHzPerT() * 1e3,
                            previousLast[a] / limits.gammaHzPerT() * 1e3, "mT/m");
                }
                boolean toEnd = end >= duration - TOLERANCE;
                if (nonZero(ag.lastHzPerM()) && !toEnd) violation("GRADIENT_CONTINUITY", id, AXES[a] + " ends non-zero before the block end", end, duration, "us");
                if (nonZero(ag.firstHzPerM()) && ag.delayUs() > 0) violation("GRADIENT_CONTINUITY", id, AXES[a] + " starts non-zero after a delay", ag.delayUs(), 0, "us");
                last[a] = toEnd ? ag.lastHzPerM() : 0;
            }
        }
        if (b.rotation() != null) rotatedAmplitudeAndSlew(id, b, r.gradientUs());
        for (int a = 0; a < 3; a++) {
            boolean starts = b.gradient(a) instanceof ArbitraryGradient ag && nonZero(ag.firstHzPerM());
            if (nonZero(previousLast[a]) && !starts) violation("GRADIENT_CONTINUITY", id, AXES[a], 0, previousLast[a] / limits.gammaHzPerT() * 1e3, "mT/m");
        }
        rf(id, b.rf(), duration, r);
        adc(id, b.adc(), duration, r);
        return last;
    }

    /**
     * Zero up to the file's rounding: an end value extrapolated from a 1.4 file (1.5 w[n-1] - 0.5 w[n-2] of samples
     * quantised to 1e-7) is a fraction of a Hz/m, not 0. 1e-5 of the limit is still far below one raster's slew.
     */
    private boolean nonZero(double hzPerM) {
        return Math.abs(hzPerM) > 1e-5 * limits.maxGradientHzPerM();
    }

    private void amplitudeAndSlew(int id, String event, double peakHzPerM, double slewHzPerMPerS) {
        double peak = peakHzPerM / limits.gammaHzPerT() * 1e3;
        if (peak > limits.maxGradientTPerM() * 1e3 * (1 + TOLERANCE)) violation("GRADIENT_AMPLITUDE", id, event, peak, limits.maxGradientTPerM() * 1e3, "mT/m");
        double slew = slewHzPerMPerS / limits.gammaHzPerT();
        if (slew > limits.maxSlewTPerMPerS() * (1 + TOLERANCE)) violation("SLEW_RATE", id, event, slew, limits.maxSlewTPerMPerS(), "T/m/s");
    }

    /** With a ROTATIONS extension the limits apply to the physical axes: rotate the logical waveforms at all their corners. */
    private void rotatedAmplitudeAndSlew(int id, Block b, double rasterUs) {
        java.util.TreeSet<Double> times = new java.util.TreeSet<>();
        for (int a = 0; a < 3; a++) {
            Gradient g = b.gradient(a);
            if (g instanceof Trapezoid t) {
                times.addAll(List.of((double) t.delayUs(), (double) t.delayUs() + t.riseUs(), (double) t.delayUs() + t.riseUs() + t.flatUs(),
                        t.endUs(rasterUs)));
            } else if (g instanceof ArbitraryGradient ag) {
                for (double t : ag.corners(rasterUs)[0]) times.add(t);
            }
        }
        double[] peak = new double[3];
        double[] slew = new double[3];
        double[] previous = null;
        double previousT = 0;
        for (double t : times) {
            double[] logical = new double[3];
            for (int a = 0; a < 3; a++) logical[a] = b.gradient(a) == null ? 0 : b.gradient(a).valueAt(t, rasterUs);
            double[] physical = b.rotation().apply(logical);
            for (int a = 0; a < 3; a++) {
                peak[a] = Math.max(peak[a], Math.abs(physical[a]));
                if (previous != null && t > previousT) slew[a] = Math.max(slew[a], Math.abs(physical[a] - previous[a]) / ((t - previousT) * 1e-6));
            }
            previous = physical;
            previousT = t;
        }
        for (int a = 0; a < 3; a++) amplitudeAndSlew(id, AXES[a] + " (rotated)", peak[a], slew[a]);
    }

    private void rf(int id, RfPulse rf, double duration, Rasters r) {
        if (rf == null) return;
        double deadUs = limits.rfDeadTimeS() * 1e6;
        if (rf.delayUs() < deadUs - TOLERANCE) violation("RF_DEAD_TIME", id, "rf delay", rf.delayUs(), deadUs, "us (minimum)");
        double end = rf.delayUs() + rf.shapeDurationUs(r.radiofrequencyUs());
        double ringdown = limits.rfRingdownTimeS() * 1e6;
        if (end + ringdown > duration + TOLERANCE) violation("RF_RINGDOWN_TIME", id, "rf end + ring-down", end + ringdown, duration, "us (block end)");
    }

    private void adc(int id, Adc adc, double duration, Rasters r) {
        if (adc == null) return;
        double deadUs = limits.adcDeadTimeS() * 1e6;
        if (adc.delayUs() < deadUs - TOLERANCE) violation("ADC_DEAD_TIME", id, "adc delay", adc.delayUs(), deadUs, "us (minimum)");
        if (adc.endUs() + deadUs > duration + TOLERANCE) violation("POST_ADC_DEAD_TIME", id, "adc end + dead time", adc.endUs() + deadUs, duration, "us (block end)");
        if (!onRaster(adc.dwellNs() * 1e-9, r.adcS())) violation("RASTER", id, "adc dwell", adc.dwellNs(), r.adcS() * 1e9, "ns (raster)");
    }

    /**
     * The worst B1+rms (uT), sqrt(integral B1^2 dt / window), over the windows starting at each block. Scanners bound
     * SAR through this quantity when no patient model is at hand; the limit is configurable.
     */
    private double b1Rms(SequenceTable table, double windowS) {
        List<Block> blocks = table.blocks();
        double windowUs = Math.min(windowS * 1e6, table.durationS() * 1e6);
        double[] startUs = new double[blocks.size() + 1];
        double[] energy = new double[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            startUs[i + 1] = startUs[i] + blocks.get(i).durationUs();
            if (blocks.get(i).rf() != null) energy[i] = energyUt2Us(blocks.get(i).rf(), table.rasters().radiofrequencyUs());
        }
        double worst = 0;
        int worstFirst = 1;
        double inWindow = 0;
        int end = 0;
        for (int first = 0; first < blocks.size(); first++) {
            while (end < blocks.size() && startUs[end] < startUs[first] + windowUs - TOLERANCE) inWindow += energy[end++];
            double rms = Math.sqrt(inWindow / windowUs);
            if (rms > worst) {
                worst = rms;
                worstFirst = first + 1;
            }
            inWindow -= energy[first];
        }
        if (worst > limits.maxB1RmsUt() * (1 + TOLERANCE)) {
            violation("SAR_B1RMS", worstFirst, String.format(java.util.Locale.ROOT, "rf energy over %.3f s", windowUs * 1e-6), worst,
                    limits.maxB1RmsUt(), "uT");
        }
        return worst;
    }

    private double energyUt2Us(RfPulse rf, double rfRasterUs) {
        double scale = rf.amplitudeHz() / limits.gammaHzPerT() * 1e6;
        double e = 0;
        for (int i = 0; i < rf.magnitude().length(); i++) {
            double dt = rf.time() == null ? rfRasterUs
                    : (i + 1 < rf.time().length() ? rf.time().sample(i + 1) - rf.time().sample(i) : 0) * rfRasterUs;
            double b1 = scale * rf.magnitude().sample(i);
            e += b1 * b1 * dt;
        }
        return e;
    }

    private static boolean onRaster(double value, double raster) {
        double n = value / raster;
        return Math.abs(n - Math.rint(n)) < 1e-6;
    }
}
