package org.mrpilot.planning;

import org.mrpilot.api.geometry.Volume;
import org.mrpilot.api.inference.Tensor;

/**
 * A localizer resampled on the canonical grid.
 *
 * @param image    intensities scaled so the 99th percentile of covered voxels is 1; 0 where no slice passes
 * @param coverage 1 where at least one localizer slice passes through the voxel, else 0 (same layout as image)
 */
public record CanonicalVolume(Volume image, float[] coverage) {
    public CanonicalVolume {
        if (coverage.length != image.voxels().length) throw new IllegalArgumentException("coverage and image differ in size");
    }

    /** The planning nets' input (1, 2, nz, ny, nx): channel 0 image, channel 1 coverage; i fastest is numpy's (z, y, x) order. */
    public Tensor netInput() {
        int n = coverage.length;
        float[] input = new float[2 * n];
        System.arraycopy(image.voxels(), 0, input, 0, n);
        System.arraycopy(coverage, 0, input, n, n);
        return Tensor.of(input, 1, 2, image.nz(), image.ny(), image.nx());
    }
}
