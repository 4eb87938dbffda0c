package org.mrpilot.api.planning;

/** A localizer no plan can come from; the message is the reason, written for the operator. */
public class LocalizerRefusedException extends RuntimeException {
    public LocalizerRefusedException(String reason) {
        super(reason);
    }
}
