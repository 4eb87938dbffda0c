package org.mrpilot.planning;

/** A localizer that cannot be planned on; the message is the reason, written for the operator. */
public final class LocalizerRejectedException extends RuntimeException {
    public LocalizerRejectedException(String reason) {
        super(reason);
    }
}
