package org.mrpilot.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/**
 * Do the localizer's planes agree where they cross? Two slices of different orientations both image the line where
 * their planes meet. Each is read along that line, and the shift that best aligns the two profiles' derivatives is
 * found. A head that moved between the acquisition of two planes shifts every such profile pair by the movement's
 * component along the line; a still head leaves them aligned, whatever the slices' thickness or contrast. Per pair of
 * orientations, the median shift over its slice pairs counts.
 */
final class PlaneAgreement {
    /** Profiles are read every millimetre, and compared at shifts up to this far. */
    static final double MAX_SHIFT_MM = 30;
    /**
     * A slice pair votes only when its profiles correlate this well at the best shift (both cross the head). Modest,
     * because a plane moved across the line also shows other anatomy along it.
     */
    static final double MIN_CORRELATION = 0.3;
    /** Overlap (mm) the two profiles need for their correlation at a shift to count. */
    static final double MIN_OVERLAP_MM = 60;

    private PlaneAgreement() {
    }

    /** The median shift (mm) between two orientations' profiles, from {@code votes} slice pairs. */
    record Offset(int orientationA, int orientationB, double shiftMm, int votes) {
    }

    /** One offset per pair of orientations that has voting slice pairs. */
    static List<Offset> offsets(List<List<ImageSlice>> orientations) {
        List<Offset> out = new ArrayList<>();
        for (int a = 0; a < orientations.size(); a++) {
            for (int b = a + 1; b < orientations.size(); b++) {
                List<Double> shifts = new ArrayList<>();
                for (ImageSlice sa : orientations.get(a)) {
                    for (ImageSlice sb : orientations.get(b)) {
                        double shift = bestShiftMm(sa, sb);
                        if (!Double.isNaN(shift)) shifts.add(shift);
                    }
                }
                if (shifts.isEmpty()) continue;
                out.add(new Offset(a, b, RobustPlaneFit.median(shifts.stream().mapToDouble(Double::doubleValue).toArray()), shifts.size()));
            }
        }
        return out;
    }

    /**
     * The shift s (mm) maximising the correlation of a's profile at t with b's at t + s along the planes' common line;
     * NaN when the planes are parallel, the line misses either image or the profiles do not correlate.
     */
    static double bestShiftMm(ImageSlice a, ImageSlice b) {
        Vec3 na = a.normal(), nb = b.normal();
        Vec3 cross = na.cross(nb);
        double sin2 = cross.dot(cross);
        if (sin2 < 0.01) return Double.NaN;
        double ca = na.dot(a.positionMm()), cb = nb.dot(b.positionMm());
        // the point of both planes nearest the origin
        Vec3 origin = nb.cross(cross).times(ca / sin2).plus(cross.cross(na).times(cb / sin2));
        Vec3 direction = cross.times(1 / Math.sqrt(sin2));
        int half = (int) Math.ceil(halfDiagonalMm(a) + halfDiagonalMm(b) + origin.minus(a.positionMm()).norm());
        double[] pa = derivative(profile(a, origin, direction, half)), pb = derivative(profile(b, origin, direction, half));
        int maxShift = (int) MAX_SHIFT_MM;
        double best = MIN_CORRELATION;
        double bestShift = Double.NaN;
        for (int s = -maxShift; s <= maxShift; s++) {
            double r = correlation(pa, pb, s);
            if (r > best) {
                best = r;
                bestShift = s;
            }
        }
        return bestShift;
    }

    private static double halfDiagonalMm(ImageSlice s) {
        return 0.5 * Math.hypot(s.columns() * s.columnSpacingMm(), s.rows() * s.rowSpacingMm());
    }

    /** Values along origin + t * direction for t = -half..half mm (index t + half); NaN outside the image. */
    private static double[] profile(ImageSlice s, Vec3 origin, Vec3 direction, int half) {
        double[] p = new double[2 * half + 1];
        Arrays.fill(p, Double.NaN);
        for (int t = -half; t <= half; t++) {
            Vec3 d = origin.plus(direction.times(t)).minus(s.positionMm());
            p[t + half] = SliceStacks.bilinear(s, d.dot(s.rowDirection()) / s.columnSpacingMm(), d.dot(s.columnDirection()) / s.rowSpacingMm());
        }
        return p;
    }

    /**
     * Central differences (NaN where a neighbour is missing): edges carry the position, and a profile without any (a
     * smooth ramp) correlates with itself at every shift, so it must not vote.
     */
    private static double[] derivative(double[] p) {
        double[] d = new double[p.length];
        Arrays.fill(d, Double.NaN);
        for (int i = 1; i + 1 < p.length; i++) d[i] = (p[i + 1] - p[i - 1]) / 2;
        return d;
    }

    /** Pearson correlation of a[i] with b[i + shift] over the indices where both exist; NaN below the minimum overlap. */
    private static double correlation(double[] a, double[] b, int shift) {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        int n = 0;
        for (int i = Math.max(0, -shift); i < a.length && i + shift < b.length; i++) {
            double x = a[i], y = b[i + shift];
            if (Double.isNaN(x) || Double.isNaN(y)) continue;
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
            n++;
        }
        if (n < MIN_OVERLAP_MM) return Double.NaN;
        double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
        return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : Double.NaN;
    }
}
