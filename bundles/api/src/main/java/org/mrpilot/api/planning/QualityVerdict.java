package org.mrpilot.api.planning;

/**
 * Whether a localizer is fit to plan on.
 *
 * @param usable      true when planning may rely on it
 * @param probability 0-1, the assessor's probability that the localizer is usable
 * @param reason      one line for the operator (what is wrong, or what was checked)
 * @param assessedBy  what judged it, e.g. "localizer checks" or a model name
 */
public record QualityVerdict(boolean usable, double probability, String reason, String assessedBy) {
    public QualityVerdict {
        if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
    }
}
