package org.mrpilot.api.sequence;

import java.util.Set;

/** A LABELSET or LABELINC extension: set a counter/flag to {@code value}, or increment a counter by it. */
public record Label(boolean increment, String name, int value) {
    /** Counters and flags the Pulseq interpreters (and pypulseq) know. */
    public static final Set<String> NAMES = Set.of("SLC", "SEG", "REP", "AVG", "SET", "ECO", "PHS", "LIN", "PAR", "ACQ", "TRID",
            "NAV", "REV", "SMS", "REF", "IMA", "NOISE", "PMC", "NOROT", "NOPOS", "NOSCL", "ONCE");

    public Label {
        if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown label '" + name + "'");
    }

    public static Label set(String name, int value) {
        return new Label(false, name, value);
    }
}
