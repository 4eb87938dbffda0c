package org.mrpilot.api.sequence;

/**
 * A readout: sample n is taken at {@code delayUs + (n + 0.5) * dwell}.
 *
 * @param phaseModulation per-sample phase / 2pi, or null
 */
public record Adc(int numSamples, long dwellNs, int delayUs, double freqPpm, double phasePpm, double freqOffsetHz, double phaseOffsetRad,
                  Shape phaseModulation) {
    public Adc {
        if (numSamples <= 0 || dwellNs <= 0 || delayUs < 0) throw new IllegalArgumentException("ADC needs samples > 0, dwell > 0, delay >= 0");
        if (phaseModulation != null && phaseModulation.length() != numSamples) {
            throw new IllegalArgumentException("ADC phase modulation needs one value per sample");
        }
    }

    public double sampleTimeUs(int n) {
        return delayUs + (n + 0.5) * dwellNs * 1e-3;
    }

    public double endUs() {
        return delayUs + numSamples * dwellNs * 1e-3;
    }
}
