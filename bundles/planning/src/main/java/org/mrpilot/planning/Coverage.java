package org.mrpilot.planning;

import java.util.Collection;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;

/** How much of a structure a planned stack images: the fraction of its points inside the stack's slab and field of view. */
public final class Coverage {
    private Coverage() {
    }

    public static double fractionInside(SliceGroup g, Collection<Vec3> pointsMm) {
        if (pointsMm.isEmpty()) throw new IllegalArgumentException("no points to cover");
        double halfDepth = ((g.sliceCount() - 1) * g.sliceSpacingMm() + g.thicknessMm()) / 2;
        Vec3 normal = g.normal();
        int inside = 0;
        for (Vec3 p : pointsMm) {
            Vec3 d = p.minus(g.centreMm());
            if (Math.abs(d.dot(normal)) <= halfDepth && Math.abs(d.dot(g.readDirection())) <= g.fovReadMm() / 2
                    && Math.abs(d.dot(g.phaseDirection())) <= g.fovPhaseMm() / 2) inside++;
        }
        return (double) inside / pointsMm.size();
    }
}
