package org.mrpilot.physics.anatomy;

import java.util.function.UnaryOperator;
import org.mrpilot.api.geometry.Vec3;

/**
 * Anatomical landmarks for slice planning, positions in LPS mm.
 *
 * @param anteriorCommissure  AC
 * @param posteriorCommissure PC
 * @param midSagittalPoint    a point on the mid-sagittal plane (between the hemispheres)
 * @param midSagittalNormal   unit normal of the mid-sagittal plane, pointing to the patient's left
 * @param leftEye             centre of the left eyeball
 * @param rightEye            centre of the right eyeball
 */
public record Landmarks(Vec3 anteriorCommissure, Vec3 posteriorCommissure, Vec3 midSagittalPoint, Vec3 midSagittalNormal,
                        Vec3 leftEye, Vec3 rightEye) {

    /** Moves the landmarks with {@code points} (for positions) and {@code directions} (for the normal). */
    public Landmarks transformed(UnaryOperator<Vec3> points, UnaryOperator<Vec3> directions) {
        return new Landmarks(points.apply(anteriorCommissure), points.apply(posteriorCommissure), points.apply(midSagittalPoint),
                directions.apply(midSagittalNormal), points.apply(leftEye), points.apply(rightEye));
    }
}
