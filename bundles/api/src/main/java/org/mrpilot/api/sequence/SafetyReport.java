package org.mrpilot.api.sequence;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of checking a sequence table; it may leave the agent only when there are no violations. */
public record SafetyReport(List<SafetyViolation> violations, double worstB1RmsUt) {
    public SafetyReport {
        violations = List.copyOf(violations);
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    public String summary() {
        if (ok()) return "safe (worst B1+rms " + String.format(java.util.Locale.ROOT, "%.3f", worstB1RmsUt) + " uT)";
        return violations.size() + " violation(s): " + violations.stream().limit(5).map(SafetyViolation::message).collect(Collectors.joining("; "))
                + (violations.size() > 5 ? "; ..." : "");
    }
}
