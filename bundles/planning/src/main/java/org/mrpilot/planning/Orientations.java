package org.mrpilot.planning;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/** Localizer slices grouped by orientation: slices whose normals meet {@code |cos| > minAbsCos} share a group. */
final class Orientations {
    /** The checks' tolerance: planes within ~8 degrees count as one orientation. */
    static final double SAME_PLANE_COS = 0.99;

    private Orientations() {
    }

    /** Groups in order of first appearance; each group keeps the slices' order. */
    static List<List<ImageSlice>> group(List<ImageSlice> slices, double minAbsCos) {
        List<List<ImageSlice>> groups = new ArrayList<>();
        for (ImageSlice s : slices) {
            List<ImageSlice> group = null;
            for (List<ImageSlice> g : groups) {
                if (Math.abs(g.get(0).normal().dot(s.normal())) > minAbsCos) {
                    group = g;
                    break;
                }
            }
            if (group == null) groups.add(group = new ArrayList<>());
            group.add(s);
        }
        return groups;
    }

    /** "axial", "coronal" or "sagittal" after the scanner axis the group's normal is closest to. */
    static String name(List<ImageSlice> group) {
        Vec3 n = group.get(0).normal();
        double x = Math.abs(n.x()), y = Math.abs(n.y()), z = Math.abs(n.z());
        return z >= x && z >= y ? "axial" : y >= x ? "coronal" : "sagittal";
    }
}
