package org.mrpilot.api.acquisition;

import java.util.List;

/**
 * Contrast-defining parameters of one series, in seconds. Lists hold one value per weighted image where a
 * series varies them (TI for inversion recovery, TE for multi-echo); otherwise they have a single entry.
 *
 * @param repetitionTimeS  TR
 * @param echoTimesS       TE(s)
 * @param inversionTimesS  TI(s); empty when there is no inversion
 * @param flipAngleDeg     excitation flip angle in degrees
 * @param fieldStrengthT   B0 in tesla
 */
public record AcquisitionParameters(double repetitionTimeS, List<Double> echoTimesS, List<Double> inversionTimesS,
                                    double flipAngleDeg, double fieldStrengthT) {
    public AcquisitionParameters {
        echoTimesS = List.copyOf(echoTimesS);
        inversionTimesS = List.copyOf(inversionTimesS);
    }
}
