package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/** The mirror-symmetry plane search on analytic heads in known poses. */
class SymmetryPlaneSearchTest {

    /** The true plane turned by {@code angleDeg} about a random axis in it and moved {@code offsetMm} along its normal. */
    static Plane perturbed(Plane truth, double angleDeg, double offsetMm, Random random) {
        Vec3 n = truth.normal();
        Vec3 e1 = n.cross(Vec3.P).normalized(), e2 = n.cross(e1);
        double phi = random.nextDouble() * 2 * Math.PI;
        Vec3 axis = e1.times(Math.cos(phi)).plus(e2.times(Math.sin(phi)));
        Vec3 tilted = n.times(Math.cos(Math.toRadians(angleDeg))).plus(axis.times(Math.sin(Math.toRadians(angleDeg))));
        return new Plane(truth.pointMm().plus(n.times(offsetMm)), tilted);
    }

    @Test
    void findsTheMirrorPlaneOfASymmetricHeadInRandomPoses() {
        Random random = new Random(5);
        for (int i = 0; i < 4; i++) {
            SyntheticHead head = new SyntheticHead(uniform(random, 25), uniform(random, 25), uniform(random, 25),
                    new Vec3(uniform(random, 20), uniform(random, 20), uniform(random, 20)), 0);
            List<ImageSlice> localizer = head.localizer(5, 7, new Vec3(uniform(random, 10), uniform(random, 10), uniform(random, 10)), 0.03, 0, i);
            long t0 = System.nanoTime();
            SymmetryFit fit = SymmetryPlaneSearch.fit(localizer, perturbed(head.midSagittal(), 15, 6, random));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double angle = fit.chosen().normal().axisAngleDeg(head.midSagittal().normal());
            double offset = head.midSagittal().signedDistanceMm(fit.chosen().pointMm());
            System.out.printf("pose %d: angle %.3f deg offset %.3f mm correlation %.3f paired %.2f %.2f s%n", i, angle, offset, fit.correlation(), fit.pairedFraction(), seconds);
            assertTrue(fit.used(), fit.reason());
            assertTrue(angle < 0.6, "pose " + i + ": plane off by " + angle + " deg");
            assertEquals(0, offset, 0.5, "pose " + i);
            assertTrue(fit.confidence() > 0.5, "confidence " + fit.confidence());
        }
    }

    @Test
    void toleratesLowSnrAndAStrongBiasField() {
        Random random = new Random(6);
        SyntheticHead head = new SyntheticHead(-18, 12, 20, new Vec3(8, -12, 5), 0);
        // noise sigma 0.08 of the brightest tissue (SNR about 8 in the brain); gain 0.5 to 2 across the field of view
        List<ImageSlice> localizer = head.localizer(4, 8, new Vec3(12, -5, 15), 0.08, 0.006, 9);
        SymmetryFit fit = SymmetryPlaneSearch.fit(localizer, perturbed(head.midSagittal(), 18, -8, random));
        double angle = fit.chosen().normal().axisAngleDeg(head.midSagittal().normal());
        assertTrue(fit.used(), fit.reason());
        assertTrue(angle < 1, "plane off by " + angle + " deg");
    }

    @Test
    void aLocalizerOfOneSlicePerPlaneStillGivesThePlane() {
        Random random = new Random(7);
        SyntheticHead head = new SyntheticHead(10, -15, 8, new Vec3(-5, 10, 0), 0);
        List<ImageSlice> localizer = head.localizer(1, 8, new Vec3(0, 5, 10), 0.03, 0, 11);
        SymmetryFit fit = SymmetryPlaneSearch.fit(localizer, perturbed(head.midSagittal(), 10, 4, random));
        double angle = fit.chosen().normal().axisAngleDeg(head.midSagittal().normal());
        assertTrue(fit.used(), fit.reason());
        assertTrue(angle < 2, "plane off by " + angle + " deg");
    }

    @Test
    void anAsymmetricHeadGetsLessConfidenceThanASymmetricOne() {
        Random random = new Random(8);
        Vec3 centre = new Vec3(0, 5, 10);
        SyntheticHead symmetric = new SyntheticHead(5, 5, 5, Vec3.ZERO, 0), asymmetric = new SyntheticHead(5, 5, 5, Vec3.ZERO, 1);
        SymmetryFit good = SymmetryPlaneSearch.fit(symmetric.localizer(3, 8, centre, 0.05, 0, 1), perturbed(symmetric.midSagittal(), 8, 3, random));
        SymmetryFit bad = SymmetryPlaneSearch.fit(asymmetric.localizer(3, 8, centre, 0.05, 0, 1), perturbed(asymmetric.midSagittal(), 8, 3, random));
        assertTrue(bad.correlation() < good.correlation() - 0.05, "correlation " + bad.correlation() + " vs " + good.correlation());
        assertTrue(bad.confidence() < good.confidence(), "confidence " + bad.confidence() + " vs " + good.confidence());
    }

    @Test
    void noiseFallsBackToTheStartPlaneWithZeroConfidence() {
        Random random = new Random(9);
        SyntheticHead nothing = new SyntheticHead(0, 0, 0, new Vec3(0, 0, 900), 0); // the head is far outside the slices
        List<ImageSlice> noise = nothing.localizer(3, 8, Vec3.ZERO, 0.05, 0, 2);
        Plane start = new Plane(new Vec3(3, 4, 5), new Vec3(1, 0.2, 0.1));
        SymmetryFit fit = SymmetryPlaneSearch.fit(noise, start);
        assertFalse(fit.used());
        assertEquals(start, fit.chosen());
        assertEquals(0, fit.confidence());
        assertTrue(fit.reason().startsWith("net plane"), fit.reason());
    }

    @Test
    void refusesAnEmptyLocalizer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymmetryPlaneSearch.fit(List.of(), new Plane(Vec3.ZERO, Vec3.L)));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
    }

    private static double uniform(Random random, double half) {
        return (2 * random.nextDouble() - 1) * half;
    }
}
