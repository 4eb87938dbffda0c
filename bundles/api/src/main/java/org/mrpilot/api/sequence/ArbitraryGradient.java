package org.mrpilot.api.sequence;

/**
 * A gradient given by samples: {@code amplitudeHzPerM * waveform[n]}. Without a time shape sample n sits at the
 * raster centre {@code (n + 0.5) * gradientRaster} and {@code first}/{@code last} are the values at the start and
 * end; with a time shape (gradient raster units) the samples are the corners of a piecewise-linear waveform
 * (an extended trapezoid).
 */
public record ArbitraryGradient(double amplitudeHzPerM, double firstHzPerM, double lastHzPerM, Shape waveform, Shape time, int delayUs)
        implements Gradient {
    public ArbitraryGradient {
        if (waveform == null) throw new IllegalArgumentException("arbitrary gradient needs a waveform");
        if (time != null && time.length() != waveform.length()) throw new IllegalArgumentException("gradient time shape differs in length");
        if (delayUs < 0) throw new IllegalArgumentException("gradient delay must not be negative");
    }

    /** Corner times (us from block start) and values (Hz/m) of the piecewise-linear waveform. */
    public double[][] corners(double gradientRasterUs) {
        int n = waveform.length();
        if (time != null) {
            double[][] c = new double[2][n];
            for (int i = 0; i < n; i++) {
                c[0][i] = delayUs + time.sample(i) * gradientRasterUs;
                c[1][i] = amplitudeHzPerM * waveform.sample(i);
            }
            return c;
        }
        double[][] c = new double[2][n + 2];
        c[0][0] = delayUs;
        c[1][0] = firstHzPerM;
        for (int i = 0; i < n; i++) {
            c[0][i + 1] = delayUs + (i + 0.5) * gradientRasterUs;
            c[1][i + 1] = amplitudeHzPerM * waveform.sample(i);
        }
        c[0][n + 1] = delayUs + n * gradientRasterUs;
        c[1][n + 1] = lastHzPerM;
        return c;
    }

    @Override
    public double endUs(double gradientRasterUs) {
        return time != null ? delayUs + time.sample(time.length() - 1) * gradientRasterUs : delayUs + waveform.length() * gradientRasterUs;
    }

    @Override
    public double valueAt(double tUs, double gradientRasterUs) {
        double[][] c = corners(gradientRasterUs);
        int n = c[0].length;
        if (tUs < c[0][0] || tUs > c[0][n - 1]) return 0;
        for (int i = 1; i < n; i++) {
            if (tUs <= c[0][i]) {
                double span = c[0][i] - c[0][i - 1];
                return span == 0 ? c[1][i] : c[1][i - 1] + (c[1][i] - c[1][i - 1]) * (tUs - c[0][i - 1]) / span;
            }
        }
        return c[1][n - 1];
    }

    @Override
    public double areaUntil(double tUs, double gradientRasterUs) {
        double[][] c = corners(gradientRasterUs);
        double area = 0;
        for (int i = 1; i < c[0].length && c[0][i - 1] < tUs; i++) {
            double t1 = Math.min(c[0][i], tUs);
            double span = c[0][i] - c[0][i - 1];
            double v1 = span == 0 ? c[1][i] : c[1][i - 1] + (c[1][i] - c[1][i - 1]) * (t1 - c[0][i - 1]) / span;
            area += 0.5 * (c[1][i - 1] + v1) * (t1 - c[0][i - 1]);
        }
        return area * 1e-6;
    }

    @Override
    public double peakHzPerM() {
        double peak = Math.max(Math.abs(firstHzPerM), Math.abs(lastHzPerM));
        for (int i = 0; i < waveform.length(); i++) peak = Math.max(peak, Math.abs(amplitudeHzPerM * waveform.sample(i)));
        return peak;
    }

    @Override
    public double peakSlewHzPerMPerS(double gradientRasterUs) {
        double[][] c = corners(gradientRasterUs);
        double peak = 0;
        for (int i = 1; i < c[0].length; i++) {
            double dv = Math.abs(c[1][i] - c[1][i - 1]);
            double dt = c[0][i] - c[0][i - 1];
            if (dv > 0) peak = Math.max(peak, dt <= 0 ? Double.POSITIVE_INFINITY : dv / (dt * 1e-6));
        }
        return peak;
    }
}
