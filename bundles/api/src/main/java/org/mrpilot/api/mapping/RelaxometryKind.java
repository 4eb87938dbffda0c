package org.mrpilot.api.mapping;

/** Which relaxation time a series encodes and how many parameters its signal model has. */
public enum RelaxometryKind {
    /** Inversion recovery, |A (1 - B exp(-TI/T1))|: parameters A, B, T1; times are inversion times. */
    T1(3),
    /** T2 preparation / spin echo, A exp(-TE/T2): parameters A, T2; times are preparation (echo) times. */
    T2(2);

    private final int parameters;

    RelaxometryKind(int parameters) {
        this.parameters = parameters;
    }

    public int parameters() {
        return parameters;
    }

    /** A fit needs more images than unknowns per voxel. */
    public int minimumImages() {
        return parameters + 1;
    }

    public String timesName() {
        return this == T1 ? "inversion times" : "echo times";
    }
}
