package org.mrpilot.api.sequence;

/**
 * An RF event. Sample n of the shapes plays at {@code delayUs + (n + 0.5) * rfRaster} unless {@code time} gives
 * explicit times (in RF raster units).
 *
 * @param amplitudeHz     peak B1 as gamma*B1
 * @param magnitude       |B1| normalised to [0, 1]
 * @param phase           phase / 2pi in [0, 1)
 * @param time            sample times in RF raster units, or null for the default raster
 * @param centerUs        effective rotation centre from the start of the shape (delay excluded)
 * @param delayUs         start within the block
 * @param freqPpm         frequency offset proportional to B0
 * @param phasePpm        phase offset proportional to B0, rad/MHz
 * @param freqOffsetHz    frequency offset (slice position)
 * @param phaseOffsetRad  phase offset
 */
public record RfPulse(double amplitudeHz, Shape magnitude, Shape phase, Shape time, double centerUs, int delayUs, double freqPpm,
                      double phasePpm, double freqOffsetHz, double phaseOffsetRad, RfUse use) {
    public RfPulse {
        if (magnitude == null || phase == null || use == null) throw new IllegalArgumentException("RF needs magnitude, phase and use");
        if (phase.length() != magnitude.length()) throw new IllegalArgumentException("RF magnitude and phase shapes differ in length");
        if (time != null && time.length() != magnitude.length()) throw new IllegalArgumentException("RF time shape differs in length");
        if (delayUs < 0) throw new IllegalArgumentException("RF delay must not be negative");
    }

    /** Duration of the shape in microseconds for a given RF raster. */
    public double shapeDurationUs(double rfRasterUs) {
        return time == null ? magnitude.length() * rfRasterUs : time.sample(time.length() - 1) * rfRasterUs;
    }

    public RfPulse withOffsets(double freqOffsetHz, double phaseOffsetRad) {
        return new RfPulse(amplitudeHz, magnitude, phase, time, centerUs, delayUs, freqPpm, phasePpm, freqOffsetHz, phaseOffsetRad, use);
    }
}
