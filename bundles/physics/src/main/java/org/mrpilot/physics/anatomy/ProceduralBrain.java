package org.mrpilot.physics.anatomy;

import static org.mrpilot.physics.anatomy.Shapes.capsule;
import static org.mrpilot.physics.anatomy.Shapes.ellipsoid;
import static org.mrpilot.physics.anatomy.Shapes.lerp;
import static org.mrpilot.physics.anatomy.Shapes.smoothMin;

import org.mrpilot.physics.random.SeededRandom;

/**
 * A procedural brain: cerebrum with folded cortex, deep grey nuclei, ventricles, interhemispheric fissure,
 * cerebellum with folia, brain stem and spinal cord. Sizes follow MNI-space anatomy, rounded; a seed varies
 * ventricle size, cortical thickness and the gyral pattern.
 */
final class ProceduralBrain implements Brain {
    private static final byte CSF = Label.CSF.code, GM = Label.GREY_MATTER.code, WM = Label.WHITE_MATTER.code;

    private final double ventricle, cortexMm, foldFrequency;
    private final double[] foldPhase = new double[3];

    ProceduralBrain(SeededRandom r) {
        ventricle = r.uniform(0.7, 1.6);
        cortexMm = r.uniform(2.2, 3.4);
        foldFrequency = 2 * Math.PI / r.uniform(22, 30);
        for (int i = 0; i < 3; i++) foldPhase[i] = r.uniform(0, 2 * Math.PI);
    }

    @Override
    public double distance(double u, double v, double w) {
        return Math.min(smoothMin(cerebrum(u, v, w), cerebellum(u, v, w), 6), stem(u, v, w) - 1);
    }

    @Override
    public byte label(double u, double v, double w) {
        double au = Math.abs(u);
        if (inVentricles(au, v, w)) return CSF;
        if (stem(u, v, w) < 0) return WM;
        double cerebrum = cerebrum(u, v, w), cerebellum = cerebellum(u, v, w);
        if (cerebellum < cerebrum) return cerebellarTissue(-cerebellum, w);
        if (cerebrum > 0) return CSF; // cisterns where the smooth union bridges cerebrum and cerebellum
        boolean fissure = w > 22 || v < -28 || v > 60;
        if (au < 0.8 && fissure) return CSF; // interhemispheric fissure
        if (au < 0.8 + cortexMm && fissure) return GM;
        if (ellipsoid(au, v, w, 11, 15, 3, 8, 14, 8) < 0) return GM; // thalamus
        if (ellipsoid(au, v, w, 13, -8, 12, 5, 11, 8) < 0) return GM; // caudate head
        if (ellipsoid(au, v, w, 25, 2, 1, 5, 14, 9) < 0) return GM; // putamen
        double depth = -cerebrum;
        double fold = Math.sin(foldFrequency * u + foldPhase[0]) * Math.sin(foldFrequency * v + foldPhase[1])
                * Math.sin(foldFrequency * w + foldPhase[2]);
        if (depth < 7 * Math.max(0, (fold - 0.5) / 0.5)) return CSF; // sulci
        return depth < cortexMm + 3 + 3 * fold ? GM : WM;
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

    private static double cerebrum(double u, double v, double w) {
        // The cerebrum's floor: anterior cranial fossa (over the orbits), middle fossa, tentorium.
        double floor = v < 0 ? lerp(-16, -40, (v + 25) / 25) : lerp(-40, -12, (v - 30) / 20);
        return Math.max(ellipsoid(u, v, w, 0, 17, 14, 68, 86, 64), floor - w);
    }

    private static double cerebellum(double u, double v, double w) {
        return ellipsoid(u, v, w, 0, 60, -30, 52, 32, 22);
    }

    private static double stem(double u, double v, double w) {
        double pons = capsule(u, v, w, 0, 22, -18, 0, 26, -34, 14);
        double stem = capsule(u, v, w, 0, 18, -5, 0, 32, -70, 10);
        double cord = capsule(u, v, w, 0, 32, -70, 0, 40, -160, 6);
        return Math.min(Math.min(pons, stem), cord);
    }
}
