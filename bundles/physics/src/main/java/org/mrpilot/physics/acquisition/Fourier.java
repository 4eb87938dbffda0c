package org.mrpilot.physics.acquisition;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Image <-> centred k-space by 2D FFT (JTransforms). Forward is unnormalised, inverse divides by rows*columns,
 * so inverse(forward(x)) = x. The centring shifts move k = 0 (and x = 0) to index (n / 2).
 */
public final class Fourier {
    private Fourier() {
    }

    /** Centred k-space of a real image (row-major, rows x columns). */
    public static KSpace forward(float[] image, int rows, int columns) {
        if (image.length != rows * columns) throw new IllegalArgumentException("image size does not match " + rows + "x" + columns);
        double[] a = new double[2 * image.length];
        for (int i = 0; i < image.length; i++) a[2 * i] = image[i];
        a = shift(a, rows, columns, true);
        new DoubleFFT_2D(rows, columns).complexForward(a);
        return new KSpace(rows, columns, shift(a, rows, columns, false));
    }

    /** Complex image (interleaved) of a centred k-space. */
    public static double[] inverse(KSpace k) {
        double[] a = shift(k.data(), k.rows(), k.columns(), true);
        new DoubleFFT_2D(k.rows(), k.columns()).complexInverse(a, true);
        return shift(a, k.rows(), k.columns(), false);
    }

    /** Magnitude image of a centred k-space. */
    public static float[] magnitude(KSpace k) {
        double[] c = inverse(k);
        float[] out = new float[c.length / 2];
        for (int i = 0; i < out.length; i++) out[i] = (float) Math.hypot(c[2 * i], c[2 * i + 1]);
        return out;
    }

    /**
     * Circular shift by n/2 on both axes (fftshift when {@code undo} is false, ifftshift when true); the
     * two differ only for odd sizes.
     */
    static double[] shift(double[] a, int rows, int columns, boolean undo) {
        double[] out = new double[a.length];
        int sr = undo ? (rows + 1) / 2 : rows / 2, sc = undo ? (columns + 1) / 2 : columns / 2;
        for (int r = 0; r < rows; r++) {
            int rr = (r + sr) % rows;
            for (int c = 0; c < columns; c++) {
                int cc = (c + sc) % columns;
                out[2 * (rr * columns + cc)] = a[2 * (r * columns + c)];
                out[2 * (rr * columns + cc) + 1] = a[2 * (r * columns + c) + 1];
            }
        }
        return out;
    }
}
