package org.mrpilot.planning;

import java.util.Comparator;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/**
 * The localizer's slices as parallel stacks, for reading an intensity at any 3D point: a point between slices has
 * no value, a point inside a slab takes the slice's bilinear value with a weight falling linearly from 1 on the
 * slice plane to 0 at the slab face (so values read near a face, which average tissue elsewhere, count little, and
 * sums over such weights change continuously as points move).
 */
final class SliceStacks {
    /** One slice's geometry unpacked into fields: this lookup runs millions of times per plan. */
    private static final class Slab {
        final double px, py, pz, rx, ry, rz, cx, cy, cz, perColumnMm, perRowMm, depthMm, halfThicknessMm;
        final int columns, rows;
        final float[] pixels;

        Slab(ImageSlice s, Vec3 normal) {
            px = s.positionMm().x();
            py = s.positionMm().y();
            pz = s.positionMm().z();
            rx = s.rowDirection().x();
            ry = s.rowDirection().y();
            rz = s.rowDirection().z();
            cx = s.columnDirection().x();
            cy = s.columnDirection().y();
            cz = s.columnDirection().z();
            perColumnMm = 1 / s.columnSpacingMm();
            perRowMm = 1 / s.rowSpacingMm();
            depthMm = s.positionMm().dot(normal);
            halfThicknessMm = s.thicknessMm() / 2;
            columns = s.columns();
            rows = s.rows();
            pixels = s.pixels();
        }

        /** Bilinear value at a patient point's projection, NaN outside the image. */
        double value(double x, double y, double z) {
            double dx = x - px, dy = y - py, dz = z - pz;
            double c = (dx * rx + dy * ry + dz * rz) * perColumnMm, r = (dx * cx + dy * cy + dz * cz) * perRowMm;
            if (!(c >= 0 && r >= 0 && c <= columns - 1 && r <= rows - 1)) return Double.NaN;
            int c0 = (int) c, r0 = (int) r;
            int c1 = Math.min(c0 + 1, columns - 1), r1 = Math.min(r0 + 1, rows - 1);
            double fc = c - c0, fr = r - r0;
            return (1 - fr) * ((1 - fc) * pixels[r0 * columns + c0] + fc * pixels[r0 * columns + c1])
                    + fr * ((1 - fc) * pixels[r1 * columns + c0] + fc * pixels[r1 * columns + c1]);
        }
    }

    /** One orientation: the slabs sorted by depth along the common normal. */
    private record Stack(double nx, double ny, double nz, Slab[] slabs) {
    }

    /** A stack's slabs share one normal for depth look-ups, so only truly parallel slices may share a stack. */
    private static final double STACK_PARALLEL_COS = 0.9999;

    private final Stack[] stacks;

    SliceStacks(List<ImageSlice> slices) {
        List<List<ImageSlice>> groups = Orientations.group(slices, STACK_PARALLEL_COS);
        stacks = new Stack[groups.size()];
        for (int k = 0; k < stacks.length; k++) {
            Vec3 normal = groups.get(k).get(0).normal();
            Slab[] slabs = groups.get(k).stream().map(s -> new Slab(s, normal)).sorted(Comparator.comparingDouble(s -> s.depthMm)).toArray(Slab[]::new);
            stacks[k] = new Stack(normal.x(), normal.y(), normal.z(), slabs);
        }
    }

    int stackCount() {
        return stacks.length;
    }

    /**
     * Reads the slices at (x, y, z) mm: writes up to {@link #stackCount()} values and weights (one per stack whose
     * slab holds the point) and returns how many.
     */
    int read(double x, double y, double z, double[] values, double[] weights) {
        int hits = 0;
        for (Stack stack : stacks) {
            double depth = x * stack.nx + y * stack.ny + z * stack.nz;
            Slab s = nearest(stack.slabs, depth);
            double off = Math.abs(depth - s.depthMm);
            if (off >= s.halfThicknessMm) continue;
            double v = s.value(x, y, z);
            if (Double.isNaN(v)) continue;
            values[hits] = v;
            weights[hits] = 1 - off / s.halfThicknessMm;
            hits++;
        }
        return hits;
    }

    private static Slab nearest(Slab[] slabs, double depth) {
        int lo = 0, hi = slabs.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (slabs[mid].depthMm <= depth) lo = mid;
            else hi = mid;
        }
        return Math.abs(slabs[lo].depthMm - depth) <= Math.abs(slabs[hi].depthMm - depth) ? slabs[lo] : slabs[hi];
    }

    /** Bilinear value at continuous (column, row), NaN outside the image. */
    static double bilinear(ImageSlice s, double c, double r) {
        if (!(c >= 0 && r >= 0 && c <= s.columns() - 1 && r <= s.rows() - 1)) return Double.NaN;
        int c0 = (int) c, r0 = (int) r;
        int c1 = Math.min(c0 + 1, s.columns() - 1), r1 = Math.min(r0 + 1, s.rows() - 1);
        double fc = c - c0, fr = r - r0;
        float[] p = s.pixels();
        int w = s.columns();
        return (1 - fr) * ((1 - fc) * p[r0 * w + c0] + fc * p[r0 * w + c1]) + fr * ((1 - fc) * p[r1 * w + c0] + fc * p[r1 * w + c1]);
    }
}
