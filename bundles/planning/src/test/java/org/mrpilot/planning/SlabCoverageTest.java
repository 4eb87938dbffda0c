package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

class SlabCoverageTest {
    @Test
    void aPointIsInASlabWithinHalfTheThicknessOfTheSliceAndInsideItsFieldOfView() {
        // axial slice at S = 10 mm, 5 mm thick, 100 x 100 mm from (-50, -50) in L and P
        ImageSlice axial = new ImageSlice(50, 50, new float[2500], new Vec3(-50, -50, 10), Vec3.L, Vec3.P, 2, 2, 5, "1.2.3");
        assertTrue(SlabCoverage.imaged(new Vec3(0, 0, 12.4), List.of(axial)));
        assertFalse(SlabCoverage.imaged(new Vec3(0, 0, 12.6), List.of(axial)), "2.6 mm from a 5 mm slice's plane");
        assertFalse(SlabCoverage.imaged(new Vec3(60, 0, 10), List.of(axial)), "beyond the field of view");
        assertFalse(SlabCoverage.imaged(new Vec3(0, 0, 12.4), List.of()));
    }
}
