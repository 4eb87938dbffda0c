package org.mrpilot.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.mapping.QuantitativeMap;
import org.mrpilot.api.mapping.RelaxometryKind;

class MleMapperTest {

    @Test
    void recoversT1AndInversionEfficiencyFromNoiseFreeSignals() {
        // Brain-like values incl. CSF; B is a field (the same here) off the grid, so LM has to move.
        double[] t1 = {0.42, 0.78, 1.4, 2.0, 3.5, 0.6};
        double[] a = {0.9, 0.65, 0.85, 1.0, 1.0, 0.7};
        double[] b = SyntheticSeries.constant(6, 1.83);
        try (MleMapper mle = new MleMapper(2)) {
            QuantitativeMap map = mle.map(SyntheticSeries.of(RelaxometryKind.T1, SyntheticSeries.TI_31, 3, 2, a, b, t1, 0, 1));
            for (int i = 0; i < t1.length; i++) {
                assertEquals(t1[i], map.relaxationS()[i], 1e-3 * t1[i], "T1 of pixel " + i);
                assertEquals(b[i], map.inversion()[i], 1e-3, "B of pixel " + i);
                assertEquals(a[i], map.amplitude()[i], 1e-3, "A of pixel " + i);
            }
            assertEquals("MLE", map.provenance());
        }
    }

    @Test
    void recoversT2IncludingCsf() {
        double[] t2 = {0.03, 0.05, 0.08, 0.11, 0.275, 0.7, 2.0, 3.0};
        double[] a = {0.9, 0.7, 0.65, 0.85, 1.0, 0.9, 1.0, 1.0};
        try (MleMapper mle = new MleMapper(1)) {
            QuantitativeMap map = mle.map(SyntheticSeries.of(RelaxometryKind.T2, SyntheticSeries.TE_6, 4, 2, a, null, t2, 0, 1));
            for (int i = 0; i < t2.length; i++) assertEquals(t2[i], map.relaxationS()[i], 1e-3 * t2[i], "T2 of pixel " + i);
            assertNull(map.inversion());
        }
    }

    @Test
    void noisyT1IsUnbiasedOnAverageAtHighSnr() {
        int n = 400;
        try (MleMapper mle = new MleMapper(0)) {
            QuantitativeMap map = mle.map(SyntheticSeries.of(RelaxometryKind.T1, SyntheticSeries.TI_31, 20, 20,
                    SyntheticSeries.constant(n, 0.85), SyntheticSeries.constant(n, 1.9), SyntheticSeries.constant(n, 1.4), 0.01, 7));
            double mean = 0;
            for (float v : map.relaxationS()) mean += v / n;
            assertEquals(1.4, mean, 0.02);
            double sd = Math.sqrt(Arrays.stream(toDouble(map.relaxationS())).map(v -> (v - 1.4) * (v - 1.4)).sum() / n);
            assertTrue(sd > 0.001 && sd < 0.1, "spread " + sd + " should reflect the noise");
        }
    }

    @Test
    void backgroundIsLeftOutOfTheMask() {
        double[] a = {1.0, 0.0};
        try (MleMapper mle = new MleMapper(1)) {
            QuantitativeMap map = mle.map(SyntheticSeries.of(RelaxometryKind.T2, SyntheticSeries.TE_6, 2, 1, a, null, new double[] {0.1, 0.1}, 0, 1));
            assertTrue(map.mask()[0]);
            assertFalse(map.mask()[1]);
            assertEquals(0f, map.relaxationS()[1]);
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
