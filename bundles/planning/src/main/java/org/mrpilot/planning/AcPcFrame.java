package org.mrpilot.planning;

import org.mrpilot.api.geometry.Vec3;

/**
 * The patient's anatomical frame: origin at AC, {@code left} the mid-sagittal normal, {@code posterior} along the
 * AC-PC line (AC to PC), {@code superior} = left x posterior. AC and PC are projected onto the mid-sagittal plane
 * first, so the AC-PC line is the least-squares line within the plane and the frame is exactly orthonormal.
 */
public record AcPcFrame(Vec3 originMm, Vec3 left, Vec3 posterior, Vec3 superior) {

    public static AcPcFrame of(Vec3 acMm, Vec3 pcMm, Plane midSagittal) {
        Vec3 normal = midSagittal.normal();
        Vec3 left = normal.x() >= 0 ? normal : normal.times(-1);
        Plane msp = new Plane(midSagittal.pointMm(), left);
        Vec3 ac = msp.project(acMm), pc = msp.project(pcMm);
        Vec3 acToPc = pc.minus(ac);
        if (acToPc.norm() < 5) throw new IllegalArgumentException(String.format("AC and PC are %.1f mm apart; they cannot define a line", acToPc.norm()));
        Vec3 posterior = acToPc.normalized();
        return new AcPcFrame(ac, left, posterior, left.cross(posterior));
    }

    /** Frame coordinates (left, posterior, superior in mm from AC) of a patient point. */
    public Vec3 toFrame(Vec3 pMm) {
        Vec3 d = pMm.minus(originMm);
        return new Vec3(d.dot(left), d.dot(posterior), d.dot(superior));
    }

    public Vec3 toPatient(Vec3 frameMm) {
        return originMm.plus(left.times(frameMm.x())).plus(posterior.times(frameMm.y())).plus(superior.times(frameMm.z()));
    }
}
