package org.mrpilot.planning;

/**
 * The quality net's classes, in its output order: a usable localizer, or the artefact that makes it unusable, each
 * with what the operator should read and do.
 */
public enum QualityClass {
    USABLE("the localizer is usable for planning"),
    MOTION("patient motion (ghosting, or planes that do not agree): ask the patient to keep still and repeat the localizer"),
    WRAP_AROUND("wrap-around: the head folds into a too-small field of view; enlarge the phase FOV and repeat the localizer"),
    PARTIAL_COVERAGE("the brain is only partly inside the localizer (head off-centre or slices missing): recentre and repeat the localizer"),
    EXTREME_INTENSITY("extreme intensity (receiver overflow, near-zero gain or a strong coil bias): check the coil and receiver, then repeat"),
    NO_BRAIN("no head in the localizer (empty or a phantom): position the patient's head and repeat the localizer");

    /** For the operator: what is wrong and what to do. */
    public final String advice;

    QualityClass(String advice) {
        this.advice = advice;
    }
}
