package org.mrpilot.sequence;

import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.sequence.Adc;
import org.mrpilot.api.sequence.Trapezoid;

/**
 * A Cartesian readout line on the logical read axis: flat-top gradient, ADC centred on the flat top, the k-space
 * centre at sample N/2; plus the read/phase areas to prephase and rewind it. In-plane shifts of the slice group
 * become ADC frequency and phase offsets.
 */
final class Readout {
    final Trapezoid gradient;
    final int adcDelayUs;
    final long dwellNs;
    final int samples;
    /** Time of the echo (sample N/2) from the start of the readout block. */
    final double echoUs;
    /** Read area from the gradient start to the echo, and from the echo to the gradient end (1/m). */
    final double areaToEcho;
    final double areaAfterEcho;
    private final double deltaKPhase;
    private final int lines;

    Readout(Waveforms w, SliceGroup g, double bandwidthHzPerPixel) {
        samples = g.matrixRead();
        lines = g.matrixPhase();
        double deltaK = 1 / (g.fovReadMm() * 1e-3);
        deltaKPhase = 1 / (g.fovPhaseMm() * 1e-3);
        dwellNs = Math.max(100, Math.round(1e9 / (bandwidthHzPerPixel * samples) / 100) * 100);
        double amplitude = deltaK / (dwellNs * 1e-9);
        int flatUs = Waveforms.ceilToRaster(samples * dwellNs * 1e-3);
        Trapezoid shape = w.flat(amplitude, flatUs, 0);
        gradient = shape;
        adcDelayUs = Math.max(w.adcDeadUs, shape.riseUs() + (int) Math.floor((flatUs - samples * dwellNs * 1e-3) / 2));
        echoUs = adcDelayUs + (samples / 2 + 0.5) * dwellNs * 1e-3;
        areaToEcho = shape.areaUntil(echoUs, Waveforms.GRAD_RASTER_US);
        areaAfterEcho = shape.area() - areaToEcho;
    }

    /** Phase-encoding area of line {@code line} (0-based, centre line M/2 at k = 0). */
    double phaseArea(int line) {
        return (line - lines / 2) * deltaKPhase;
    }

    /**
     * The ADC for one line: frequency offset for the read shift, phase chosen so the shifted centre has zero phase at
     * the echo, plus the phase-encoding shift and the RF spoiling phase.
     */
    Adc adc(double readShiftM, double phaseShiftM, int line, double spoilPhaseRad) {
        double freq = gradient.amplitudeHzPerM() * readShiftM;
        double phase = 2 * Math.PI * (phaseArea(line) * phaseShiftM - freq * (echoUs - adcDelayUs) * 1e-6) + spoilPhaseRad;
        return new Adc(samples, dwellNs, adcDelayUs, 0, 0, freq, wrap(phase), null);
    }

    static double wrap(double rad) {
        double w = rad % (2 * Math.PI);
        return w < 0 ? w + 2 * Math.PI : w;
    }
}
