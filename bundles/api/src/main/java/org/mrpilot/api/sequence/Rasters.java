package org.mrpilot.api.sequence;

/** The four timing rasters of a sequence, in seconds. */
public record Rasters(double gradientS, double radiofrequencyS, double adcS, double blockDurationS) {
    /** The values every Siemens/GE interpreter and the references use. */
    public static final Rasters STANDARD = new Rasters(10e-6, 1e-6, 100e-9, 10e-6);

    public Rasters {
        if (!(gradientS > 0 && radiofrequencyS > 0 && adcS > 0 && blockDurationS > 0)) throw new IllegalArgumentException("rasters must be positive");
    }

    public double gradientUs() {
        return gradientS * 1e6;
    }

    public double radiofrequencyUs() {
        return radiofrequencyS * 1e6;
    }

    public double blockDurationUs() {
        return blockDurationS * 1e6;
    }
}
