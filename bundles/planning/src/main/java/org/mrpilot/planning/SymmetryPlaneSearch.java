package org.mrpilot.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/**
 * The mid-sagittal plane as the plane of best mirror symmetry of the localizer (no training). The slices are first
 * flattened ({@link BiasFlattening}: a coil gain that differs left and right would read as asymmetry). Then
 * {@link MirrorCorrelation} is maximised over the plane's two tilt angles and its offset: a grid of tilts up to
 * 25 degrees (5 degree steps) and offsets up to 12 mm (4 mm steps) around the start (the net's plane) on 8 mm block
 * averages, then pattern search from the best few distinct grid cells on 8 mm, 4 mm and the slices' own pixels. The last level runs with Tukey
 * weights on each sample's mirror mismatch, so a local asymmetry cannot pull the plane. Works in 3D: a reflection is
 * read from whatever slab it falls in, so slices oblique to the plane are compared with the right anatomy instead
 * of assuming each slice is mirror-symmetric in itself (which biases the line found in an oblique slice).
 */
public final class SymmetryPlaneSearch {
    /** Below this mirror correlation the plane is not trusted and the plan keeps the net's plane. */
    public static final double MIN_CORRELATION = 0.5;
    /** Fewer head samples than this with a reflection (as a share of all head samples) and the plane is not trusted. */
    static final double MIN_PAIRED_FRACTION = 0.05;
    /** Foreground: brighter than this share of the localizer's 99th percentile (air is darker at SNR >= 8). */
    static final double FOREGROUND_FRACTION = 0.15;

    /** One resolution of the search: pixel size (0: the slices' own), sample spacing, first and last tilt and offset steps. */
    private record Level(double pixelMm, double strideMm, double firstAngleDeg, double lastAngleDeg, double firstOffsetMm, double lastOffsetMm) {
    }

    private static final Level[] LEVELS = {
            new Level(8, 8, 4, 0.5, 4, 0.5),
            new Level(4, 4, 1, 0.125, 1, 0.25),
            new Level(0, 4, 0.2, 0.05, 0.2, 0.05)};
    /** The first look: every tilt up to this far from the start, on a grid of this step, at the coarsest pixels. */
    static final double GRID_HALF_DEG = 25, GRID_STEP_DEG = 5;
    /** ... and every offset up to this far, on this step; samples this sparse. */
    static final double GRID_HALF_MM = 12, GRID_STEP_MM = 4, GRID_STRIDE_MM = 16;
    /** Climbs continue from this many of the best grid cells, at least two grid steps apart in tilt. */
    static final int GRID_CANDIDATES = 3;

    private SymmetryPlaneSearch() {
    }

    /** @param start the plane to start from (the net's): the coarse grid is centred on it */
    public static SymmetryFit fit(List<ImageSlice> localizer, Plane start) {
        if (localizer.isEmpty()) throw new IllegalArgumentException("the symmetry search needs localizer slices, got none");
        List<ImageSlice> slices = BiasFlattening.flatten(localizer, FOREGROUND_FRACTION * percentile99(localizer));
        double foreground = FOREGROUND_FRACTION * percentile99(slices);
        List<ImageSlice> coarse = at(slices, LEVELS[0].pixelMm);
        List<Plane> candidates = grid(new MirrorCorrelation(coarse, GRID_STRIDE_MM, foreground), start);
        Plane best = null;
        MirrorCorrelation objective = null;
        for (int level = 0; level < LEVELS.length; level++) {
            Level l = LEVELS[level];
            objective = new MirrorCorrelation(level == 0 ? coarse : at(slices, l.pixelMm), l.strideMm, foreground);
            if (level == LEVELS.length - 1) objective.reweight(best);
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Plane c : level == 0 ? candidates : List.of(best)) {
                Plane p = climb(objective, c, l);
                double v = objective.score(p).correlation();
                if (best == null || v > bestScore) {
                    best = p;
                    bestScore = v;
                }
            }
        }
        MirrorCorrelation.Score score = objective.score(best);
        double paired = score.pairWeight() / Math.max(1, objective.samples());
        double angle = best.normal().axisAngleDeg(start.normal());
        if (score.correlation() < MIN_CORRELATION) {
            return new SymmetryFit(start, best, score.correlation(), paired, angle, false,
                    String.format("net plane: mirror correlation %.2f < %.2f, the localizer is not symmetric enough", score.correlation(), MIN_CORRELATION));
        }
        if (paired < MIN_PAIRED_FRACTION) {
            return new SymmetryFit(start, best, score.correlation(), paired, angle, false,
                    String.format("net plane: only %.1f %% of the head's samples have a mirror image in the slices", 100 * paired));
        }
        return new SymmetryFit(start, best, score.correlation(), paired, angle, true,
                String.format("mirror symmetry: correlation %.2f over %.0f %% of the head's samples", score.correlation(), 100 * paired));
    }

    /** The best few planes of a tilt x offset grid around the start (a wide first look: the net can be 20 degrees off). */
    private static List<Plane> grid(MirrorCorrelation objective, Plane start) {
        Vec3 n0 = start.normal();
        Vec3 e1 = n0.cross(Math.abs(n0.x()) < 0.9 ? Vec3.L : Vec3.P).normalized(), e2 = n0.cross(e1);
        List<Plane> planes = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (double a = -GRID_HALF_DEG; a <= GRID_HALF_DEG + 1e-9; a += GRID_STEP_DEG) {
            for (double b = -GRID_HALF_DEG; b <= GRID_HALF_DEG + 1e-9; b += GRID_STEP_DEG) {
                if (Math.hypot(a, b) > GRID_HALF_DEG + 1e-9) continue;
                for (double t = -GRID_HALF_MM; t <= GRID_HALF_MM + 1e-9; t += GRID_STEP_MM) {
                    Plane p = plane(start, e1, e2, new double[] {a, b, t});
                    planes.add(p);
                    scores.add(objective.score(p).correlation());
                }
            }
        }
        Integer[] order = new Integer[planes.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (i, j) -> Double.compare(scores.get(j), scores.get(i)));
        List<Plane> best = new ArrayList<>();
        for (int i = 0; i < order.length && best.size() < GRID_CANDIDATES; i++) {
            Plane p = planes.get(order[i]);
            // distinct optima only: a neighbour of a chosen cell would climb to the same top
            if (best.stream().allMatch(b -> b.normal().axisAngleDeg(p.normal()) > 2 * GRID_STEP_DEG)) best.add(p);
        }
        return best;
    }

    /** Pattern search on (tilt about two axes normal to the plane, offset along it): greedy steps, halved when none helps. */
    private static Plane climb(MirrorCorrelation objective, Plane from, Level l) {
        Vec3 n0 = from.normal();
        Vec3 e1 = n0.cross(Math.abs(n0.x()) < 0.9 ? Vec3.L : Vec3.P).normalized(), e2 = n0.cross(e1);
        double[] at = {0, 0, 0}; // tilt 1 (deg), tilt 2 (deg), offset (mm)
        double best = objective.score(plane(from, e1, e2, at)).correlation();
        double angleStep = l.firstAngleDeg, offsetStep = l.firstOffsetMm;
        while (angleStep >= l.lastAngleDeg * 0.999) {
            boolean moved = false;
            for (int k = 0; k < 3; k++) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    double[] trial = at.clone();
                    trial[k] += sign * (k < 2 ? angleStep : offsetStep);
                    double v = objective.score(plane(from, e1, e2, trial)).correlation();
                    if (v > best) {
                        best = v;
                        at = trial;
                        moved = true;
                        break;
                    }
                }
            }
            if (!moved) {
                angleStep /= 2;
                offsetStep = Math.max(offsetStep / 2, l.lastOffsetMm);
            }
        }
        return plane(from, e1, e2, at);
    }

    private static Plane plane(Plane from, Vec3 e1, Vec3 e2, double[] at) {
        Vec3 n = from.normal().plus(e1.times(Math.tan(Math.toRadians(at[0])))).plus(e2.times(Math.tan(Math.toRadians(at[1])))).normalized();
        return new Plane(from.pointMm().plus(n.times(at[2])), n);
    }

    private static List<ImageSlice> at(List<ImageSlice> slices, double pixelMm) {
        List<ImageSlice> out = new ArrayList<>();
        for (ImageSlice s : slices) out.add(pixelMm <= 0 ? s : SlicePyramid.downsample(s, SlicePyramid.factorFor(s, pixelMm)));
        return out;
    }

    static double percentile99(List<ImageSlice> slices) {
        return LocalizerChecks.pixelPercentile(slices, 0.99);
    }
}
