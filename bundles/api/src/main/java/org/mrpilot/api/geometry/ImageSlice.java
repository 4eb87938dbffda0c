package org.mrpilot.api.geometry;

/**
 * One 2D image with its DICOM geometry. Pixel (c, r) sits at
 * {@code positionMm + c * columnSpacingMm * rowDirection + r * rowSpacingMm * columnDirection}.
 *
 * @param pixels          row-major, {@code rows * columns} values
 * @param positionMm      centre of the first transmitted pixel (ImagePositionPatient)
 * @param rowDirection    direction of increasing column index (first half of ImageOrientationPatient)
 * @param columnDirection direction of increasing row index (second half of ImageOrientationPatient)
 * @param rowSpacingMm    distance between adjacent rows (PixelSpacing[0])
 * @param columnSpacingMm distance between adjacent columns (PixelSpacing[1])
 * @param thicknessMm     slice thickness
 */
public record ImageSlice(int columns, int rows, float[] pixels, Vec3 positionMm, Vec3 rowDirection, Vec3 columnDirection,
                         double rowSpacingMm, double columnSpacingMm, double thicknessMm, String frameOfReferenceUid) {

    public ImageSlice {
        if (columns <= 0 || rows <= 0) throw new IllegalArgumentException("image must have rows and columns, got " + rows + "x" + columns);
        if (pixels.length != (long) rows * columns) {
            throw new IllegalArgumentException("pixel count " + pixels.length + " != rows*columns " + rows * columns);
        }
        if (!(rowSpacingMm > 0) || !(columnSpacingMm > 0)) throw new IllegalArgumentException("pixel spacing must be positive");
        Geometry.requireOrthonormal(rowDirection, columnDirection);
    }

    /** Slice normal, rowDirection x columnDirection. */
    public Vec3 normal() {
        return rowDirection.cross(columnDirection);
    }

    public Vec3 pixelToPatient(double column, double row) {
        return positionMm.plus(rowDirection.times(column * columnSpacingMm)).plus(columnDirection.times(row * rowSpacingMm));
    }

    public float pixel(int column, int row) {
        return pixels[row * columns + column];
    }
}
