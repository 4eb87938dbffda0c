package org.mrpilot.planning;

import java.util.Optional;

/** A localizer that cannot be planned on; the message is the reason, written for the operator. */
public final class LocalizerRejectedException extends RuntimeException {
    private final transient QualityVerdict verdict;

    public LocalizerRejectedException(String reason) {
        this(reason, null);
    }

    /** A refusal by the quality net, whose verdict says which artefact it saw. */
    public LocalizerRejectedException(String reason, QualityVerdict verdict) {
        super(reason);
        this.verdict = verdict;
    }

    /** The quality net's verdict when the net refused the localizer; empty when a rule before the net did. */
    public Optional<QualityVerdict> verdict() {
        return Optional.ofNullable(verdict);
    }
}
