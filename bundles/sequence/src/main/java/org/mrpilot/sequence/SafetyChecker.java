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
 * block, gradient continuity, and the RF energy per TR as B1+rms.
 */
public final class SafetyChecker {
    private static final double TOLERANCE = 1e-6;
    private static final String[] AXES = {"gx", "gy", "gz"};

    private final SafetyLimits limits;
    private final List<SafetyViolation> violations = new ArrayList<>();

    private SafetyChecker(SafetyLimits limits) {
        this.limits = limits;
    }

    /** Checks every block; the B1+rms is evaluated over consecutive windows of {@code repetitionTimeS}. */
    public static SafetyReport check(SequenceTable table, SafetyLimits limits, double repetitionTimeS) {
        SafetyChecker c = new SafetyChecker(limits);
        double[] last = new double[3];
        for (int i = 0; i < table.blocks().size(); i++) last = c.block(i + 1, table.blocks().get(i), table.rasters(), last);
        double worst = c.b1Rms(table, repetitionTimeS);
        return new SafetyReport(c.violations, worst);
    }

    /** As {@link #check}, but throws when any limit is broken. */
    public static SafetyReport requireSafe(SequenceTable table, SafetyLimits limits, double repetitionTimeS) throws SequenceRefusedException {
        SafetyReport report = check(table, limits, repetitionTimeS);
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
                if (ag.lastHzPerM() != 0 && !toEnd) violation("GRADIENT_CONTINUITY", id, AXES[a] + " ends non-zero before the block end", end, duration, "us");
                if (ag.firstHzPerM() != 0 && ag.delayUs() > 0) violation("GRADIENT_CONTINUITY", id, AXES[a] + " starts non-zero after a delay", ag.delayUs(), 0, "us");
                last[a] = toEnd ? ag.lastHzPerM() : 0;
            }
        }
        if (b.rotation() != null) rotatedAmplitudeAndSlew(id, b, r.gradientUs());
        for (int a = 0; a < 3; a++) {
            boolean starts = b.gradient(a) instanceof ArbitraryGradient ag && ag.firstHzPerM() != 0;
            if (previousLast[a] != 0 && !starts) violation("GRADIENT_CONTINUITY", id, AXES[a], 0, previousLast[a] / limits.gammaHzPerT() * 1e3, "mT/m");
        }
        rf(id, b.rf(), duration, r);
        adc(id, b.adc(), duration, r);
        return last;
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
     * The RF energy of each TR window as B1+rms (uT): sqrt(integral B1^2 dt / TR). Scanners bound SAR through this
     * quantity when no patient model is at hand; the limit is configurable.
     */
    private double b1Rms(SequenceTable table, double repetitionTimeS) {
        double windowUs = repetitionTimeS * 1e6;
        double totalUs = table.durationS() * 1e6;
        if (!(windowUs > 0) || windowUs > totalUs) windowUs = totalUs;
        double energy = 0;
        double windowStart = 0;
        double t = 0;
        int firstBlock = 1;
        double worst = 0;
        for (int i = 0; i < table.blocks().size(); i++) {
            Block b = table.blocks().get(i);
            if (t - windowStart >= windowUs - TOLERANCE) {
                worst = Math.max(worst, report(energy, windowUs, firstBlock));
                energy = 0;
                windowStart = t;
                firstBlock = i + 1;
            }
            if (b.rf() != null) energy += energyUt2Us(b.rf(), table.rasters().radiofrequencyUs());
            t += b.durationUs();
        }
        return Math.max(worst, report(energy, Math.max(windowUs, t - windowStart), firstBlock));
    }

    private double report(double energyUt2Us, double windowUs, int firstBlock) {
        double rms = Math.sqrt(energyUt2Us / windowUs);
        if (rms > limits.maxB1RmsUt() * (1 + TOLERANCE)) violation("SAR_B1RMS", firstBlock, "rf energy per TR", rms, limits.maxB1RmsUt(), "uT");
        return rms;
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
