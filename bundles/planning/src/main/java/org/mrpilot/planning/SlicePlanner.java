package org.mrpilot.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.inference.InferenceService;

/**
 * Localizer in, plan out: resample on the canonical grid, judge the localizer's quality (refused when unusable), find
 * the landmarks, fit the mid-sagittal plane (robust, weighted by each landmark's sharpness), refine it to the
 * localizer's plane of best mirror symmetry (kept only when the symmetry is convincing), take a closer look at AC and PC
 * in that plane (when the commissure net is loaded), build the AC-PC frame and cut
 * the three stacks around the brain box (from the coverage net when it is loaded). A plan whose commissures lie in
 * no localizer slice says so. With the commissure net loaded, the plan asks for a follow-up localizer across its AC and
 * PC; {@link #planWithFollowUp} reads the commissures again with it.
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
        List<SliceGroup> planned = stacks.plan(frame, box, uid);
        // only the close-up net reads slices across the commissures; most needed when no localizer slice showed them
        Optional<SliceGroup> followUp = commissures.available()
                ? Optional.of(FollowUpLocalizer.through(frame, frame.toFrame(onPlane.pc()).y(), uid, planned.get(0).patientPosition()))
                : Optional.empty();
        return new Plan(planned, onPlane, msp, frame, box, confidence, commissuresImaged, followUp, symmetry,
                assessment == null ? null : assessment.verdict());
    }

    /**
     * The first plan again, with AC and PC read by the close-up net on the localizer with the follow-up slices added.
     * The mid-sagittal plane, quality verdict and brain extent stay the first plan's: the follow-up images the
     * commissures, not the head. It is as sure as the first plan, and no surer than its new reading of AC and PC.
     *
     * @param first    {@link #plan} of {@code localizer}
     * @param followUp the slices of {@code first.followUpLocalizer()} as the scanner acquired them
     * @throws LocalizerRejectedException when the slices together fail {@link LocalizerChecks} (e.g. another frame of
     *                                    reference, or a head that moved between the two localizers)
     */
    public Plan planWithFollowUp(Plan first, List<ImageSlice> localizer, List<ImageSlice> followUp) {
        if (first.followUpLocalizer().isEmpty()) {
            throw new IllegalArgumentException("the first plan asked for no follow-up localizer (" + CommissureRefiner.MODEL + " was not loaded)");
        }
        if (followUp.isEmpty()) throw new LocalizerRejectedException("the follow-up localizer has no image");
        List<ImageSlice> all = new ArrayList<>(localizer);
        all.addAll(followUp);
        LocalizerChecks.check(all);
        Plane msp = first.midSagittal();
        if (!commissures.available()) throw new IllegalStateException("the commissure net (" + CommissureRefiner.MODEL + ") is no longer loaded");
        CommissureRefiner.Commissures closer = commissures.refine(all, first.landmarks().ac(), first.landmarks().pc(), msp)
                .orElseThrow(() -> new LocalizerRejectedException("neither the localizer nor the follow-up shows the commissure region;"
                        + " acquire the follow-up where the plan asks"));
        DetectedLandmarks onPlane = first.landmarks().withCommissures(closer);
        AcPcFrame frame = AcPcFrame.of(onPlane.ac(), onPlane.pc(), msp);
        BrainBox box = first.brainBox().reframed(first.frame(), frame);
        double confidence = Math.min(first.confidence(), Math.min(sharpness(closer.acSpreadMm()), sharpness(closer.pcSpreadMm())));
        boolean commissuresImaged = SlabCoverage.imaged(onPlane.ac(), all) && SlabCoverage.imaged(onPlane.pc(), all);
        return new Plan(stacks.plan(frame, box, first.stacks().get(0).frameOfReferenceUid()), onPlane, msp, frame, box, confidence,
                commissuresImaged, Optional.empty(), first.symmetry(), first.quality());
    }

    /** A landmark's weight in the plane fit and the confidence: 1 for a sharp heatmap, 1/2 at {@link #SPREAD_SCALE_MM}. */
    private static double sharpness(double spreadMm) {
        return 1 / (1 + Math.pow(spreadMm / SPREAD_SCALE_MM, 2));
    }
}
