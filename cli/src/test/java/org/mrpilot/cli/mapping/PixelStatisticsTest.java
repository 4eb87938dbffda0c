package org.mrpilot.cli.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PixelStatisticsTest {
    @Test
    void standardErrorOfTheMeanIsTheSampleSdOverRootRRelativeToTruth() {
        PixelStatistics s = new PixelStatistics(2);
        s.add(new float[] {1, 5});
        s.add(new float[] {3, 5});
        // pixel 0: mean 2, sample variance 2, R = 2: standard error 1, truth 2; pixel 1 excluded
        assertArrayEquals(new double[] {0.5}, s.relativeStandardErrorOfMean(new float[] {2, 4}, new boolean[] {true, false}), 1e-12);
    }

    @Test
    void anUnbiasedEstimatorsMedianAbsoluteBiasSitsAtTheNoiseFloor() {
        int pixels = 20_000, realisations = 20;
        PixelStatistics s = new PixelStatistics(pixels);
        Random noise = new Random(7);
        float[] truth = new float[pixels];
        Arrays.fill(truth, 1f);
        for (int r = 0; r < realisations; r++) {
            float[] estimate = new float[pixels];
            for (int i = 0; i < pixels; i++) estimate[i] = (float) (1 + 0.1 * noise.nextGaussian());
            s.add(estimate);
        }
        boolean[] all = new boolean[pixels];
        Arrays.fill(all, true);
        double measured = PixelStatistics.medianAbs(s.relativeBias(truth, all));
        double floor = RimBenchmark.HALF_NORMAL_MEDIAN * PixelStatistics.median(s.relativeStandardErrorOfMean(truth, all));
        assertEquals(0.6745 * 0.1 / Math.sqrt(realisations), measured, 0.001);
        assertEquals(measured, floor, 0.03 * measured);
    }
}
