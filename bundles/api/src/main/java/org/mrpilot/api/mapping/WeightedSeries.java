package org.mrpilot.api.mapping;

import java.util.Arrays;

/**
 * N weighted magnitude images of one slice with the time each was acquired at.
 *
 * @param timesS  inversion times (T1) or echo/preparation times (T2) in seconds, strictly increasing, >= 0
 * @param images  N images, each row-major {@code rows * columns}
 */
public record WeightedSeries(RelaxometryKind kind, double[] timesS, int columns, int rows, float[][] images) {

    /** Refuses, with the reason, times that are missing, negative, non-increasing or don't match the images. */
    public WeightedSeries {
        if (kind == null) throw new IllegalArgumentException("relaxometry kind is missing");
        if (timesS == null || timesS.length == 0) throw new IllegalArgumentException(kind.timesName() + " are missing");
        if (images == null || images.length == 0) throw new IllegalArgumentException("no weighted images given");
        if (timesS.length != images.length) {
            throw new IllegalArgumentException(timesS.length + " " + kind.timesName() + " given for " + images.length + " images");
        }
        if (images.length < kind.minimumImages()) {
            throw new IllegalArgumentException(kind + " mapping needs at least " + kind.minimumImages() + " images, got " + images.length);
        }
        for (int i = 0; i < timesS.length; i++) {
            if (!Double.isFinite(timesS[i]) || timesS[i] < 0) {
                throw new IllegalArgumentException(kind.timesName() + " must be finite and >= 0 s, got " + timesS[i] + " at position " + (i + 1));
            }
            if (i > 0 && !(timesS[i] > timesS[i - 1])) {
                throw new IllegalArgumentException(kind.timesName() + " must increase strictly, got " + timesS[i - 1] + " then " + timesS[i] + " s");
            }
        }
        if (columns <= 0 || rows <= 0) throw new IllegalArgumentException("image size must be positive, got " + columns + "x" + rows);
        for (int i = 0; i < images.length; i++) {
            if (images[i] == null || images[i].length != (long) columns * rows) {
                throw new IllegalArgumentException("image " + (i + 1) + " does not have " + columns + "x" + rows + " pixels");
            }
            for (float v : images[i]) {
                if (!Float.isFinite(v)) throw new IllegalArgumentException("image " + (i + 1) + " contains a non-finite value");
            }
        }
        timesS = timesS.clone();
        images = Arrays.stream(images).map(float[]::clone).toArray(float[][]::new);
    }

    public int count() {
        return timesS.length;
    }

    public int pixels() {
        return columns * rows;
    }

    @Override
    public double[] timesS() {
        return timesS.clone();
    }

    /** Image {@code n} without copying; callers must not modify it. */
    public float[] image(int n) {
        return images[n];
    }

    @Override
    public float[][] images() {
        return Arrays.stream(images).map(float[]::clone).toArray(float[][]::new);
    }
}
