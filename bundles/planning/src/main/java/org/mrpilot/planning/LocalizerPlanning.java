package org.mrpilot.planning;

import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.planning.LocalizerRefusedException;
import org.mrpilot.api.planning.PlanningService;
import org.mrpilot.api.planning.QualityVerdict;
import org.mrpilot.api.planning.SlicePlan;

/** The planning service on plain Java: the {@link SlicePlanner}'s plan in the api's terms, with the quality verdict and the auto-execute decision. */
public final class LocalizerPlanning implements PlanningService {
    /**
     * The verdict of a localizer {@link LocalizerChecks} let through when the quality net is not loaded (a refused one
     * never yields a plan).
     */
    static final QualityVerdict PASSED_CHECKS = new QualityVerdict(true, 1.0,
            "passed the localizer checks: two or more planes, one frame of reference, signal above noise", "localizer checks");

    private final SlicePlanner planner;
    private final AutoExecutePolicy policy;

    public LocalizerPlanning(SlicePlanner planner, AutoExecutePolicy policy) {
        this.planner = planner;
        this.policy = policy;
    }

    @Override
    public SlicePlan plan(List<ImageSlice> localizer) {
        try {
            return describe(planner.plan(localizer));
        } catch (LocalizerRejectedException e) {
            throw new LocalizerRefusedException(e.getMessage());
        }
    }

    @Override
    public SlicePlan plan(List<ImageSlice> localizer, List<ImageSlice> followUp) {
        try {
            return describe(planner.planWithFollowUp(planner.plan(localizer), localizer, followUp));
        } catch (LocalizerRejectedException e) {
            throw new LocalizerRefusedException(e.getMessage());
        }
    }

    /**
     * The plan as the api carries it: stacks, landmarks and plane in LPS mm, confidence, verdict, auto-execute. A plan
     * that asks for its follow-up localizer waits for it: the calibrated threshold is that of the plans made with it.
     */
    public SlicePlan describe(Plan plan) {
        QualityVerdict quality = plan.quality() == null ? PASSED_CHECKS
                : new QualityVerdict(true, plan.quality().probability(QualityClass.USABLE), plan.quality().reason(), LocalizerQuality.MODEL);
        return new SlicePlan(plan.stacks(), plan.landmarks().ac(), plan.landmarks().pc(), plan.midSagittal().pointMm(), plan.frame().left(),
                plan.confidence(), plan.commissuresImaged(), plan.followUpLocalizer().orElse(null), quality,
                plan.followUpLocalizer().isEmpty() && policy.autoExecute(plan.confidence(), quality));
    }
}
