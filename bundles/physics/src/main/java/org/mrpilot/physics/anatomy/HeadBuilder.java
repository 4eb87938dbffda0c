package org.mrpilot.physics.anatomy;

import static org.mrpilot.physics.anatomy.Shapes.capsule;
import static org.mrpilot.physics.anatomy.Shapes.ellipsoid;
import static org.mrpilot.physics.anatomy.Shapes.lerp;
import static org.mrpilot.physics.anatomy.Shapes.smoothMin;

import java.util.stream.IntStream;

/**
 * Builds a labelled head around a {@link Brain}: subarachnoid CSF, skull (tables and marrow), scalp fat and skin,
 * face with orbits (eyes, optic nerves, orbital fat), nasal cavity and sinuses, neck with muscles and vessels.
 * Head coordinates are LPS mm with AC at the origin; the shape is scaled per axis (canonical coordinates
 * u, v, w = x / sx, y / sy, z / sz, with a left/right asymmetry in sx).
 */
final class HeadBuilder {
    static final double SPACING_MM = 1.0;
    private static final int BLOCK = 8;
    /**
     * The distance approximations stretch by at most ~1.3 and the canonical frame by ~1.1, so an 8-voxel block
     * whose centre is farther out than its half diagonal (7 mm) times that is air throughout.
     */
    private static final double AIR_BLOCK_MARGIN_MM = 12;
    private static final byte AIR = Label.BACKGROUND.code, CSF = Label.CSF.code, WM = Label.WHITE_MATTER.code, FAT = Label.FAT.code,
            MUSCLE = Label.MUSCLE.code, SKIN = Label.SKIN.code, BONE = Label.SKULL.code, VESSEL = Label.VESSEL.code,
            MARROW = Label.MARROW.code, EYE = Label.EYE.code;

    /**
     * @param eye canonical centre of the left eye (the right one mirrors it)
     */
    record Shape(double sx, double sy, double sz, double asymmetry, double csfGapMm, double skullMm, double scalpFatMm, double[] eye) {
    }

    private final Brain brain;
    private final Shape shape;

    HeadBuilder(Brain brain, Shape shape) {
        this.brain = brain;
        this.shape = shape;
    }

    double scaleX(double x) {
        return shape.sx() * (x >= 0 ? 1 + shape.asymmetry() : 1 - shape.asymmetry());
    }

    Anatomy build(String source, Landmarks landmarks) {
        double[] origin = {Math.floor(-92 * shape.sx() * 1.03), Math.floor(-118 * shape.sy()), Math.floor(-140 * shape.sz())};
        int nx = 2 * (int) -origin[0] + 1;
        int ny = (int) Math.ceil(128 * shape.sy() - origin[1]) + 1;
        int nz = (int) Math.ceil(102 * shape.sz() - origin[2]) + 1;
        byte[] labels = new byte[nx * ny * nz];
        int bx = ceilDiv(nx, BLOCK), by = ceilDiv(ny, BLOCK), bz = ceilDiv(nz, BLOCK);
        IntStream.range(0, bx * by * bz).parallel().forEach(block -> {
            int i0 = block % bx * BLOCK, j0 = block / bx % by * BLOCK, k0 = block / (bx * by) * BLOCK;
            int i1 = Math.min(nx, i0 + BLOCK), j1 = Math.min(ny, j0 + BLOCK), k1 = Math.min(nz, k0 + BLOCK);
            double cx = origin[0] + (i0 + i1 - 1) / 2.0 * SPACING_MM, cy = origin[1] + (j0 + j1 - 1) / 2.0 * SPACING_MM,
                    cz = origin[2] + (k0 + k1 - 1) / 2.0 * SPACING_MM;
            if (headDistance(cx, cy, cz) > AIR_BLOCK_MARGIN_MM) return;
            for (int k = k0; k < k1; k++) {
                for (int j = j0; j < j1; j++) {
                    int row = nx * (j + ny * k);
                    for (int i = i0; i < i1; i++) labels[row + i] = classify(origin[0] + i * SPACING_MM, origin[1] + j * SPACING_MM, origin[2] + k * SPACING_MM);
                }
            }
        });
        return new Anatomy(source, nx, ny, nz, origin, SPACING_MM, labels, landmarks);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private double headDistance(double x, double y, double z) {
        double u = x / scaleX(x), v = y / shape.sy(), w = z / shape.sz();
        return head(brain.distance(u, v, w), u, v, w);
    }

    private double head(double brainDistance, double u, double v, double w) {
        double scalp = brainDistance - (shape.csfGapMm() + shape.skullMm() + shape.scalpFatMm() + 2);
        return smoothMin(smoothMin(scalp, face(u, v, w), 14), neck(u, v, w), 16);
    }

    /** Label at a head-coordinate point (mm). */
    byte classify(double x, double y, double z) {
        double u = x / scaleX(x), v = y / shape.sy(), w = z / shape.sz();
        double au = Math.abs(u);
        double d = brain.distance(u, v, w);
        // Inside the skull the scalp term alone puts the surface more than 2 mm away: no need to evaluate it.
        if (d >= shape.csfGapMm() + shape.skullMm()) {
            double head = head(d, u, v, w);
            if (head > 0) return AIR;
            if (head > -2) return SKIN;
        }
        if (d < 0) {
            byte label = brain.label(u, v, w);
            return label == CSF ? cerebrospinalSpace(u, au, v, w, d) : label;
        }
        if (d < shape.csfGapMm()) return cerebrospinalSpace(u, au, v, w, d);
        double[] e = shape.eye();
        double eye = Math.sqrt((au - e[0]) * (au - e[0]) + (v - e[1]) * (v - e[1]) + (w - e[2]) * (w - e[2]));
        if (eye < 12) return EYE;
        if (eye < 13) return MUSCLE; // sclera and the insertions of the eye muscles
        if (inAirway(au, v, w)) return AIR;
        if (d < shape.csfGapMm() + shape.skullMm()) {
            double depth = d - shape.csfGapMm();
            return depth < 1.5 || depth > shape.skullMm() - 1.5 ? BONE : MARROW;
        }
        if (capsule(au, v, w, e[0] - 2, e[1] + 10, e[2], 12, -20, -22, 2.5) < 0) return WM; // optic nerve to the chiasm
        if (ellipsoid(au, v, w, e[0] - 2, e[1] + 14, e[2], 17, 26, 16) < 0) return FAT; // orbital fat
        return softTissue(au, v, w, d);
    }

    /** CSF spaces with the large vessels that run in them. */
    private byte cerebrospinalSpace(double u, double au, double v, double w, double d) {
        if (au < 4 && w > 0 && d > shape.csfGapMm() - 3.5) return VESSEL; // superior sagittal sinus in the falx
        double stemY = lerp(18, 32, (-5 - w) / 65);
        if (Math.hypot(u, v - (stemY - 13)) < 1.8 && w > -60 && w < -12) return VESSEL; // basilar artery
        return CSF;
    }

    private static double face(double u, double v, double w) {
        double face = ellipsoid(u, v, w, 0, -40, -48, 58, 58, 52);
        double nose = ellipsoid(u, v, w, 0, -96, -42, 11, 12, 22);
        return smoothMin(face, nose, 8);
    }

    private static double neck(double u, double v, double w) {
        double a = 52, b = 50;
        double r = Math.hypot(u / a, (v - 25) / b);
        return Math.max((r - 1) * Math.min(a, b), w + 40);
    }

    private static boolean inAirway(double au, double v, double w) {
        return (au < 9 && v > -100 && v < -45 && w > -72 && w < -25) // nasal cavity
                || ellipsoid(au, v, w, 24, -58, -58, 11, 14, 13) < 0 // maxillary sinuses
                || (au < 8 && v > -45 && v < 5 && w > -140 && w < -75); // pharynx
    }

    private byte softTissue(double au, double v, double w, double d) {
        if (Math.hypot(au - 22, v + 2) < 3.5 && w < -45) return VESSEL; // carotid arteries
        if (Math.hypot(au - 25, v - 12) < 5 && w < -45) return VESSEL; // jugular veins
        boolean temporal = au > 50 && w > -25 && w < 40 && v > -45 && v < 25;
        if (temporal && d < shape.csfGapMm() + shape.skullMm() + shape.scalpFatMm()) return MUSCLE; // temporalis
        if (w < -45 && (neck(au, v, w) < -10 || face(au, v, w) < -8)) return MUSCLE;
        return FAT;
    }
}
