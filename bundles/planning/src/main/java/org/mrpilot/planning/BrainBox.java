package org.mrpilot.planning;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.geometry.Vec3;

/** Extent of the brain in {@link AcPcFrame} coordinates (mm from AC along left, posterior, superior). */
public record BrainBox(Vec3 minMm, Vec3 maxMm) {
    /**
     * Until the coverage net exists: the largest brain of the training subjects (procedural and ICBM152, measured
     * on their ground-truth masks in the AC-PC frame), down to 80 mm below AC (the cerebellum; the mask continues
     * into the spinal canal, which a brain stack does not cover).
     */
    public static final BrainBox POPULATION = new BrainBox(new Vec3(-78, -80, -80), new Vec3(78, 116, 92));

    public BrainBox {
        if (!(minMm.x() < maxMm.x() && minMm.y() < maxMm.y() && minMm.z() < maxMm.z())) {
            throw new IllegalArgumentException("brain box must have positive extent, got " + minMm + " .. " + maxMm);
        }
    }

    public Vec3 centreMm() {
        return minMm.plus(maxMm).times(0.5);
    }

    public Vec3 sizeMm() {
        return maxMm.minus(minMm);
    }

    /** The smallest box in {@code to}'s coordinates holding this box, given in {@code from}'s (its eight corners). */
    public BrainBox reframed(AcPcFrame from, AcPcFrame to) {
        List<Vec3> corners = new ArrayList<>();
        for (double x : new double[] {minMm.x(), maxMm.x()}) {
            for (double y : new double[] {minMm.y(), maxMm.y()}) {
                for (double z : new double[] {minMm.z(), maxMm.z()}) corners.add(from.toPatient(new Vec3(x, y, z)));
            }
        }
        return around(corners, to);
    }

    /** Smallest box in frame coordinates holding all {@code pointsMm} (patient LPS). */
    public static BrainBox around(Iterable<Vec3> pointsMm, AcPcFrame frame) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Vec3 p : pointsMm) {
            double[] f = frame.toFrame(p).toArray();
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], f[a]);
                hi[a] = Math.max(hi[a], f[a]);
            }
        }
        return new BrainBox(new Vec3(lo[0], lo[1], lo[2]), new Vec3(hi[0], hi[1], hi[2]));
    }
}
