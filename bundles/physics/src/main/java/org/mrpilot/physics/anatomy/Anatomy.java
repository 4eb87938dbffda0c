package org.mrpilot.physics.anatomy;

/**
 * A labelled head in its own (head) coordinates: an axis-aligned LPS grid, voxel (i, j, k) at
 * {@code originMm + (i, j, k) * spacingMm}, labels stored i fastest. Landmarks are in the same coordinates.
 */
public record Anatomy(String source, int nx, int ny, int nz, double[] originMm, double spacingMm, byte[] labels, Landmarks landmarks) {
    public Anatomy {
        if (nx <= 0 || ny <= 0 || nz <= 0) throw new IllegalArgumentException("anatomy grid must be non-empty");
        if (labels.length != (long) nx * ny * nz) throw new IllegalArgumentException("label count does not match the grid");
        if (originMm.length != 3 || !(spacingMm > 0)) throw new IllegalArgumentException("origin needs 3 values and spacing must be positive");
    }

    public int index(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    /** Label at a head-coordinate point by nearest voxel; background outside the grid. */
    public byte labelAt(double xMm, double yMm, double zMm) {
        int i = (int) Math.round((xMm - originMm[0]) / spacingMm);
        int j = (int) Math.round((yMm - originMm[1]) / spacingMm);
        int k = (int) Math.round((zMm - originMm[2]) / spacingMm);
        if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) return Label.BACKGROUND.code;
        return labels[index(i, j, k)];
    }
}
