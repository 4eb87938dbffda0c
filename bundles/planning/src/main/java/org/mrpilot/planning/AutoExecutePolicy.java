package org.mrpilot.planning;

import org.mrpilot.api.planning.QualityVerdict;

/**
 * When a plan may run without the operator's confirmation: the site allows it, the localizer is usable, and the
 * plan's confidence reaches the threshold calibrated on held-out localizers (`./mrpilot bench planning` picks the
 * lowest threshold whose auto-executed plans keep the p95 angle error within 2 degrees, at 80 % confidence).
 *
 * @param allowed       site policy: false means every plan waits for the operator
 * @param minConfidence confidence a plan needs to run on its own, in [0, 1]
 */
public record AutoExecutePolicy(boolean allowed, double minConfidence) {
    /**
     * The threshold `./mrpilot bench planning` calibrates with the committed nets (collection 9002; it trusts a threshold
     * only when its calibration plans make a 5 % share of angle errors above 2 deg unlikely), on the plans made with the
     * follow-up localizer. On the evaluation collection 9001 the 98 % of such plans at or above it had p95 angle errors
     * of 0.54 deg (plane) and 1.67 deg (AC-PC line) (docs/planning.md). Recalibrate whenever a planning net changes.
     */
    public static final double CALIBRATED_MIN_CONFIDENCE = 0.371;

    /** Site policy off: the operator confirms every plan. */
    public static final AutoExecutePolicy OPERATOR_CONFIRMS = new AutoExecutePolicy(false, CALIBRATED_MIN_CONFIDENCE);

    public AutoExecutePolicy {
        if (!(minConfidence >= 0 && minConfidence <= 1)) throw new IllegalArgumentException("minimum confidence must be in [0, 1], got " + minConfidence);
    }

    public boolean autoExecute(double confidence, QualityVerdict quality) {
        return allowed && quality.usable() && confidence >= minConfidence;
    }
}
