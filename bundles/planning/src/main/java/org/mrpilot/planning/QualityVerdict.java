package org.mrpilot.planning;

import java.util.Locale;

/**
 * What the quality net thinks of a localizer.
 *
 * @param probabilities   one per {@link QualityClass}, summing to 1
 * @param usableThreshold below this probability of {@link QualityClass#USABLE} the localizer is refused; calibrated
 *                        with the model (its card's {@code usableThreshold}) for a chosen share of refused clean localizers
 */
public record QualityVerdict(double[] probabilities, double usableThreshold) {
    public QualityVerdict {
        if (probabilities.length != QualityClass.values().length) {
            throw new IllegalArgumentException("expected " + QualityClass.values().length + " class probabilities, got " + probabilities.length);
        }
        if (!(usableThreshold > 0 && usableThreshold < 1)) throw new IllegalArgumentException("usable threshold must be in (0, 1), got " + usableThreshold);
        probabilities = probabilities.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    public double probability(QualityClass c) {
        return probabilities[c.ordinal()];
    }

    public boolean usable() {
        return probability(QualityClass.USABLE) >= usableThreshold;
    }

    /** The verdict: usable, or the most probable artefact when not. */
    public QualityClass verdict() {
        if (usable()) return QualityClass.USABLE;
        QualityClass worst = QualityClass.MOTION;
        for (QualityClass c : QualityClass.values()) if (c != QualityClass.USABLE && probability(c) > probability(worst)) worst = c;
        return worst;
    }

    /** The operator's sentence, with the net's probability for it. */
    public String reason() {
        QualityClass c = verdict();
        return String.format(Locale.ROOT, "%s (quality net: %s %.0f %%)", c.advice, c.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                100 * probability(c));
    }
}
