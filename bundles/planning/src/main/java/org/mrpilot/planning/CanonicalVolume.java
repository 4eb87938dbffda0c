package org.mrpilot.planning;

import org.mrpilot.api.geometry.Volume;

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
}
