package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.patient.VirtualPatient;

class CommissureRefinerTest {

    @Test
    void anUntiltedHeadGetsTheScannerAxes() {
        for (Vec3 normal : new Vec3[] {Vec3.L, Vec3.L.times(-1)}) {
            Vec3[] axes = CommissureRefiner.frame(new Plane(Vec3.ZERO, normal));
            assertEquals(0, axes[0].minus(Vec3.L).norm(), 1e-12);
            assertEquals(0, axes[1].minus(Vec3.P).norm(), 1e-12);
            assertEquals(0, axes[2].minus(Vec3.S).norm(), 1e-12);
        }
    }

    @Test
    void theFrameIsRightHandedOrthonormalWithXAlongThePlaneNormal() {
        Random random = new Random(3);
        for (int t = 0; t < 200; t++) {
            Vec3 normal = new Vec3(1 + random.nextGaussian() * 0.4, random.nextGaussian() * 0.4, random.nextGaussian() * 0.4).normalized();
            Vec3[] a = CommissureRefiner.frame(new Plane(Vec3.ZERO, normal));
            assertEquals(1, Math.abs(a[0].dot(normal)), 1e-12);
            for (int i = 0; i < 3; i++) {
                assertEquals(1, a[i].norm(), 1e-12);
                for (int j = i + 1; j < 3; j++) assertEquals(0, a[i].dot(a[j]), 1e-12);
            }
            assertEquals(0, a[0].cross(a[1]).minus(a[2]).norm(), 1e-12);
            assertEquals(0, a[1].dot(Vec3.S), 1e-12, "posterior stays horizontal: the net sees the pitch, not the roll");
        }
    }

    /**
     * The committed close-up net on fresh localizers (random pose and localizer settings, subjects never trained on):
     * AC and PC must end up clearly closer to the truth than the first look put them.
     */
    @Test
    void theCloseUpNetBringsTheCommissuresCloserThanTheFirstLook() throws Exception {
        var host = PlanningNets.host();
        LocalizerResampler resampler = new LocalizerResampler(CanonicalGrid.DEFAULT);
        LandmarkDetector detector = new LandmarkDetector(host);
        CommissureRefiner refiner = new CommissureRefiner(host);
        double first = 0, refined = 0;
        int n = 8;
        for (int i = 0; i < n; i++) {
            VirtualPatient patient = VirtualPatient.procedural(7_700 + i, 3);
            List<ImageSlice> localizer = Patients.localizer(patient, Localizer.randomSettings(patient.seed(), 128, 5));
            DetectedLandmarks found = detector.detect(resampler.resample(localizer));
            Plane plane = SymmetryPlaneSearch.fit(localizer, RobustPlaneFit.fit(found.pointsMm(), new double[] {1, 1, 1, 1, 1})).chosen();
            DetectedLandmarks onPlane = found.projectedOnto(plane);
            CommissureRefiner.Commissures c = refiner.refine(localizer, onPlane.ac(), onPlane.pc(), plane).orElseThrow();
            Vec3 ac = patient.landmarks().anteriorCommissure(), pc = patient.landmarks().posteriorCommissure();
            first += onPlane.ac().minus(ac).norm() + onPlane.pc().minus(pc).norm();
            refined += c.ac().minus(ac).norm() + c.pc().minus(pc).norm();
            assertEquals(0, plane.signedDistanceMm(c.ac()), 1e-9, "on the plane");
            assertTrue(c.acSpreadMm() > 0 && c.pcSpreadMm() > 0);
        }
        first /= 2 * n;
        refined /= 2 * n;
        assertTrue(refined < 0.75 * first, "mean commissure error: first look " + first + " mm, close-up " + refined + " mm");
    }

    @Test
    void aCommissureRegionNoSliceShowsLeavesTheFirstLookStanding() throws Exception {
        VirtualPatient patient = VirtualPatient.procedural(7_801, 3);
        List<ImageSlice> localizer = Patients.localizer(patient, Localizer.DEFAULT);
        Vec3 far = new Vec3(0, 0, 300); // 300 mm above the isocentre: no localizer slice comes near
        var refined = new CommissureRefiner(PlanningNets.host()).refine(localizer, far, far.plus(Vec3.P.times(27)), new Plane(far, Vec3.L));
        assertTrue(refined.isEmpty());
    }
}
