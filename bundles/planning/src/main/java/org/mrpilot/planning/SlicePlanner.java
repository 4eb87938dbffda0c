package org.mrpilot.planning;

import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.inference.InferenceService;

/**
 * Localizer in, plan out: resample on the canonical grid, find the landmarks, fit the mid-sagittal plane (robust,
 * weighted by each landmark's sharpness), refine it to the localizer's plane of best mirror symmetry (kept only when
 * the symmetry is convincing), build the AC-PC frame and cut the three stacks around the brain box.
 */
public final class SlicePlanner {
    /** Heatmap spread (mm) at which a landmark counts half in the plane fit and in the confidence. */
    static final double SPREAD_SCALE_MM = 6;

    private final LocalizerResampler resampler;
    private final LandmarkDetector detector;
    private final StackPlanner stacks;
    private final BrainBox brainBox;

    /** @param brainBox the brain extent in AC-PC frame coordinates the stacks must cover */
    public SlicePlanner(InferenceService inference, CanonicalGrid grid, StackSettings settings, BrainBox brainBox) {
        this.resampler = new LocalizerResampler(grid);
        this.detector = new LandmarkDetector(inference);
        this.stacks = new StackPlanner(settings);
        this.brainBox = brainBox;
    }

    /** @throws LocalizerRejectedException when the localizer cannot be planned on (reason in the message) */
    public Plan plan(List<ImageSlice> localizer) {
        CanonicalVolume canonical = resampler.resample(localizer);
        DetectedLandmarks found = detector.detect(canonical);
        double[] spread = found.spreadMm();
        double[] weight = new double[spread.length];
        double confidence = 1;
        for (int j = 0; j < spread.length; j++) {
            weight[j] = 1 / (1 + Math.pow(spread[j] / SPREAD_SCALE_MM, 2));
            confidence = Math.min(confidence, weight[j]);
        }
        SymmetryFit symmetry = SymmetryPlaneSearch.fit(localizer, RobustPlaneFit.fit(found.pointsMm(), weight));
        Plane msp = symmetry.chosen();
        DetectedLandmarks onPlane = found.projectedOnto(msp);
        AcPcFrame frame = AcPcFrame.of(onPlane.ac(), onPlane.pc(), msp);
        String uid = localizer.get(0).frameOfReferenceUid();
        // the plane's orientation is as sure as its symmetry evidence; the AC-PC line as sure as the net's AC and PC
        if (symmetry.used()) confidence = Math.min(Math.min(weight[LandmarkSet.AC], weight[LandmarkSet.PC]), symmetry.confidence());
        return new Plan(stacks.plan(frame, brainBox, uid), onPlane, msp, frame, brainBox, confidence, symmetry);
    }
}
