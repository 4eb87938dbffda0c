package org.mrpilot.planning;

import java.util.List;
import org.mrpilot.api.geometry.SliceGroup;

/**
 * A slice plan from one localizer.
 *
 * @param stacks       axial, coronal and sagittal slice groups, in that order
 * @param landmarks    what the net found (LPS mm)
 * @param midSagittal  the robustly fitted mid-sagittal plane
 * @param frame        the AC-PC frame the stacks are aligned to
 * @param brainBox     the brain extent the stacks cover, in frame coordinates
 * @param confidence   0-1: how sure the landmark net is (from its heatmap spreads); not yet calibrated
 * @param quality      the quality net's verdict on the localizer (usable, or there would be no plan); null when the
 *                     quality net is not loaded
 */
public record Plan(List<SliceGroup> stacks, DetectedLandmarks landmarks, Plane midSagittal, AcPcFrame frame, BrainBox brainBox, double confidence,
                   QualityVerdict quality) {
    public Plan {
        stacks = List.copyOf(stacks);
    }

    /** A plan made without the quality net. */
    public Plan(List<SliceGroup> stacks, DetectedLandmarks landmarks, Plane midSagittal, AcPcFrame frame, BrainBox brainBox, double confidence) {
        this(stacks, landmarks, midSagittal, frame, brainBox, confidence, null);
    }
}
