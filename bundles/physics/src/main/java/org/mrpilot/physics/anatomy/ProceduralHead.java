package org.mrpilot.physics.anatomy;

import static org.mrpilot.physics.anatomy.Shapes.capsule;
import static org.mrpilot.physics.anatomy.Shapes.ellipsoid;
import static org.mrpilot.physics.anatomy.Shapes.lerp;
import static org.mrpilot.physics.anatomy.Shapes.smoothMin;

import java.util.stream.IntStream;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.random.SeededRandom;

/**
 * Procedural 3D head, deterministic for a seed. Head coordinates are LPS mm with the anterior commissure at
 * the origin and the mid-sagittal plane at x = 0. The anatomy is built in a canonical adult head (sizes from
 * MNI-space atlases, rounded) and varied per seed: head size and shape per axis, left/right asymmetry,
 * ventricle size, cortical thickness, gyral pattern, skull and scalp thickness.
 */
public final class ProceduralHead {
    public static final double SPACING_MM = 1.0;
    private static final int BLOCK = 8;
    private static final double AIR_BLOCK_MARGIN_MM = 12;
    private static final byte AIR = Label.BACKGROUND.code, CSF = Label.CSF.code, GM = Label.GREY_MATTER.code,
            WM = Label.WHITE_MATTER.code, FAT = Label.FAT.code, MUSCLE = Label.MUSCLE.code, SKIN = Label.SKIN.code,
            BONE = Label.SKULL.code, VESSEL = Label.VESSEL.code, MARROW = Label.MARROW.code, EYE = Label.EYE.code;

    private final double sx, sy, sz, asymmetry, ventricle, cortexMm, skullMm, scalpFatMm, csfGapMm, foldFrequency;
    private final double[] foldPhase = new double[3];

    private ProceduralHead(long seed) {
        SeededRandom r = SeededRandom.derive(seed, "procedural head");
        sx = r.uniform(0.92, 1.08);
        sy = r.uniform(0.92, 1.08);
        sz = r.uniform(0.92, 1.08);
        asymmetry = r.uniform(-0.03, 0.03);
        ventricle = r.uniform(0.7, 1.6);
        cortexMm = r.uniform(2.2, 3.4);
        skullMm = r.uniform(5.5, 8.5);
        scalpFatMm = r.uniform(2.5, 5.5);
        csfGapMm = r.uniform(1.5, 3.5);
        foldFrequency = 2 * Math.PI / r.uniform(22, 30);
        for (int i = 0; i < 3; i++) foldPhase[i] = r.uniform(0, 2 * Math.PI);
    }

    /** Generates the labelled head for a seed (1 mm grid, all cores). */
    public static Anatomy generate(long seed) {
        return new ProceduralHead(seed).build(seed);
    }

    private Anatomy build(long seed) {
        double[] origin = {Math.floor(-92 * sx * 1.03), Math.floor(-118 * sy), Math.floor(-140 * sz)};
        int nx = 2 * (int) -origin[0] + 1;
        int ny = (int) Math.ceil(128 * sy - origin[1]) + 1;
        int nz = (int) Math.ceil(102 * sz - origin[2]) + 1;
        byte[] labels = new byte[nx * ny * nz];
        int bx = ceilDiv(nx, BLOCK), by = ceilDiv(ny, BLOCK), bz = ceilDiv(nz, BLOCK);
        IntStream.range(0, bx * by * bz).parallel().forEach(block -> {
            int i0 = block % bx * BLOCK, j0 = block / bx % by * BLOCK, k0 = block / (bx * by) * BLOCK;
            int i1 = Math.min(nx, i0 + BLOCK), j1 = Math.min(ny, j0 + BLOCK), k1 = Math.min(nz, k0 + BLOCK);
            double cx = origin[0] + (i0 + i1 - 1) / 2.0 * SPACING_MM, cy = origin[1] + (j0 + j1 - 1) / 2.0 * SPACING_MM,
                    cz = origin[2] + (k0 + k1 - 1) / 2.0 * SPACING_MM;
            if (headDistance(cx, cy, cz) > AIR_BLOCK_MARGIN_MM) return; // the whole block is air
            for (int k = k0; k < k1; k++) {
                for (int j = j0; j < j1; j++) {
                    int row = nx * (j + ny * k);
                    for (int i = i0; i < i1; i++) labels[row + i] = classify(origin[0] + i * SPACING_MM, origin[1] + j * SPACING_MM, origin[2] + k * SPACING_MM);
                }
            }
        });
        return new Anatomy("procedural:" + seed, nx, ny, nz, origin, SPACING_MM, labels, landmarks());
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * Distance from the head surface (mm in canonical units) of a point. The distance approximations stretch by
     * at most ~1.3 and the canonical frame by ~1.1, so a block whose centre is farther out than its half
     * diagonal (7 mm for 8 voxels) times that is air throughout.
     */
    private double headDistance(double x, double y, double z) {
        double u = x / scaleX(x), v = y / sy, w = z / sz;
        double brain = Math.min(smoothMin(cerebrumDistance(u, v, w), cerebellumDistance(u, v, w), 6), stemDistance(u, v, w) - 1);
        return head(brain, u, v, w);
    }

    private double head(double brain, double u, double v, double w) {
        return smoothMin(smoothMin(brain - (csfGapMm + skullMm + scalpFatMm + 2), face(u, v, w), 14), neck(u, v, w), 16);
    }

    private double scaleX(double x) {
        return sx * (x >= 0 ? 1 + asymmetry : 1 - asymmetry);
    }

    private Landmarks landmarks() {
        return new Landmarks(Vec3.ZERO, new Vec3(0, 26 * sy, -2 * sz), Vec3.ZERO, Vec3.L,
                new Vec3(32 * scaleX(1), -62 * sy, -30 * sz), new Vec3(-32 * scaleX(-1), -62 * sy, -30 * sz));
    }

    /** Label at a head-coordinate point (mm). */
    byte classify(double x, double y, double z) {
        double u = x / scaleX(x), v = y / sy, w = z / sz;
        double au = Math.abs(u);

        double cerebrum = cerebrumDistance(u, v, w), cerebellum = cerebellumDistance(u, v, w), stem = stemDistance(u, v, w);
        double brain = Math.min(smoothMin(cerebrum, cerebellum, 6), stem - 1);
        double head = head(brain, u, v, w);
        if (head > 0) return AIR;
        if (head > -2) return SKIN;
        if (inAirway(au, v, w, brain)) return AIR;

        if (au > 8 && v < -16 && w < -8 && w > -50) {
            byte orbit = orbit(au, v, w);
            if (orbit != AIR) return orbit;
        }

        if (brain < csfGapMm) return intracranial(u, au, v, w, brain, cerebrum, cerebellum, stem);
        if (brain < csfGapMm + skullMm) {
            double depth = brain - csfGapMm;
            return depth < 1.5 || depth > skullMm - 1.5 ? BONE : MARROW;
        }
        return softTissue(au, v, w, brain);
    }

    /** Brain tissue and the ventricles, cisterns and sulci inside the intracranial space. */
    private byte intracranial(double u, double au, double v, double w, double brain, double cerebrum, double cerebellum, double stem) {
        if (au < 4 && w > 0 && brain > csfGapMm - 3.5) return VESSEL; // superior sagittal sinus in the falx
        double stemY = lerp(18, 32, (-5 - w) / 65);
        if (Math.hypot(u, v - (stemY - 13)) < 1.8 && w > -60 && w < -12) return VESSEL; // basilar artery
        if (brain > 0) return CSF;
        if (inVentricles(au, v, w)) return CSF;
        if (stem < 0) return WM;
        if (cerebellum < cerebrum) return cerebellarTissue(-cerebellum, w);
        if (au < 0.8 && (w > 22 || v < -28 || v > 60)) return CSF; // interhemispheric fissure
        if (au < 0.8 + cortexMm && (w > 22 || v < -28 || v > 60)) return GM;
        if (ellipsoid(au, v, w, 11, 15, 3, 8, 14, 8) < 0) return GM; // thalamus
        if (ellipsoid(au, v, w, 13, -8, 12, 5, 11, 8) < 0) return GM; // caudate head
        if (ellipsoid(au, v, w, 25, 2, 1, 5, 14, 9) < 0) return GM; // putamen
        double depth = -cerebrum;
        double fold = Math.sin(foldFrequency * u + foldPhase[0]) * Math.sin(foldFrequency * v + foldPhase[1])
                * Math.sin(foldFrequency * w + foldPhase[2]);
        if (depth < 7 * Math.max(0, (fold - 0.5) / 0.5)) return CSF; // sulci
        return depth < cortexMm + 3 + 3 * fold ? GM : WM;
    }

    /** Eyeball, sclera, optic nerve and orbital fat; AIR when the point is in none of them. */
    private static byte orbit(double au, double v, double w) {
        double eye = Math.sqrt((au - 32) * (au - 32) + (v + 62) * (v + 62) + (w + 30) * (w + 30));
        if (eye < 12) return EYE;
        if (eye < 13) return MUSCLE; // sclera and the extraocular muscles' insertions
        if (capsule(au, v, w, 30, -52, -30, 12, -20, -22, 2.5) < 0) return WM; // optic nerve
        if (ellipsoid(au, v, w, 30, -48, -30, 17, 26, 16) < 0) return FAT;
        return AIR;
    }

    private static byte cerebellarTissue(double depth, double w) {
        if (depth < 8 && Math.sin(1.1 * w) > 0.8) return CSF; // folia
        if (depth < 9 + 3 * Math.sin(0.9 * w)) return GM;
        return WM;
    }

    private boolean inVentricles(double au, double v, double w) {
        double s = ventricle;
        return ellipsoid(au, v, w, 3 + 5 * s, 5, 16, 4.5 * s, 28, 7 * s) < 0 // lateral ventricles
                || ellipsoid(au, v, w, 0, 12, -1, 1.3 * s, 13, 11) < 0 // third ventricle, between AC and PC
                || ellipsoid(au, v, w, 0, 44, -32, 6 * s, 5, 7 * s) < 0; // fourth ventricle
    }

    private double cerebrumDistance(double u, double v, double w) {
        // The cerebrum's floor: anterior cranial fossa (over the orbits), middle fossa, tentorium.
        double floor = v < 0 ? lerp(-16, -40, (v + 25) / 25) : lerp(-40, -12, (v - 30) / 20);
        return Math.max(ellipsoid(u, v, w, 0, 17, 14, 68, 86, 64), floor - w);
    }

    private static double cerebellumDistance(double u, double v, double w) {
        return ellipsoid(u, v, w, 0, 60, -30, 52, 32, 22);
    }

    private static double stemDistance(double u, double v, double w) {
        double pons = capsule(u, v, w, 0, 22, -18, 0, 26, -34, 14);
        double stem = capsule(u, v, w, 0, 18, -5, 0, 32, -70, 10);
        double cord = capsule(u, v, w, 0, 32, -70, 0, 40, -160, 6);
        return Math.min(Math.min(pons, stem), cord);
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

    private static boolean inAirway(double au, double v, double w, double brain) {
        if (brain < 0) return false;
        return (au < 9 && v > -100 && v < -45 && w > -72 && w < -25) // nasal cavity
                || ellipsoid(au, v, w, 24, -58, -58, 11, 14, 13) < 0 // maxillary sinuses
                || (au < 8 && v > -45 && v < 5 && w > -140 && w < -75); // pharynx
    }

    private byte softTissue(double au, double v, double w, double brain) {
        if (Math.hypot(au - 22, v + 2) < 3.5 && w < -45) return VESSEL; // carotid arteries
        if (Math.hypot(au - 25, v - 12) < 5 && w < -45) return VESSEL; // jugular veins
        if (au > 50 && w > -25 && w < 40 && v > -45 && v < 25 && brain < csfGapMm + skullMm + scalpFatMm) return MUSCLE; // temporalis
        if (w < -45 && neck(au, v, w) < -10) return MUSCLE;
        if (w < -45 && face(au, v, w) < -8) return MUSCLE;
        return FAT;
    }
}
