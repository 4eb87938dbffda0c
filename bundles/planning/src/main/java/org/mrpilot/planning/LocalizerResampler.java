package org.mrpilot.planning;

import java.util.Arrays;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;

/**
 * Puts the slices of a multi-plane localizer into one volume on a {@link CanonicalGrid}: each voxel within half a
 * slab (the larger of slice thickness and grid spacing) of a slice takes that slice's in-plane average over the voxel's
 * footprint; voxels crossed by several slices take the mean. The grid is centred on the mean of the slice centres.
 */
public final class LocalizerResampler {
    /** In-plane sub-samples per axis: a 4 mm voxel over 1-2 mm pixels is averaged, not point-sampled (no aliasing). */
    private static final int FOOTPRINT = 3;

    private final CanonicalGrid grid;

    public LocalizerResampler(CanonicalGrid grid) {
        this.grid = grid;
    }

    /** @throws LocalizerRejectedException when {@link LocalizerChecks} refuses the localizer */
    public CanonicalVolume resample(List<ImageSlice> slices) {
        LocalizerChecks.check(slices);
        int n = grid.size();
        double h = grid.spacingMm();
        Vec3 origin = centre(slices).minus(new Vec3(1, 1, 1).times((n - 1) / 2.0 * h));
        float[] sum = new float[grid.voxels()];
        float[] weight = new float[grid.voxels()];
        for (ImageSlice s : slices) accumulate(s, origin, sum, weight);
        float[] image = new float[sum.length];
        float[] coverage = new float[sum.length];
        for (int v = 0; v < sum.length; v++) {
            if (weight[v] > 0) {
                image[v] = sum[v] / weight[v];
                coverage[v] = 1;
            }
        }
        normalise(image, coverage);
        Volume volume = new Volume(n, n, n, image, origin, Vec3.L, Vec3.P, Vec3.S, new double[] {h, h, h}, slices.get(0).frameOfReferenceUid());
        return new CanonicalVolume(volume, coverage);
    }

    static Vec3 centre(List<ImageSlice> slices) {
        Vec3 c = Vec3.ZERO;
        for (ImageSlice s : slices) c = c.plus(s.pixelToPatient((s.columns() - 1) / 2.0, (s.rows() - 1) / 2.0));
        return c.times(1.0 / slices.size());
    }

    private void accumulate(ImageSlice s, Vec3 origin, float[] sum, float[] weight) {
        int n = grid.size();
        double h = grid.spacingMm();
        double halfSlab = Math.max(s.thicknessMm(), h) / 2;
        Vec3 normal = s.normal();
        Vec3 row = s.rowDirection(), col = s.columnDirection();
        // sub-sample offsets spread over the voxel footprint in the slice plane
        double[] offsets = new double[FOOTPRINT];
        for (int k = 0; k < FOOTPRINT; k++) offsets[k] = ((k + 0.5) / FOOTPRINT - 0.5) * h;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    Vec3 d = origin.plus(new Vec3(x * h, y * h, z * h)).minus(s.positionMm());
                    if (Math.abs(d.dot(normal)) > halfSlab) continue;
                    double u = d.dot(row) / s.columnSpacingMm(), w = d.dot(col) / s.rowSpacingMm();
                    double total = 0;
                    int count = 0;
                    for (double a : offsets) {
                        for (double b : offsets) {
                            double value = SliceStacks.bilinear(s, u + a / s.columnSpacingMm(), w + b / s.rowSpacingMm());
                            if (!Double.isNaN(value)) {
                                total += value;
                                count++;
                            }
                        }
                    }
                    if (count == 0) continue;
                    int v = x + n * (y + n * z);
                    sum[v] += (float) (total / count);
                    weight[v] += 1;
                }
            }
        }
    }

    /** Scales covered voxels so their 99th percentile is 1: the nets see the same range whatever the receive gain. */
    private static void normalise(float[] image, float[] coverage) {
        int covered = 0;
        for (float c : coverage) if (c > 0) covered++;
        if (covered == 0) throw new LocalizerRejectedException("localizer slices do not pass through the planning volume");
        float[] values = new float[covered];
        int k = 0;
        for (int v = 0; v < image.length; v++) if (coverage[v] > 0) values[k++] = image[v];
        Arrays.sort(values);
        float p99 = values[(int) (0.99 * (covered - 1))];
        if (!(p99 > 0)) throw new LocalizerRejectedException("localizer slices carry no signal inside the planning volume");
        for (int v = 0; v < image.length; v++) image[v] /= p99;
    }
}
