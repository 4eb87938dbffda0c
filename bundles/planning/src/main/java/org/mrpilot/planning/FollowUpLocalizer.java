package org.mrpilot.planning;

import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;

/**
 * The follow-up localizer a first plan asks for: contiguous thin slices perpendicular to its AC-PC line, from
 * {@link #MARGIN_MM} anterior of its AC to as far posterior of its PC. Each slice shows the commissures' height
 * in-plane, which is what the AC-PC line's pitch depends on, and a commissure the first plan placed a few millimetres
 * off still lies in one of them. A three-plane localizer's thick slices often miss the commissures or cut them at their
 * edge, and the nets then infer them from the anatomy around; read again with these slices, the AC-PC line's error
 * tail shrinks (`docs/planning.md`, which also has the two smaller layouts tried first).
 */
public final class FollowUpLocalizer {
    /** Covers the head from anywhere between AC and PC. */
    static final double FOV_MM = 256;
    /** 2 mm pixels, the commissure close-up's own voxel. */
    static final int MATRIX = 128;
    /** The thinnest slice the nets trained on. */
    static final double THICKNESS_MM = 5;
    /** Beyond each commissure: more than the first plan's AC and PC errors along the line (p95 about 2 mm). */
    static final double MARGIN_MM = 5;
    public static final String NAME = "localizer follow-up across AC and PC";

    private FollowUpLocalizer() {
    }

    /** The slices for {@code frame}'s AC (its origin) and the PC {@code acPcDistanceMm} posterior of it. */
    public static SliceGroup through(AcPcFrame frame, double acPcDistanceMm, String frameOfReferenceUid, String patientPosition) {
        Vec3 centre = frame.toPatient(new Vec3(0, acPcDistanceMm / 2, 0));
        int slices = (int) Math.ceil((acPcDistanceMm + 2 * MARGIN_MM) / THICKNESS_MM);
        // read left, phase towards the feet: the normal (read x phase) points posterior, along the AC-PC line
        return new SliceGroup(NAME, centre, frame.left(), frame.superior().times(-1), FOV_MM, FOV_MM, MATRIX, MATRIX, THICKNESS_MM, 0, slices,
                frameOfReferenceUid, patientPosition);
    }
}
