package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;

/** The follow-up localizer's geometry: contiguous slices perpendicular to the AC-PC line, past both commissures. */
class FollowUpLocalizerTest {

    @Test
    void slicesRunAlongTheCommissureLineAndPastBothEnds() {
        // a head pitched 10 deg and rolled 5 deg: AC at (2, -10, 5), PC 27 mm away along the pitched line
        Vec3 normal = new Vec3(Math.cos(Math.toRadians(5)), 0, Math.sin(Math.toRadians(5)));
        Vec3 ac = new Vec3(2, -10, 5);
        Vec3 along = new Vec3(0, Math.cos(Math.toRadians(10)), Math.sin(Math.toRadians(10)));
        Vec3 inPlane = along.minus(normal.times(along.dot(normal))).normalized();
        Vec3 pc = ac.plus(inPlane.times(27));
        AcPcFrame frame = AcPcFrame.of(ac, pc, new Plane(ac, normal));

        SliceGroup g = FollowUpLocalizer.through(frame, 27, "1.2.3", "HFS");

        assertEquals(0, g.normal().angleDeg(pc.minus(ac)), 1e-9);
        assertEquals(0, g.gapMm());
        assertEquals(FollowUpLocalizer.THICKNESS_MM, g.thicknessMm());
        assertEquals(8, g.sliceCount(), "27 mm plus 5 mm on each side in 5 mm slices");
        assertEquals(0, g.centreMm().minus(ac.plus(pc).times(0.5)).norm(), 1e-9);
        double first = g.sliceCentreMm(0).minus(ac).dot(inPlane) - g.thicknessMm() / 2;
        double last = g.sliceCentreMm(g.sliceCount() - 1).minus(pc).dot(inPlane) + g.thicknessMm() / 2;
        assertTrue(first <= -FollowUpLocalizer.MARGIN_MM && last >= FollowUpLocalizer.MARGIN_MM, first + " / " + last + " mm beyond AC / PC");
        assertEquals(0, g.readDirection().angleDeg(frame.left()), 1e-9, "rows run left, so the mid-sagittal plane is an image column");
        assertEquals("1.2.3", g.frameOfReferenceUid());
    }
}
