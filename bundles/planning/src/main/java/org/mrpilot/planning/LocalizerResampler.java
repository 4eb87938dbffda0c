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

    /** On the grid centred on the mean of the slice centres, axes L, P, S (the planning nets' canonical volume). */
    public CanonicalVolume resample(List<ImageSlice> slices) {
        LocalizerChecks.check(slices);
        return resample(slices, centre(slices), Vec3.L, Vec3.P, Vec3.S);
    }

    /**
     * On the grid centred on {@code centreMm} with orthonormal axes {@code x, y, z} (LPS): a close-up of one region
     * in the head's own frame, e.g. around the commissures aligned with the mid-sagittal plane. The localizer is one
     * that has passed {@link LocalizerChecks} (through {@link #resample(List)}).
     *
     * @throws LocalizerRejectedException when no slice passes through the grid, or those that do carry no signal there
     */
    public CanonicalVolume resample(List<ImageSlice> slices, Vec3 centreMm, Vec3 x, Vec3 y, Vec3 z) {
        int n = grid.size();
        double h = grid.spacingMm();
        Vec3 origin = centreMm.minus(x.plus(y).plus(z).times((n - 1) / 2.0 * h));
        Vec3[] axes = {x, y, z};
        float[] sum = new float[grid.voxels()];
        float[] weight = new float[grid.voxels()];
        for (ImageSlice s : slices) accumulate(s, origin, axes, sum, weight);
        float[] image = new float[sum.length];
        float[] coverage = new float[sum.length];
        for (int v = 0; v < sum.length; v++) {
            if (weight[v] > 0) {
                image[v] = sum[v] / weight[v];
                coverage[v] = 1;
            }
        }
        normalise(image, coverage);
        Volume volume = new Volume(n, n, n, image, origin, x, y, z, new double[] {h, h, h}, slices.get(0).frameOfReferenceUid());
        return new CanonicalVolume(volume, coverage);
    }

    static Vec3 centre(List<ImageSlice> slices) {
        Vec3 c = Vec3.ZERO;
        for (ImageSlice s : slices) c = c.plus(s.pixelToPatient((s.columns() - 1) / 2.0, (s.rows() - 1) / 2.0));
        return c.times(1.0 / slices.size());
    }

    private void accumulate(ImageSlice s, Vec3 origin, Vec3[] axes, float[] sum, float[] weight) {
        int n = grid.size();
        double h = grid.spacingMm();
        double halfSlab = Math.max(s.thicknessMm(), h) / 2;
        Vec3 normal = s.normal();
        Vec3 row = s.rowDirection(), col = s.columnDirection();
        // sub-sample offsets spread over the voxel footprint in the slice plane
        double[] offsets = new double[FOOTPRINT];
        for (int k = 0; k < FOOTPRINT; k++) offsets[k] = ((k + 0.5) / FOOTPRINT - 0.5) * h;
        // a voxel's offset from the slice position, projected on the slice normal, row and column, is linear in x, y, z
        Vec3 start = origin.minus(s.positionMm());
        Vec3[] frame = {normal, row, col};
        double[] base = new double[3];
        double[][] step = new double[3][3];
        for (int f = 0; f < 3; f++) {
            base[f] = start.dot(frame[f]);
            for (int a = 0; a < 3; a++) step[a][f] = axes[a].dot(frame[f]) * h;
        }
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double along = base[0] + x * step[0][0] + y * step[1][0] + z * step[2][0];
                    if (Math.abs(along) > halfSlab) continue;
                    double u = (base[1] + x * step[0][1] + y * step[1][1] + z * step[2][1]) / s.columnSpacingMm();
                    double w = (base[2] + x * step[0][2] + y * step[1][2] + z * step[2][2]) / s.rowSpacingMm();
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
