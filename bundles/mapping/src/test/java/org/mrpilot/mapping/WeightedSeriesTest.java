package org.mrpilot.mapping;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.api.mapping.WeightedSeries;

class WeightedSeriesTest {
    private static float[][] images(int n) {
        return new float[n][4];
    }

    private static String refusal(double[] times, float[][] images) {
        return assertThrows(IllegalArgumentException.class, () -> new WeightedSeries(RelaxometryKind.T1, times, 2, 2, images)).getMessage();
    }

    @Test
    void refusesMissingTimes() {
        assertTrue(refusal(new double[0], images(5)).contains("inversion times are missing"));
        assertTrue(refusal(null, images(5)).contains("missing"));
    }

    @Test
    void refusesNonIncreasingTimes() {
        assertTrue(refusal(new double[] {0.1, 0.2, 0.2, 0.3, 0.4}, images(5)).contains("increase strictly"));
        assertTrue(refusal(new double[] {0.1, 0.3, 0.2, 0.4, 0.5}, images(5)).contains("increase strictly"));
    }

    @Test
    void refusesNegativeOrNonFiniteTimes() {
        assertTrue(refusal(new double[] {-0.1, 0.2, 0.3, 0.4, 0.5}, images(5)).contains(">= 0"));
        assertTrue(refusal(new double[] {0.1, Double.NaN, 0.3, 0.4, 0.5}, images(5)).contains("finite"));
    }

    @Test
    void refusesCountMismatchAndTooFewImages() {
        assertTrue(refusal(new double[] {0.1, 0.2, 0.3, 0.4}, images(5)).contains("4 inversion times given for 5 images"));
        assertTrue(refusal(new double[] {0.1, 0.2, 0.3}, images(3)).contains("at least 4"));
    }

    @Test
    void refusesWrongImageSizeAndNonFinitePixels() {
        float[][] im = images(5);
        im[2] = new float[3];
        assertTrue(refusal(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, im).contains("image 3"));
        float[][] nan = images(5);
        nan[1][0] = Float.NaN;
        assertTrue(refusal(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, nan).contains("non-finite"));
    }
}
