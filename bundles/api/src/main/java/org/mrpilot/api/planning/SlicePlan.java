package org.mrpilot.api.planning;

import java.util.List;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;

/**
 * A slice plan from one localizer.
 *
 * @param sliceGroups           axial (AC-PC aligned), coronal and sagittal stacks, as the scanner adapters consume them
 * @param anteriorCommissureMm  AC, LPS mm
 * @param posteriorCommissureMm PC, LPS mm
 * @param midSagittalPointMm    a point of the fitted mid-sagittal plane, LPS mm
 * @param midSagittalNormal     unit normal of that plane (towards the patient's left)
 * @param confidence            0-1, how sure the planner is of the landmarks
 * @param commissuresImaged     true when both AC and PC lie in a localizer slice; false means the AC-PC line was inferred
 *                              from the anatomy around them, and the operator should check it
 * @param followUpLocalizer     on a plan from the localizer alone: thin localizer slices across its AC and PC to acquire
 *                              and plan again with ({@link PlanningService#plan(List, List)}); null on that second plan,
 *                              or when no net can read them
 * @param quality               the localizer's quality verdict
 * @param autoExecute           true when site policy allows running this plan without the operator's confirmation
 */
public record SlicePlan(List<SliceGroup> sliceGroups, Vec3 anteriorCommissureMm, Vec3 posteriorCommissureMm, Vec3 midSagittalPointMm,
                        Vec3 midSagittalNormal, double confidence, boolean commissuresImaged, SliceGroup followUpLocalizer,
                        QualityVerdict quality, boolean autoExecute) {
    public SlicePlan {
        sliceGroups = List.copyOf(sliceGroups);
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
}
