package org.mrpilot.physics.acquisition;

/**
 * One slice's Cartesian k-space, rows = phase-encoding lines, columns = readout samples, complex values
 * interleaved (re, im) row by row, centred: the k = 0 sample sits at (rows / 2, columns / 2).
 */
public record KSpace(int rows, int columns, double[] data) {
    public KSpace {
        if (rows <= 0 || columns <= 0) throw new IllegalArgumentException("k-space must have rows and columns");
        if (data.length != 2L * rows * columns) throw new IllegalArgumentException("k-space needs 2*rows*columns values, got " + data.length);
    }
}
