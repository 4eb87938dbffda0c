package org.mrpilot.api.sequence;

/** A trapezoid gradient: ramp up, flat top, ramp down, all on the gradient raster (integer microseconds). */
public record Trapezoid(double amplitudeHzPerM, int riseUs, int flatUs, int fallUs, int delayUs) implements Gradient {
    public Trapezoid {
        if (riseUs < 0 || flatUs < 0 || fallUs < 0 || delayUs < 0) throw new IllegalArgumentException("trapezoid times must not be negative");
        if (!Double.isFinite(amplitudeHzPerM)) throw new IllegalArgumentException("trapezoid amplitude must be finite");
    }

    /** Area in 1/m. */
    public double area() {
        return amplitudeHzPerM * (riseUs / 2.0 + flatUs + fallUs / 2.0) * 1e-6;
    }

    @Override
    public double endUs(double gradientRasterUs) {
        return delayUs + riseUs + flatUs + fallUs;
    }

    @Override
    public double valueAt(double tUs, double gradientRasterUs) {
        double t = tUs - delayUs;
        if (t <= 0 || t >= riseUs + flatUs + fallUs) return 0;
        if (t < riseUs) return amplitudeHzPerM * t / riseUs;
        if (t <= riseUs + flatUs) return amplitudeHzPerM;
        return amplitudeHzPerM * (riseUs + flatUs + fallUs - t) / fallUs;
    }

    @Override
    public double areaUntil(double tUs, double gradientRasterUs) {
        double t = Math.max(0, Math.min(tUs - delayUs, riseUs + flatUs + fallUs));
        double a;
        if (t <= riseUs) {
            a = riseUs == 0 ? 0 : 0.5 * t * t / riseUs;
        } else if (t <= riseUs + flatUs) {
            a = riseUs / 2.0 + (t - riseUs);
        } else {
            double left = riseUs + flatUs + fallUs - t;
            a = riseUs / 2.0 + flatUs + fallUs / 2.0 - (fallUs == 0 ? 0 : 0.5 * left * left / fallUs);
        }
        return amplitudeHzPerM * a * 1e-6;
    }

    @Override
    public double peakHzPerM() {
        return Math.abs(amplitudeHzPerM);
    }

    @Override
    public double peakSlewHzPerMPerS(double gradientRasterUs) {
        double up = riseUs == 0 ? (amplitudeHzPerM == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(amplitudeHzPerM) / (riseUs * 1e-6);
        double down = fallUs == 0 ? (amplitudeHzPerM == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(amplitudeHzPerM) / (fallUs * 1e-6);
        return Math.max(up, down);
    }
}
