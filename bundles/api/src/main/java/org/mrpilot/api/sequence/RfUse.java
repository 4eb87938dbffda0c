package org.mrpilot.api.sequence;

/** What an RF pulse is for; the Pulseq 1.5 {@code use} column holds the code letter. */
public enum RfUse {
    EXCITATION('e'), REFOCUSING('r'), INVERSION('i'), SATURATION('s'), PREPARATION('p'), OTHER('o'), UNDEFINED('u');

    private final char code;

    RfUse(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** The use for a code letter, or null when the letter is not defined. */
    public static RfUse ofCode(char c) {
        for (RfUse u : values()) {
            if (u.code == c) return u;
        }
        return null;
    }
}
