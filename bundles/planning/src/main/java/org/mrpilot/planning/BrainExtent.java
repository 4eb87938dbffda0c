package org.mrpilot.planning;

import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;

/**
 * The brain box the stacks cover, from the coverage net's brain probabilities: the extent, in the AC-PC frame, of
 * every cell more likely brain than not, each cell counted up to its faces (a majority-brain cell can hold brain up
 * to its far face), cut {@link #INFERIOR_LIMIT_MM} below AC.
 */
public final class BrainExtent {
    static final double BRAIN_PROBABILITY = 0.5;
    /**
     * Brain stacks reach the cerebellum, about 80 mm below AC; the brain mask continues into the spinal canal, which
     * they do not cover (the same cut as {@link BrainBox#POPULATION}).
     */
    static final double INFERIOR_LIMIT_MM = 80;
    /** Fewer brain cells than this (8 mm cells: about 50 ml) is no brain; an adult brain fills over 2000. */
    static final int MIN_CELLS = 100;

    private BrainExtent() {
    }

    /** @throws LocalizerRejectedException when the net finds (almost) no brain */
    public static BrainBox inFrame(Volume brain, AcPcFrame frame) {
        double[] h = brain.spacingMm();
        Vec3[] axes = {frame.left(), frame.posterior(), frame.superior()};
        double[] pad = new double[3];
        for (int a = 0; a < 3; a++) {
            // half a cell along each LPS axis, projected on the frame axis
            pad[a] = (h[0] * Math.abs(axes[a].dot(brain.iDirection())) + h[1] * Math.abs(axes[a].dot(brain.jDirection()))
                    + h[2] * Math.abs(axes[a].dot(brain.kDirection()))) / 2;
        }
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int cells = 0;
        for (int k = 0; k < brain.nz(); k++) {
            for (int j = 0; j < brain.ny(); j++) {
                for (int i = 0; i < brain.nx(); i++) {
                    if (!(brain.voxel(i, j, k) >= BRAIN_PROBABILITY)) continue;
                    double[] f = frame.toFrame(brain.voxelToPatient(i, j, k)).toArray();
                    if (f[2] < -INFERIOR_LIMIT_MM) continue;
                    cells++;
                    for (int a = 0; a < 3; a++) {
                        lo[a] = Math.min(lo[a], f[a] - pad[a]);
                        hi[a] = Math.max(hi[a], f[a] + pad[a]);
                    }
                }
            }
        }
        if (cells < MIN_CELLS) {
            throw new LocalizerRejectedException("the coverage net finds no brain in the localizer (" + cells + " brain cells of "
                    + (int) h[0] + " mm); position the patient's head and repeat the localizer");
        }
        return new BrainBox(new Vec3(lo[0], lo[1], lo[2]), new Vec3(hi[0], hi[1], hi[2]));
    }
}
