package org.mrpilot.sequence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SafetyReport;
import org.mrpilot.api.sequence.SequenceKind;

/** An oblique plan adds the logical gradients onto the physical axes; every protocol must still pass the checker. */
class ObliquePlanSafetyTest {
    private static final SafetyLimits SIEMENS = SafetyLimits.siemensLike();

    /** The default geometry of {@code p} (one slice, few lines to stay fast) turned by {@code aboutSDeg} about S, then {@code aboutLDeg} about L. */
    private static SliceGroup oblique(Protocol p, double aboutSDeg, double aboutLDeg) {
        SliceGroup d = p.defaultGeometry();
        int lines = p.kind() == SequenceKind.INVERSION_RECOVERY ? 4 : 16;
        return new SliceGroup(d.name(), d.centreMm(), turn(d.readDirection(), aboutSDeg, aboutLDeg), turn(d.phaseDirection(), aboutSDeg, aboutLDeg),
                d.fovReadMm(), d.fovPhaseMm(), d.matrixRead(), lines, d.thicknessMm(), d.gapMm(), 1, d.frameOfReferenceUid(), d.patientPosition());
    }

    private static Vec3 turn(Vec3 v, double aboutSDeg, double aboutLDeg) {
        double a = Math.toRadians(aboutSDeg);
        double b = Math.toRadians(aboutLDeg);
        Vec3 z = new Vec3(v.x() * Math.cos(a) - v.y() * Math.sin(a), v.x() * Math.sin(a) + v.y() * Math.cos(a), v.z());
        return new Vec3(z.x(), z.y() * Math.cos(b) - z.z() * Math.sin(b), z.y() * Math.sin(b) + z.z() * Math.cos(b));
    }

    private static void everyProtocolIsSafe(double aboutSDeg, double aboutLDeg) {
        for (Protocol p : Protocols.all().values()) {
            SliceGroup g = oblique(p, aboutSDeg, aboutLDeg);
            for (GradientRotation mode : GradientRotation.values()) {
                SafetyReport r = SafetyChecker.check(SequenceBuilder.build(p, g, SIEMENS, mode), SIEMENS, p.parameters().repetitionTimeS());
                assertTrue(r.ok(), p.name() + " " + mode + " at " + aboutSDeg + "/" + aboutLDeg + " deg: " + r.summary());
            }
        }
    }

    @Test
    void doubleObliqueTwentyDegreesIsSafe() {
        everyProtocolIsSafe(20, 20);
    }

    @Test
    void worstCaseObliqueSpreadingEachAxisOverAllThreeIsSafe() {
        // 45 deg then atan(1/sqrt 2) = 35.26 deg puts the slice normal on the space diagonal.
        everyProtocolIsSafe(45, Math.toDegrees(Math.atan(1 / Math.sqrt(2))));
    }
}
