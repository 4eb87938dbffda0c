package org.mrpilot.pulseq;

/** A .seq file we refuse to read, with the line (1-based) where the problem was found and the reason. */
public class PulseqFormatException extends Exception {
    private final int line;

    public PulseqFormatException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
