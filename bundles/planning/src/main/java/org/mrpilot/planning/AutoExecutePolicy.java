package org.mrpilot.planning;

import org.mrpilot.api.planning.QualityVerdict;

/**
 * When a plan may run without the operator's confirmation: the site allows it, the localizer is usable, and the
 * plan's confidence reaches the threshold calibrated on held-out localizers (`./mrpilot bench planning` picks the
 * lowest threshold whose auto-executed plans keep the p95 angle error within 2 degrees).
 *
 * @param allowed       site policy: false means every plan waits for the operator
 * @param minConfidence confidence a plan needs to run on its own, in [0, 1]
 */
public record AutoExecutePolicy(boolean allowed, double minConfidence) {
    /**
     * No threshold qualified on the held-out calibration collection with the committed landmark net (see
     * docs/planning.md), so no confidence below 1 is trusted; confidence is below 1 for every real plan.
     */
    public static final double CALIBRATED_MIN_CONFIDENCE = 1.0;

    /** Site policy off: the operator confirms every plan. */
    public static final AutoExecutePolicy OPERATOR_CONFIRMS = new AutoExecutePolicy(false, CALIBRATED_MIN_CONFIDENCE);

    public AutoExecutePolicy {
        if (!(minConfidence >= 0 && minConfidence <= 1)) throw new IllegalArgumentException("minimum confidence must be in [0, 1], got " + minConfidence);
    }

    public boolean autoExecute(double confidence, QualityVerdict quality) {
        return allowed && quality.usable() && confidence >= minConfidence;
    }
}
