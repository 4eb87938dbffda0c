package org.mrpilot.physics.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.TestAnatomies;
import org.mrpilot.physics.anatomy.Anatomy;
import org.mrpilot.physics.anatomy.Label;
import org.mrpilot.physics.anatomy.Landmarks;

class PoseAndLandmarksTest {
    private static final double EPS = 1e-9;

    /** Property over 300 seeds: landmarks move rigidly with the anatomy, and the anatomy around them moves along. */
    @Test
    void landmarksMoveExactlyWithTheAnatomy() {
        Anatomy anatomy = TestAnatomies.head();
        Landmarks head = anatomy.landmarks();
        double acPc = head.posteriorCommissure().minus(head.anteriorCommissure()).norm();
        double eyes = head.leftEye().minus(head.rightEye()).norm();
        Vec3[] probes = {new Vec3(0, 15, 40), new Vec3(30, -62, -30), new Vec3(-40, 20, 10), new Vec3(0, 60, -30)};
        for (long seed = 0; seed < 300; seed++) {
            VirtualPatient p = VirtualPatient.create(anatomy, seed, 3);
            RigidPose pose = p.pose();
            for (double a : pose.anglesDeg()) assertTrue(Math.abs(a) <= 25);
            Vec3 t = pose.translationMm();
            assertTrue(Math.abs(t.x()) <= 25 && Math.abs(t.y()) <= 25 && Math.abs(t.z()) <= 25);
            Landmarks l = p.landmarks();
            assertEquals(acPc, l.posteriorCommissure().minus(l.anteriorCommissure()).norm(), EPS);
            assertEquals(eyes, l.leftEye().minus(l.rightEye()).norm(), EPS);
            assertEquals(1, l.midSagittalNormal().norm(), EPS);
            // AC and PC lie on the mid-sagittal plane, the eyes symmetric about it
            assertEquals(0, l.anteriorCommissure().minus(l.midSagittalPoint()).dot(l.midSagittalNormal()), EPS);
            assertEquals(0, l.posteriorCommissure().minus(l.midSagittalPoint()).dot(l.midSagittalNormal()), EPS);
            assertTrue(l.leftEye().minus(l.midSagittalPoint()).dot(l.midSagittalNormal()) > 20, "left eye on the patient's left");
            // the tissue found at a moved point is the tissue of the original point
            for (Vec3 probe : probes) {
                Vec3 scanner = pose.toScanner(probe);
                assertEquals(Label.of(anatomy.labelAt(probe.x(), probe.y(), probe.z())), p.labelAt(scanner));
                Vec3 back = pose.toHead(scanner);
                assertEquals(0, back.minus(probe).norm(), 1e-9);
            }
        }
    }

    @Test
    void landmarksSitInTheRightTissue() {
        Anatomy anatomy = TestAnatomies.head();
        Landmarks l = anatomy.landmarks();
        assertEquals(Label.EYE, Label.of(anatomy.labelAt(l.leftEye().x(), l.leftEye().y(), l.leftEye().z())));
        assertEquals(Label.EYE, Label.of(anatomy.labelAt(l.rightEye().x(), l.rightEye().y(), l.rightEye().z())));
        assertTrue(Label.of(anatomy.labelAt(0, 0, 0)).brain, "AC inside the brain");
    }
}
