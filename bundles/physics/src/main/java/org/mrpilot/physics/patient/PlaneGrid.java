package org.mrpilot.physics.patient;

import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;

/**
 * Pixel centres of one planar image in patient LPS mm: pixel (c, r) at {@code firstPixelMm + c * columnStepMm +
 * r * rowStepMm}, rows stored one after another ({@code index = r * columns + c}), as {@link ImageSlice}.
 */
public record PlaneGrid(int columns, int rows, Vec3 firstPixelMm, Vec3 rowDirection, Vec3 columnDirection,
                        double columnSpacingMm, double rowSpacingMm, double thicknessMm) {
    public PlaneGrid {
        if (columns <= 0 || rows <= 0) throw new IllegalArgumentException("plane must have rows and columns");
        if (!(columnSpacingMm > 0 && rowSpacingMm > 0 && thicknessMm > 0)) throw new IllegalArgumentException("spacing and thickness must be positive");
    }

    /**
     * Slice {@code slice} of a group: columns run along read, rows along phase, and the pixel grid is centred on
     * the slice centre (for an even matrix the centre falls between the two middle pixels).
     */
    public static PlaneGrid of(SliceGroup group, int slice) {
        if (slice < 0 || slice >= group.sliceCount()) throw new IllegalArgumentException("slice " + slice + " outside 0.." + (group.sliceCount() - 1));
        double dc = group.pixelSpacingReadMm(), dr = group.pixelSpacingPhaseMm();
        Vec3 first = group.sliceCentreMm(slice).minus(group.readDirection().times((group.matrixRead() - 1) / 2.0 * dc))
                .minus(group.phaseDirection().times((group.matrixPhase() - 1) / 2.0 * dr));
        return new PlaneGrid(group.matrixRead(), group.matrixPhase(), first, group.readDirection(), group.phaseDirection(), dc, dr,
                group.thicknessMm());
    }

    public Vec3 normal() {
        return rowDirection.cross(columnDirection);
    }

    public Vec3 pixelMm(double column, double row) {
        return firstPixelMm.plus(rowDirection.times(column * columnSpacingMm)).plus(columnDirection.times(row * rowSpacingMm));
    }

    /** The same plane moved along its normal. */
    public PlaneGrid shifted(double alongNormalMm) {
        return new PlaneGrid(columns, rows, firstPixelMm.plus(normal().times(alongNormalMm)), rowDirection, columnDirection, columnSpacingMm,
                rowSpacingMm, thicknessMm);
    }

    public ImageSlice toImage(float[] pixels, String frameOfReferenceUid) {
        return new ImageSlice(columns, rows, pixels, firstPixelMm, rowDirection, columnDirection, rowSpacingMm, columnSpacingMm, thicknessMm,
                frameOfReferenceUid);
    }
}
