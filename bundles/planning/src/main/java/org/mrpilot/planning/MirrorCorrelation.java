package org.mrpilot.planning;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/**
 * How mirror-symmetric the localizer is about a candidate plane: the weighted correlation between the intensity at
 * sample points on the slices and the intensity at their reflections, read from whichever slice's slab the reflection
 * falls in ({@link SliceStacks}). Reflections that land between slices or outside every image do not count. Each
 * sample point also carries a robustness weight, so an asymmetric region (lesion, artefact) can be set aside.
 */
final class MirrorCorrelation {
    /** Fewer paired samples than this (in summed weight) and the correlation means nothing. */
    static final double MIN_PAIR_WEIGHT = 50;
    /** Work units per evaluation: a few per core, so a busy core does not hold up the sum. */
    private static final int CHUNKS = 8;

    /** Correlation over the paired samples; {@code pairWeight} is their summed weight. */
    record Score(double correlation, double pairWeight) {
        static final Score NONE = new Score(-1, 0);
    }

    private final SliceStacks stacks;
    private final double[] x, y, z, value;
    private final double[] robustWeight;

    /**
     * @param slices        the images reflections are read from
     * @param strideMm      spacing of the sample points on each slice
     * @param foreground    sample points darker than this are skipped (air: its reflections carry no information
     *                      the head's own points do not)
     */
    MirrorCorrelation(List<ImageSlice> slices, double strideMm, double foreground) {
        this.stacks = new SliceStacks(slices);
        int total = 0;
        for (ImageSlice s : slices) total += s.columns() * s.rows();
        double[] px = new double[total], py = new double[total], pz = new double[total], pv = new double[total];
        int n = 0;
        for (ImageSlice s : slices) {
            int dc = Math.max(1, (int) Math.round(strideMm / s.columnSpacingMm())), dr = Math.max(1, (int) Math.round(strideMm / s.rowSpacingMm()));
            for (int r = dr / 2; r < s.rows(); r += dr) {
                for (int c = dc / 2; c < s.columns(); c += dc) {
                    double v = s.pixel(c, r);
                    if (!(v > foreground)) continue;
                    Vec3 p = s.pixelToPatient(c, r);
                    px[n] = p.x();
                    py[n] = p.y();
                    pz[n] = p.z();
                    pv[n] = v;
                    n++;
                }
            }
        }
        x = Arrays.copyOf(px, n);
        y = Arrays.copyOf(py, n);
        z = Arrays.copyOf(pz, n);
        value = Arrays.copyOf(pv, n);
        robustWeight = new double[n];
        Arrays.fill(robustWeight, 1);
    }

    int samples() {
        return x.length;
    }

    Score score(Plane plane) {
        Vec3 n = plane.normal();
        double d = plane.pointMm().dot(n);
        // weighted sums w, wa, wb, waa, wbb, wab over the pairs, in chunks on all cores (a plan waits for this)
        double[][] chunks = IntStream.range(0, CHUNKS).parallel().mapToObj(chunk -> sums(n, d, chunk * x.length / CHUNKS, (chunk + 1) * x.length / CHUNKS))
                .toArray(double[][]::new);
        double[] sums = new double[6];
        for (double[] c : chunks) for (int k = 0; k < sums.length; k++) sums[k] += c[k]; // in chunk order: the same plane always scores the same
        double sw = sums[0];
        if (sw < MIN_PAIR_WEIGHT) return Score.NONE;
        double ma = sums[1] / sw, mb = sums[2] / sw;
        double va = sums[3] / sw - ma * ma, vb = sums[4] / sw - mb * mb, cov = sums[5] / sw - ma * mb;
        if (!(va > 0 && vb > 0)) return Score.NONE;
        return new Score(cov / Math.sqrt(va * vb), sw);
    }

    private double[] sums(Vec3 n, double d, int from, int to) {
        double nx = n.x(), ny = n.y(), nz = n.z();
        double[] values = new double[stacks.stackCount()], weights = new double[stacks.stackCount()];
        double sw = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (int i = from; i < to; i++) {
            if (robustWeight[i] == 0) continue;
            double twice = 2 * (x[i] * nx + y[i] * ny + z[i] * nz - d);
            int hits = stacks.read(x[i] - twice * nx, y[i] - twice * ny, z[i] - twice * nz, values, weights);
            double a = value[i];
            for (int h = 0; h < hits; h++) {
                double w = robustWeight[i] * weights[h], b = values[h];
                sw += w;
                sa += w * a;
                sb += w * b;
                saa += w * a * a;
                sbb += w * b * b;
                sab += w * a * b;
            }
        }
        return new double[] {sw, sa, sb, saa, sbb, sab};
    }

    /**
     * Tukey's biweight on each sample's standardised mismatch with its reflection about {@code plane}: samples whose
     * mirror image differs far more than most (an asymmetric lesion, a wrap-around ghost) stop counting.
     * Samples without a reflection keep their weight.
     */
    void reweight(Plane plane) {
        Arrays.fill(robustWeight, 1);
        Vec3 n = plane.normal();
        double d = plane.pointMm().dot(n);
        double[] values = new double[stacks.stackCount()], weights = new double[stacks.stackCount()];
        double[] mismatch = new double[x.length];
        Arrays.fill(mismatch, Double.NaN);
        int paired = 0;
        for (int i = 0; i < x.length; i++) {
            double twice = 2 * (x[i] * n.x() + y[i] * n.y() + z[i] * n.z() - d);
            int hits = stacks.read(x[i] - twice * n.x(), y[i] - twice * n.y(), z[i] - twice * n.z(), values, weights);
            if (hits == 0) continue;
            double sum = 0, w = 0;
            for (int h = 0; h < hits; h++) {
                sum += weights[h] * values[h];
                w += weights[h];
            }
            if (w == 0) continue;
            mismatch[i] = Math.abs(value[i] - sum / w);
            paired++;
        }
        if (paired < 10) return;
        double[] m = new double[paired];
        int k = 0;
        for (double v : mismatch) if (!Double.isNaN(v)) m[k++] = v;
        Arrays.sort(m);
        double scale = 1.4826 * m[paired / 2];
        if (!(scale > 0)) return;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(mismatch[i])) continue;
            double u = mismatch[i] / (RobustPlaneFit.TUKEY_C * scale);
            robustWeight[i] = u >= 1 ? 0 : sq(1 - u * u);
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
