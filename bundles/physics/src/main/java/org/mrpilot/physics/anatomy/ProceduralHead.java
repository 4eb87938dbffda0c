package org.mrpilot.physics.anatomy;

import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.random.SeededRandom;

/**
 * Procedural 3D head, deterministic for a seed. Head coordinates are LPS mm with the anterior commissure at
 * the origin and the mid-sagittal plane at x = 0. A seed varies head size and shape per axis, left/right
 * asymmetry, ventricle size, cortical thickness, gyral pattern, and CSF, skull and scalp thickness.
 */
public final class ProceduralHead {
    /** Canonical left-eye centre: 20 mm below the anterior cranial fossa, just behind the frontal pole. */
    private static final double[] EYE = {32, -62, -36};

    private ProceduralHead() {
    }

    /** Generates the labelled head for a seed (1 mm grid, all cores). */
    public static Anatomy generate(long seed) {
        SeededRandom r = SeededRandom.derive(seed, "procedural head");
        HeadBuilder.Shape shape = new HeadBuilder.Shape(r.uniform(0.92, 1.08), r.uniform(0.92, 1.08), r.uniform(0.92, 1.08),
                r.uniform(-0.03, 0.03), r.uniform(1.5, 3.5), r.uniform(5.5, 8.5), r.uniform(2.5, 5.5), EYE);
        HeadBuilder builder = new HeadBuilder(new ProceduralBrain(r), shape);
        double sy = shape.sy(), sz = shape.sz();
        double left = EYE[0] * builder.scaleX(1), right = -EYE[0] * builder.scaleX(-1);
        Landmarks landmarks = new Landmarks(Vec3.ZERO, new Vec3(0, 26 * sy, -2 * sz), Vec3.ZERO, Vec3.L,
                new Vec3(left, EYE[1] * sy, EYE[2] * sz), new Vec3(right, EYE[1] * sy, EYE[2] * sz));
        return builder.build("procedural:" + seed, landmarks);
    }
}
