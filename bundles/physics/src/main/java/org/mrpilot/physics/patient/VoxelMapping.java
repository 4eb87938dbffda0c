package org.mrpilot.physics.patient;

import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.anatomy.Anatomy;

/**
 * Continuous anatomy-voxel coordinates of the pixels of a plane in the scanner, as an affine map
 * {@code voxel = base + column * perColumn + row * perRow}: sampling loops then only add.
 */
record VoxelMapping(double[] base, double[] perColumn, double[] perRow) {
    static VoxelMapping of(Anatomy anatomy, RigidPose pose, PlaneGrid grid) {
        double s = anatomy.spacingMm();
        Vec3 origin = pose.toHead(grid.firstPixelMm());
        Vec3 dc = pose.rotateBack(grid.rowDirection().times(grid.columnSpacingMm()));
        Vec3 dr = pose.rotateBack(grid.columnDirection().times(grid.rowSpacingMm()));
        double[] o = anatomy.originMm();
        return new VoxelMapping(new double[] {(origin.x() - o[0]) / s, (origin.y() - o[1]) / s, (origin.z() - o[2]) / s},
                new double[] {dc.x() / s, dc.y() / s, dc.z() / s}, new double[] {dr.x() / s, dr.y() / s, dr.z() / s});
    }

    /** Writes the voxel coordinates of pixel (column, row) into {@code out}. */
    void voxel(int column, int row, double[] out) {
        for (int a = 0; a < 3; a++) out[a] = base[a] + column * perColumn[a] + row * perRow[a];
    }
}
