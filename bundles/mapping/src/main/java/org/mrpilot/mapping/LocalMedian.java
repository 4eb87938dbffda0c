package org.mrpilot.mapping;

import java.util.Arrays;

/** Median of the masked values in a square window around every masked pixel (a robust smooth field). */
final class LocalMedian {
    private LocalMedian() {
    }

    static float[] of(float[] values, boolean[] mask, int columns, int rows, int window) {
        int half = window / 2;
        float[] out = new float[values.length];
        float[] buffer = new float[window * window];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int i = r * columns + c;
                if (!mask[i]) continue;
                int n = 0;
                for (int rr = Math.max(0, r - half); rr <= Math.min(rows - 1, r + half); rr++) {
                    for (int cc = Math.max(0, c - half); cc <= Math.min(columns - 1, c + half); cc++) {
                        if (mask[rr * columns + cc]) buffer[n++] = values[rr * columns + cc];
                    }
                }
                Arrays.sort(buffer, 0, n);
                out[i] = n % 2 == 1 ? buffer[n / 2] : (buffer[n / 2 - 1] + buffer[n / 2]) / 2;
            }
        }
        return out;
    }
}
