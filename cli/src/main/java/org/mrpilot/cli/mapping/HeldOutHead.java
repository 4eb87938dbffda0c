package org.mrpilot.cli.mapping;

import java.util.Random;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.mapping.SignalModel;

/**
 * A held-out axial head slice (256x256) with tissue parameters drawn as in seed 001 section 4.2: per tissue a
 * value from Table 1, 5 % voxel-wise variation, B = 2 - |N(0, 0.2)| for the slice. The anatomy is analytic
 * (scalp, fat, skull with marrow, CSF, folded cortex, white matter, ventricles, vessels) and its seed differs from
 * every training seed. Replace by the physics core's held-out patient once that is available here.
 */
public final class HeldOutHead {
    public static final int SIZE = 256;
    public static final long SEED = 90001;

    enum Tissue {
        BACKGROUND(0, 0, 0, 0, 0), CSF(3.5, 0.3, 2.0, 0.3, 1.0), GM(1.4, 0.3, 0.11, 0.03, 0.85), WM(0.78, 0.25, 0.08, 0.02, 0.65),
        FAT(0.42, 0.1, 0.07, 0.02, 0.9), SKIN(1.23, 0.3, 0.05, 0.02, 0.7), SKULL(0.4, 0.1, 0.03, 0.01, 0.9),
        VESSELS(1.98, 0.3, 0.275, 0.07, 1.0), MARROW(0.58, 0.1, 0.05, 0.02, 0.8);

        final double t1, t1Sd, t2, t2Sd, pd;

        Tissue(double t1, double t1Sd, double t2, double t2Sd, double pd) {
            this.t1 = t1;
            this.t1Sd = t1Sd;
            this.t2 = t2;
            this.t2Sd = t2Sd;
            this.pd = pd;
        }

        boolean brain() {
            return this == CSF || this == GM || this == WM;
        }
    }

    final Tissue[] labels = new Tissue[SIZE * SIZE];
    final float[] pd = new float[SIZE * SIZE];
    final float[] t1 = new float[SIZE * SIZE];
    final float[] t2 = new float[SIZE * SIZE];
    final float[] b = new float[SIZE * SIZE];

    HeldOutHead(long seed) {
        Random random = new Random(seed);
        double phase = random.nextDouble() * Math.PI;
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double x = (c - SIZE / 2.0 + 0.5) / (SIZE / 2.0), y = (r - SIZE / 2.0 + 0.5) / (SIZE / 2.0);
                double radius = Math.hypot(x / 0.78, y / 0.94);
                double angle = Math.atan2(y, x);
                double folds = 0.035 * Math.sin(14 * angle + phase) + 0.02 * Math.sin(23 * angle);
                Tissue t;
                if (radius > 1) t = Tissue.BACKGROUND;
                else if (radius > 0.965) t = Tissue.SKIN;
                else if (radius > 0.93) t = Tissue.FAT;
                else if (radius > 0.91) t = Tissue.SKULL;
                else if (radius > 0.88) t = Tissue.MARROW;
                else if (radius > 0.86) t = Tissue.SKULL;
                else if (radius > 0.83) t = Tissue.CSF;
                else if (radius > 0.70 + folds) t = Tissue.GM;
                else t = Tissue.WM;
                if (t == Tissue.WM) {
                    double ventricle = Math.min(Math.hypot((x - 0.09) / 0.06, (y + 0.05) / 0.25), Math.hypot((x + 0.09) / 0.06, (y + 0.05) / 0.25));
                    double deepGrey = Math.min(Math.hypot((x - 0.25) / 0.09, (y - 0.05) / 0.14), Math.hypot((x + 0.25) / 0.09, (y - 0.05) / 0.14));
                    if (ventricle < 1) t = Tissue.CSF;
                    else if (deepGrey < 1) t = Tissue.GM;
                    else if (Math.abs(x) < 0.012 && y < -0.45) t = Tissue.CSF; // interhemispheric fissure
                }
                labels[r * SIZE + c] = t;
            }
        }
        for (int v = 0; v < 12; v++) { // vessels: small bright dots in the cortex
            int c = random.nextInt(SIZE), r = random.nextInt(SIZE);
            if (labels[r * SIZE + c] == Tissue.GM) labels[r * SIZE + c] = Tissue.VESSELS;
        }
        double inversion = 2 - Math.abs(0.2 * random.nextGaussian());
        java.util.Map<Tissue, double[]> drawn = new java.util.EnumMap<>(Tissue.class);
        for (Tissue t : Tissue.values()) {
            drawn.put(t, new double[] {Math.max(t.t1 + t.t1Sd * random.nextGaussian(), 0.15), Math.max(t.t2 + t.t2Sd * random.nextGaussian(), 0.015),
                    Math.min(Math.max(t.pd + 0.15 * random.nextGaussian(), 0.2), 1.4)});
        }
        for (int i = 0; i < labels.length; i++) {
            Tissue t = labels[i];
            b[i] = (float) inversion;
            if (t == Tissue.BACKGROUND) {
                t1[i] = t2[i] = 1;
                continue;
            }
            double[] v = drawn.get(t);
            t1[i] = (float) (v[0] * (1 + 0.05 * random.nextGaussian()));
            t2[i] = (float) (v[1] * (1 + 0.05 * random.nextGaussian()));
            pd[i] = (float) (v[2] * (1 + 0.05 * random.nextGaussian()));
        }
    }

    private HeldOutHead(HeldOutHead from) {
        System.arraycopy(from.labels, 0, labels, 0, labels.length);
        System.arraycopy(from.pd, 0, pd, 0, pd.length);
        System.arraycopy(from.t1, 0, t1, 0, t1.length);
        System.arraycopy(from.t2, 0, t2, 0, t2.length);
        System.arraycopy(from.b, 0, b, 0, b.length);
    }

    /** An independent copy, e.g. to plant small structures in. */
    HeldOutHead copy() {
        return new HeldOutHead(this);
    }

    boolean brain(int i) {
        return labels[i].brain();
    }

    /** True relaxation time of {@code kind} at pixel i. */
    float relaxation(RelaxometryKind kind, int i) {
        return kind == RelaxometryKind.T1 ? t1[i] : t2[i];
    }

    /** Noise-free weighted images for the schedule. */
    float[][] images(RelaxometryKind kind, double[] timesS) {
        SignalModel model = SignalModel.of(kind);
        float[][] out = new float[timesS.length][SIZE * SIZE];
        for (int i = 0; i < pd.length; i++) {
            double[] p = kind == RelaxometryKind.T1 ? new double[] {pd[i], b[i], t1[i]} : new double[] {pd[i], t2[i]};
            for (int n = 0; n < timesS.length; n++) out[n][i] = (float) model.value(p, timesS[n]);
        }
        return out;
    }
}
