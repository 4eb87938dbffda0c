package org.mrpilot.planning;

import org.mrpilot.api.geometry.ImageSlice;

/** Coarser copies of a slice (block averages), for searches that must first see the head's outline, not its noise. */
final class SlicePyramid {
    private SlicePyramid() {
    }

    /** The slice averaged over {@code factor} x {@code factor} blocks (same plane, same thickness); factor 1 is the slice. */
    static ImageSlice downsample(ImageSlice s, int factor) {
        if (factor < 1) throw new IllegalArgumentException("downsampling factor must be at least 1, got " + factor);
        factor = Math.min(factor, Math.min(s.columns(), s.rows())); // a block never reaches past the image
        if (factor == 1) return s;
        int columns = s.columns() / factor, rows = s.rows() / factor;
        float[] out = new float[columns * rows];
        float[] in = s.pixels();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double sum = 0;
                for (int b = 0; b < factor; b++) for (int a = 0; a < factor; a++) sum += in[(r * factor + b) * s.columns() + c * factor + a];
                out[r * columns + c] = (float) (sum / (factor * factor));
            }
        }
        // the block's centre: half a block minus half a pixel from the first pixel's centre, along rows and columns
        double shift = (factor - 1) / 2.0;
        return new ImageSlice(columns, rows, out, s.pixelToPatient(shift, shift), s.rowDirection(), s.columnDirection(), s.rowSpacingMm() * factor,
                s.columnSpacingMm() * factor, s.thicknessMm(), s.frameOfReferenceUid());
    }

    /** The factor that brings the slice's coarser pixel side closest to {@code targetMm} without going below the slice's own. */
    static int factorFor(ImageSlice s, double targetMm) {
        return Math.max(1, (int) Math.round(targetMm / Math.max(s.rowSpacingMm(), s.columnSpacingMm())));
    }
}
