package org.mrpilot.cli;

/** Arguments a command cannot work with; printed as one line with a hint to --help. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
