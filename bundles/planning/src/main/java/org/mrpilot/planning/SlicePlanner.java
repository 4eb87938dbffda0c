package org.mrpilot.planning;

import java.util.List;
import java.util.Optional;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.inference.InferenceService;

/**
 * Localizer in, plan out: resample on the canonical grid, judge the localizer's quality (refused when unusable), find
 * the landmarks, fit the mid-sagittal plane (robust, weighted by each landmark's sharpness), refine it to the
 * localizer's plane of best mirror symmetry (kept only when the symmetry is convincing), take a closer look at AC and PC
 * in that plane (when the commissure net is loaded), build the AC-PC frame and cut
 * the three stacks around the brain box (from the coverage net when it is loaded). A plan whose commissures lie in
 * no localizer slice says so.
 */
public final class SlicePlanner {
    /** Heatmap spread (mm) at which a landmark counts half in the plane fit and in the confidence. */
    static final double SPREAD_SCALE_MM = 6;

    private final LocalizerResampler resampler;
    private final LandmarkDetector detector;
    private final CommissureRefiner commissures;
    private final InferenceService inference;
    private final LocalizerQuality quality;
    private final StackPlanner stacks;
    private final BrainBox brainBox;

    /**
     * @param brainBox the brain extent in AC-PC frame coordinates the stacks cover when the quality and coverage net
     *                 ({@link LocalizerQuality#MODEL}) is not loaded; with it, each localizer gets its own box
     */
    public SlicePlanner(InferenceService inference, CanonicalGrid grid, StackSettings settings, BrainBox brainBox) {
        this.resampler = new LocalizerResampler(grid);
        this.detector = new LandmarkDetector(inference);
        this.commissures = new CommissureRefiner(inference);
        this.inference = inference;
        this.quality = new LocalizerQuality(inference);
        this.stacks = new StackPlanner(settings);
        this.brainBox = brainBox;
    }

    /**
     * A clearly unusable localizer gets no plan: stacks cut from a moved, wrapped or half-covered head are wrong in a way
     * no confidence score shows, and repeating the localizer costs the operator seconds.
     *
     * @throws LocalizerRejectedException when the localizer cannot be planned on (reason in the message)
     */
    public Plan plan(List<ImageSlice> localizer) {
        CanonicalVolume canonical = resampler.resample(localizer);
        LocalizerQuality.Assessment assessment = inference.model(LocalizerQuality.MODEL).isPresent() ? quality.assess(canonical) : null;
        if (assessment != null && !assessment.verdict().usable()) throw new LocalizerRejectedException(assessment.verdict().reason(), assessment.verdict());
        DetectedLandmarks found = detector.detect(canonical);
        double[] spread = found.spreadMm();
        double[] weight = new double[spread.length];
        double confidence = 1;
        for (int j = 0; j < spread.length; j++) {
            weight[j] = sharpness(spread[j]);
            confidence = Math.min(confidence, weight[j]);
        }
        SymmetryFit symmetry = SymmetryPlaneSearch.fit(localizer, RobustPlaneFit.fit(found.pointsMm(), weight));
        Plane msp = symmetry.chosen();
        DetectedLandmarks onPlane = found.projectedOnto(msp);
        Optional<CommissureRefiner.Commissures> closer = commissures.refine(localizer, onPlane.ac(), onPlane.pc(), msp);
        if (closer.isPresent()) {
            onPlane = onPlane.withCommissures(closer.get());
            weight[LandmarkSet.AC] = sharpness(closer.get().acSpreadMm());
            weight[LandmarkSet.PC] = sharpness(closer.get().pcSpreadMm());
        }
        AcPcFrame frame = AcPcFrame.of(onPlane.ac(), onPlane.pc(), msp);
        String uid = localizer.get(0).frameOfReferenceUid();
        // the plane's orientation is as sure as its symmetry evidence; the AC-PC line as sure as the net's AC and PC
        if (symmetry.used()) confidence = Math.min(Math.min(weight[LandmarkSet.AC], weight[LandmarkSet.PC]), symmetry.confidence());
        // told to the operator, not folded into the confidence: halving it for such plans left no threshold calibration trusts
        boolean commissuresImaged = SlabCoverage.imaged(onPlane.ac(), localizer) && SlabCoverage.imaged(onPlane.pc(), localizer);
        BrainBox box = assessment == null ? brainBox : BrainExtent.inFrame(assessment.brain(), frame);
        return new Plan(stacks.plan(frame, box, uid), onPlane, msp, frame, box, confidence, commissuresImaged, symmetry,
                assessment == null ? null : assessment.verdict());
    }

    /** A landmark's weight in the plane fit and the confidence: 1 for a sharp heatmap, 1/2 at {@link #SPREAD_SCALE_MM}. */
    private static double sharpness(double spreadMm) {
        return 1 / (1 + Math.pow(spreadMm / SPREAD_SCALE_MM, 2));
    }
}
