package org.mrpilot.cli.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.mapping.SignalModel;

class TextureFloorTest {
    private static HeldOutHead head;

    @BeforeAll
    static void slice() {
        head = new HeldOutHead(HeldOutHead.SEED);
    }

    @Test
    void twoEchoesDetermineT2ExactlySoTheBoundIsTheDeltaMethodVariance() {
        // T2 = (t2 - t1) / ln(S1 / S2): with A free and two echoes the fit is the closed form, whose variance is exact.
        double a = 0.8, t2 = 0.09, sigma = 0.01, e1 = 0.02, e2 = 0.1;
        double s1 = a * Math.exp(-e1 / t2), s2 = a * Math.exp(-e2 / t2), log = Math.log(s1 / s2);
        double sd = sigma * (e2 - e1) / (log * log) * Math.sqrt(1 / (s1 * s1) + 1 / (s2 * s2));
        assertEquals(sd / t2, TextureFloor.relativeCramerRao(SignalModel.of(RelaxometryKind.T2), new double[] {a, t2}, new double[] {e1, e2}, sigma), 1e-9);
    }

    @Test
    void atHighSnrAPixelKeepsItsOwnEstimateAndTheFloorVanishes() {
        TextureFloor.Result r = new TextureFloor(RelaxometryKind.T2, RimBenchmark.TE_6, head, head.brain).at(10_000, 20, Double.POSITIVE_INFINITY);
        assertEquals(1.0, r.ownShare(), 1e-12);
        assertTrue(r.absBiasMedian() < 1e-3, "floor " + r.absBiasMedian());
    }

    @Test
    void atLowSnrTheFloorIsTheTextureItselfAndMoreRealisationsLowerIt() {
        TextureFloor floor = new TextureFloor(RelaxometryKind.T2, RimBenchmark.TE_6, head, head.brain);
        TextureFloor.Result twenty = floor.at(10, 20, Double.POSITIVE_INFINITY);
        TextureFloor.Result hundred = floor.at(10, 100, Double.POSITIVE_INFINITY);
        // sharing nothing leaves the whole texture: its median |deviation| is the ceiling of the floor
        TextureFloor.Result none = floor.at(10, 20, 0);
        assertEquals(0.0, none.ownShare(), 1e-12);
        assertTrue(none.absBiasMedian() > 0.01 && none.absBiasMedian() < 0.05, "phantom texture " + none.absBiasMedian());
        assertTrue(twenty.absBiasMedian() < none.absBiasMedian() && hundred.absBiasMedian() < twenty.absBiasMedian(),
                twenty + " " + hundred);
        assertTrue(hundred.ownShare() > twenty.ownShare(), "with more realisations the noise costs less, so more of the pixel is kept");
    }

    @Test
    void aCvCeilingIsRespected() {
        TextureFloor floor = new TextureFloor(RelaxometryKind.T1, RimBenchmark.TI_31, head, head.brain);
        TextureFloor.Result free = floor.at(10, 20, Double.POSITIVE_INFINITY);
        TextureFloor.Result capped = floor.at(10, 20, free.cvMedian() / 2);
        assertTrue(capped.cvMedian() <= free.cvMedian() / 2 && capped.ownShare() < free.ownShare());
        assertTrue(capped.absBiasMedian() >= free.absBiasMedian());
    }
}
