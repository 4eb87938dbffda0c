package org.mrpilot.planning;

import java.util.List;
import java.util.Optional;
import org.mrpilot.api.geometry.SliceGroup;

/**
 * A slice plan from one localizer.
 *
 * @param stacks       axial, coronal and sagittal slice groups, in that order
 * @param landmarks    what the net found (LPS mm), projected onto {@code midSagittal} (all five lie on that plane)
 * @param midSagittal  the mid-sagittal plane: the localizer's mirror-symmetry plane, or the net's if the symmetry was weak
 * @param frame        the AC-PC frame the stacks are aligned to
 * @param brainBox     the brain extent the stacks cover, in frame coordinates
 * @param confidence   0-1, not yet calibrated: with the symmetry plane, the smaller of the AC and PC heatmap-spread
 *                     weights and {@link SymmetryFit#confidence()}; with the net's plane, the smallest spread weight
 * @param commissuresImaged true when both AC and PC lie in a localizer slice ({@link SlabCoverage}); false means the
 *                     AC-PC line was inferred from the anatomy around them
 * @param followUpLocalizer on a first plan (with the commissure net loaded): the slices across its AC and PC to acquire
 *                     and plan again with ({@link SlicePlanner#planWithFollowUp}); empty on the plan that used them
 * @param symmetry     where {@code midSagittal} comes from: net plane, symmetry plane, mirror correlation, reason
 * @param quality      the quality net's verdict on the localizer (usable, or there would be no plan); null when the
 *                     quality net is not loaded
 */
public record Plan(List<SliceGroup> stacks, DetectedLandmarks landmarks, Plane midSagittal, AcPcFrame frame, BrainBox brainBox, double confidence,
                   boolean commissuresImaged, Optional<SliceGroup> followUpLocalizer, SymmetryFit symmetry, QualityVerdict quality) {
    public Plan {
        stacks = List.copyOf(stacks);
    }
}
