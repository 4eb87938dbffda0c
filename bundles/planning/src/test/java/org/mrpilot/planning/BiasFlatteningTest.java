package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/** Slice preparation for the symmetry search: coil-shading removal and block averages. */
class BiasFlatteningTest {

    @Test
    void aSmoothCoilGainOnAUniformObjectIsDividedOut() {
        // a uniform ball (value 100, radius 90 mm) under a gain exp(0.3 x/100 - 0.2 y z/100^2), air 0 around it
        SyntheticField ball = p -> p.norm() < 90 ? 100 * Math.exp(0.3 * p.x() / 100 - 0.2 * p.y() * p.z() / 1e4) : 0;
        List<ImageSlice> slices = List.of(ball.slice(Vec3.L, Vec3.P, 5), ball.slice(Vec3.L, Vec3.S, -10), ball.slice(Vec3.P, Vec3.S, 12));
        List<ImageSlice> flat = BiasFlattening.flatten(slices, 10);
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (ImageSlice s : flat) {
            for (float v : s.pixels()) {
                if (v > 10) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        // the gain spans 0.7-1.4 on the ball; after flattening the ball is flat to within rounding of the fit
        assertEquals(1, max / min, 0.01, "flattened ball ranges " + min + " .. " + max);
    }

    @Test
    void tooFewHeadPixelsLeaveTheSlicesAlone() {
        SyntheticField air = p -> 0;
        List<ImageSlice> slices = List.of(air.slice(Vec3.L, Vec3.P, 0), air.slice(Vec3.L, Vec3.S, 0));
        assertSame(slices, BiasFlattening.flatten(slices, 10));
    }

    @Test
    void blockAveragesKeepTheirPatientPositions() {
        SyntheticField ramp = p -> 500 + p.x() + 2 * p.y();
        ImageSlice s = ramp.slice(Vec3.L, Vec3.P, 3);
        ImageSlice coarse = SlicePyramid.downsample(s, 4);
        assertEquals(s.columns() / 4, coarse.columns());
        assertEquals(4 * s.columnSpacingMm(), coarse.columnSpacingMm(), 1e-12);
        // a linear field's block average is its value at the block centre
        for (int r = 0; r < coarse.rows(); r += 7) {
            for (int c = 0; c < coarse.columns(); c += 5) {
                assertEquals(ramp.value(coarse.pixelToPatient(c, r)), coarse.pixel(c, r), 1e-3, "block " + c + "," + r);
            }
        }
    }

    @Test
    void blocksLargerThanTheImageShrinkToIt() {
        ImageSlice tiny = new ImageSlice(3, 2, new float[] {1, 2, 3, 4, 5, 6}, Vec3.ZERO, Vec3.L, Vec3.P, 1, 1, 5, "1.2.3");
        ImageSlice one = SlicePyramid.downsample(tiny, 8);
        assertEquals(1, one.columns());
        assertEquals(1, one.rows());
        assertEquals((1 + 2 + 4 + 5) / 4.0, one.pixel(0, 0), 1e-6);
    }

    /** A field over patient space, imaged on 2 mm slices of 128 pixels centred at the origin (plus an offset along the normal). */
    private interface SyntheticField {
        double value(Vec3 p);

        default ImageSlice slice(Vec3 row, Vec3 col, double offsetMm) {
            int n = 128;
            double spacing = 2;
            Vec3 position = row.cross(col).times(offsetMm).minus(row.times(spacing * (n - 1) / 2.0)).minus(col.times(spacing * (n - 1) / 2.0));
            float[] pixels = new float[n * n];
            ImageSlice empty = new ImageSlice(n, n, pixels, position, row, col, spacing, spacing, 5, "1.2.3");
            for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) pixels[r * n + c] = (float) value(empty.pixelToPatient(c, r));
            return empty;
        }
    }
}
