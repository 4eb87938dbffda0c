package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.anatomy.Landmarks;
import org.mrpilot.physics.patient.VirtualPatient;

/** Plane fit, AC-PC frame and stack planning on the ground-truth landmarks of posed virtual patients. */
class GeometryFitTest {

    @Test
    void planeFitRecoversTheMidSagittalPlaneDespiteAnOutlier() {
        for (long seed = 21; seed < 24; seed++) {
            VirtualPatient patient = VirtualPatient.procedural(seed, 3);
            Landmarks truth = patient.landmarks();
            List<Vec3> points = new ArrayList<>(Patients.midSagittalPoints(patient));
            points.add(points.get(0).plus(truth.midSagittalNormal().times(25))); // one landmark 25 mm off the plane
            Plane plane = RobustPlaneFit.fit(points, null);
            double angle = plane.normal().angleDeg(truth.midSagittalNormal());
            assertTrue(Math.min(angle, 180 - angle) < 0.01, "seed " + seed + ": normal off by " + angle + " deg");
            assertEquals(0, new Plane(truth.midSagittalPoint(), truth.midSagittalNormal()).signedDistanceMm(plane.pointMm()), 1e-6);
            double plain = RobustPlaneFit.weighted(points, ones(points.size())).normal().angleDeg(truth.midSagittalNormal());
            assertTrue(Math.min(plain, 180 - plain) > 1, "the outlier must tilt a non-robust fit");
        }
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    @Test
    void planeFitNeedsThreePoints() {
        assertThrows(IllegalArgumentException.class, () -> RobustPlaneFit.fit(List.of(Vec3.ZERO, Vec3.L), null));
    }

    @Test
    void acPcFrameFollowsTheLandmarks() {
        VirtualPatient patient = VirtualPatient.procedural(31, 3);
        Landmarks l = patient.landmarks();
        AcPcFrame frame = AcPcFrame.of(l.anteriorCommissure(), l.posteriorCommissure(), new Plane(l.midSagittalPoint(), l.midSagittalNormal().times(-1)));
        assertEquals(0, frame.left().angleDeg(l.midSagittalNormal()), 1e-9, "normal turned to the left");
        assertEquals(0, frame.posterior().angleDeg(l.posteriorCommissure().minus(l.anteriorCommissure())), 1.0);
        assertEquals(90, frame.posterior().angleDeg(frame.left()), 1e-9);
        assertEquals(90, frame.superior().angleDeg(frame.posterior()), 1e-9);
        // the frame is rotated with the head: superior stays within the pose's rotation of the scanner S
        assertTrue(frame.superior().angleDeg(Vec3.S) < 45);
        Vec3 p = new Vec3(10, -20, 30);
        assertEquals(0, frame.toPatient(frame.toFrame(p)).minus(p).norm(), 1e-9);
    }

    @Test
    void stacksAreAlignedAndCoverTheWholeBrain() {
        VirtualPatient patient = VirtualPatient.procedural(41, 3);
        Landmarks l = patient.landmarks();
        AcPcFrame frame = AcPcFrame.of(l.anteriorCommissure(), l.posteriorCommissure(), new Plane(l.midSagittalPoint(), l.midSagittalNormal()));
        List<Vec3> brain = Patients.brainPoints(patient);
        List<SliceGroup> stacks = new StackPlanner(StackSettings.DEFAULT).plan(frame, BrainBox.around(brain, frame), patient.frameOfReferenceUid());
        SliceGroup axial = stacks.get(0), coronal = stacks.get(1), sagittal = stacks.get(2);
        assertEquals(0, axial.normal().angleDeg(frame.superior()), 1e-9);
        assertEquals(0, coronal.normal().angleDeg(frame.posterior()), 1e-9);
        assertEquals(0, Math.min(sagittal.normal().angleDeg(l.midSagittalNormal()), 180 - sagittal.normal().angleDeg(l.midSagittalNormal())), 1e-9);
        for (SliceGroup g : stacks) assertEquals(1.0, Coverage.fractionInside(g, brain), 0.0, g.name());
        // brains are 120-200 mm tall: 4 mm slices at 5 mm spacing plus margins
        assertTrue(axial.sliceCount() > 24 && axial.sliceCount() < 50, "axial slices " + axial.sliceCount());
    }
}
