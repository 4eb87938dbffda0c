package org.mrpilot.physics.patient;

/**
 * Ground-truth tissue parameters on one plane, row-major like {@link PlaneGrid}: A (pd, relative to CSF), T1, T2,
 * T2* in seconds, inversion efficiency B, the label code of the nearest voxel, and the brain mask (1 = CSF, grey
 * or white matter inside the skull). Where a pixel straddles tissues the values are the partial-volume mix:
 * A averaged, times A-weighted (air does not pull a time towards zero).
 */
public record TissueMaps(PlaneGrid grid, float[] pd, float[] t1S, float[] t2S, float[] t2StarS, float[] b, byte[] labels, byte[] brainMask) {
    public TissueMaps {
        int n = grid.columns() * grid.rows();
        for (Object a : new Object[] {pd, t1S, t2S, t2StarS, b}) {
            if (((float[]) a).length != n) throw new IllegalArgumentException("every map needs " + n + " pixels");
        }
        if (labels.length != n || brainMask.length != n) throw new IllegalArgumentException("labels and mask need " + n + " pixels");
    }
}
