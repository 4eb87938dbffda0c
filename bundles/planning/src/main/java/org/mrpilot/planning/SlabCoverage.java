package org.mrpilot.planning;

import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/** Whether a localizer images a point: the point lies in some slice's slab (half its thickness) and field of view. */
public final class SlabCoverage {
    private SlabCoverage() {
    }

    public static boolean imaged(Vec3 pointMm, List<ImageSlice> slices) {
        for (ImageSlice s : slices) {
            Vec3 d = pointMm.minus(s.positionMm());
            double column = d.dot(s.rowDirection()) / s.columnSpacingMm(), row = d.dot(s.columnDirection()) / s.rowSpacingMm();
            if (Math.abs(d.dot(s.normal())) <= s.thicknessMm() / 2 && column >= -0.5 && column <= s.columns() - 0.5 && row >= -0.5 && row <= s.rows() - 0.5) {
                return true;
            }
        }
        return false;
    }
}
