package org.mrpilot.sequence;

import org.mrpilot.api.sequence.RfPulse;
import org.mrpilot.api.sequence.RfUse;
import org.mrpilot.api.sequence.Trapezoid;

/**
 * A slice-selective sinc pulse under a flat-top slice gradient. The slice position becomes the RF frequency offset
 * (gradient x position) and the matching phase offset, so oblique and shifted slices need no console prescription.
 */
final class SliceExcitation {
    static final int DURATION_US = 3000;
    static final double TIME_BANDWIDTH = 4;

    final Trapezoid sliceGradient;
    private final RfPulse pulse;
    /** Slice area from the RF centre to the end of the slice gradient (1/m), to be rephased (or crushed) afterwards. */
    final double areaAfterCentre;
    final double areaBeforeCentre;

    SliceExcitation(Waveforms w, double flipDeg, double thicknessMm, RfUse use) {
        double amplitude = Waveforms.bandwidthHz(DURATION_US, TIME_BANDWIDTH) / (thicknessMm * 1e-3);
        Trapezoid probe = w.flat(amplitude, DURATION_US, 0);
        int gradientDelay = Math.max(0, w.rfDeadUs - probe.riseUs());
        sliceGradient = new Trapezoid(amplitude, probe.riseUs(), DURATION_US, probe.fallUs(), gradientDelay);
        pulse = Waveforms.sinc(flipDeg, DURATION_US, TIME_BANDWIDTH, gradientDelay + probe.riseUs(), use);
        double centreUs = pulse.delayUs() + pulse.centerUs();
        areaBeforeCentre = sliceGradient.areaUntil(centreUs, Waveforms.GRAD_RASTER_US);
        areaAfterCentre = sliceGradient.area() - areaBeforeCentre;
    }

    /** Time of the RF centre from the start of its block. */
    double centreUs() {
        return pulse.delayUs() + pulse.centerUs();
    }

    /** The pulse placed at {@code sliceOffsetM} along the slice normal, with an extra phase (RF spoiling, CPMG). */
    RfPulse at(double sliceOffsetM, double extraPhaseRad) {
        double freq = sliceGradient.amplitudeHzPerM() * sliceOffsetM;
        return pulse.withOffsets(freq, Readout.wrap(extraPhaseRad - 2 * Math.PI * freq * pulse.centerUs() * 1e-6));
    }
}
