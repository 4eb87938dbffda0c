package org.mrpilot.api.sequence;

import java.util.Locale;

/**
 * One broken limit: which limit, in which block (1-based, as in the .seq file) and event, the value found and the
 * limit, in the unit named.
 */
public record SafetyViolation(String limit, int block, String event, double value, double allowed, String unit) {
    public String message() {
        return String.format(Locale.ROOT, "%s: block %d, %s: %.6g %s exceeds the limit %.6g %s", limit, block, event, value, unit, allowed, unit);
    }
}
