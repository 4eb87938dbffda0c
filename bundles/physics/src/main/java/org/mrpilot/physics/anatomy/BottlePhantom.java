package org.mrpilot.physics.anatomy;

import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.random.SeededRandom;

/**
 * A quality-assurance bottle phantom instead of a head: a cylinder of water or oil, standing or lying, no brain.
 * Localizers of it are the "no brain in the field of view" case the planning quality net must refuse.
 * Water takes the {@link Label#EYE} label (free-water tissue values, outside the brain mask); oil takes fat's.
 */
public final class BottlePhantom {
    private static final double SPACING_MM = 2;
    private static final int SIZE = 128;

    private BottlePhantom() {
    }

    public static Anatomy generate(long seed) {
        SeededRandom r = SeededRandom.derive(seed, "bottle phantom");
        double radius = r.uniform(40, 90), halfLength = r.uniform(50, 120);
        int axis = r.nextInt(3);
        byte fill = r.nextDouble() < 0.7 ? Label.EYE.code : Label.FAT.code;
        double half = (SIZE - 1) / 2.0 * SPACING_MM;
        double[] origin = {-half, -half, -half};
        byte[] labels = new byte[SIZE * SIZE * SIZE];
        for (int k = 0; k < SIZE; k++) {
            for (int j = 0; j < SIZE; j++) {
                for (int i = 0; i < SIZE; i++) {
                    double[] p = {origin[0] + i * SPACING_MM, origin[1] + j * SPACING_MM, origin[2] + k * SPACING_MM};
                    double along = p[axis], across = Math.hypot(p[(axis + 1) % 3], p[(axis + 2) % 3]);
                    if (Math.abs(along) <= halfLength && across <= radius) labels[i + SIZE * (j + SIZE * k)] = fill;
                }
            }
        }
        // a phantom has no anatomy: the landmarks only keep the record complete (AC at the centre, PC behind it)
        Landmarks none = new Landmarks(Vec3.ZERO, new Vec3(0, 26, 0), Vec3.ZERO, Vec3.L, Vec3.ZERO, Vec3.ZERO);
        return new Anatomy("phantom:" + seed, SIZE, SIZE, SIZE, origin, SPACING_MM, labels, none);
    }
}
