package org.mrpilot.api.sequence;

/** A sequence table that broke a safety limit; it was not written or sent anywhere. */
public class SequenceRefusedException extends Exception {
    private final transient SafetyReport report;

    public SequenceRefusedException(SafetyReport report) {
        super("sequence refused, " + report.summary());
        this.report = report;
    }

    public SafetyReport report() {
        return report;
    }
}
