package org.mrpilot.pulseq;

/**
 * The .seq format versions we write. 1.5.1 only adds the ROTATIONS extension; a table with rotations needs it, and the
 * writer refuses such a table in an older version rather than change the version a console was configured for.
 */
public enum PulseqVersion {
    V1_4_2(4, 2), V1_5_0(5, 0), V1_5_1(5, 1);

    final int minor;
    final int revision;

    PulseqVersion(int minor, int revision) {
        this.minor = minor;
        this.revision = revision;
    }

    boolean is14() {
        return minor == 4;
    }

    /** "1.4" or "1.5" as the command line names them; 1.5 means 1.5.0. */
    public static PulseqVersion parse(String text) {
        return switch (text) {
            case "1.4", "1.4.2" -> V1_4_2;
            case "1.5", "1.5.0" -> V1_5_0;
            case "1.5.1" -> V1_5_1;
            default -> throw new IllegalArgumentException("unsupported Pulseq version '" + text + "' (have 1.4, 1.5, 1.5.1)");
        };
    }

    /** The version we write for a file read as {@code version} ("1.4.1" gives 1.4.2, "1.5.0" 1.5.0, "1.5.1" 1.5.1). */
    public static PulseqVersion closestTo(String version) {
        if (version.startsWith("1.4.")) return V1_4_2;
        return version.equals("1.5.0") ? V1_5_0 : V1_5_1;
    }

    @Override
    public String toString() {
        return "1." + minor + "." + revision;
    }
}
