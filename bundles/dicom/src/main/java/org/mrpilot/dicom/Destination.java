package org.mrpilot.dicom;

import java.util.regex.Pattern;

/** A C-STORE destination (console, PACS); {@code name} also names its outbox folder. */
public record Destination(String name, String host, int port, String calledAeTitle) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public Destination {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("destination name '" + name + "' must be 1-32 of A-Z a-z 0-9 _ -");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("destination " + name + ": port " + port + " outside 1-65535");
        if (calledAeTitle.isBlank() || calledAeTitle.length() > 16) throw new IllegalArgumentException("destination " + name + ": AE title must be 1-16 characters");
    }

    /** Parses {@code name=AETITLE@host:port}. */
    public static Destination parse(String spec) {
        int eq = spec.indexOf('=');
        int at = spec.lastIndexOf('@');
        int colon = spec.lastIndexOf(':');
        if (eq < 1 || at < eq || colon < at) throw new IllegalArgumentException("destination '" + spec + "' is not name=AETITLE@host:port");
        try {
            return new Destination(spec.substring(0, eq), spec.substring(at + 1, colon), Integer.parseInt(spec.substring(colon + 1)), spec.substring(eq + 1, at));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("destination '" + spec + "' has a port that is not a number");
        }
    }
}
