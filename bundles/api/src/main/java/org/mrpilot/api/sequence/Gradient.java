package org.mrpilot.api.sequence;

/** A gradient event on one axis, amplitudes in Hz/m (gamma * G). */
public sealed interface Gradient permits Trapezoid, ArbitraryGradient {
    int delayUs();

    /** End of the event from the block start, in microseconds. */
    double endUs(double gradientRasterUs);

    /** Amplitude at time {@code tUs} from the block start (linear between corners or raster-centre samples). */
    double valueAt(double tUs, double gradientRasterUs);

    /** Area in 1/m between the block start and {@code tUs}. */
    double areaUntil(double tUs, double gradientRasterUs);

    /** Largest |amplitude| in Hz/m. */
    double peakHzPerM();

    /** Largest |slew rate| in Hz/m/s. */
    double peakSlewHzPerMPerS(double gradientRasterUs);
}
