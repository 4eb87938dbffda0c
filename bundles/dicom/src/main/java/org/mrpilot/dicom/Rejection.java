package org.mrpilot.dicom;

/** An instance we refuse, with the DICOM C-STORE failure status that tells the sender why. */
public final class Rejection extends Exception {
    /** Refused: out of resources (the instance is larger than we accept). */
    public static final int OUT_OF_RESOURCES = 0xA700;
    /** Error: data set does not match SOP class (required attributes missing or inconsistent). */
    public static final int DATA_SET_DOES_NOT_MATCH = 0xA900;
    /** Error: cannot understand (the encoding is broken). */
    public static final int CANNOT_UNDERSTAND = 0xC000;

    private final int status;

    public Rejection(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
