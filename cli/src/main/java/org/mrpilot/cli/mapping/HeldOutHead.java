package org.mrpilot.cli.mapping;

import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.mapping.SignalModel;
import org.mrpilot.physics.anatomy.Label;
import org.mrpilot.physics.patient.PlaneGrid;
import org.mrpilot.physics.patient.RigidPose;
import org.mrpilot.physics.patient.TissueMaps;
import org.mrpilot.physics.patient.VirtualPatient;

/**
 * The benchmark's held-out slice: a 256x256 axial plane (0.9 mm pixels) through a procedural virtual patient of
 * the physics core whose seed is used by no training set, at 3 T, in the reference pose. Ground truth is the
 * patient's tissue maps (A relative to CSF, T1, T2, B).
 */
public final class HeldOutHead {
    public static final int SIZE = 256;
    public static final long SEED = 90001;
    static final double PIXEL_MM = 0.9;
    static final double SLICE_ABOVE_CENTRE_MM = 0; // through the lateral ventricles and deep grey matter

    final byte[] labels;
    final boolean[] brain;
    final float[] pd;
    final float[] t1;
    final float[] t2;
    final float[] b;

    HeldOutHead(long seed) {
        VirtualPatient patient = VirtualPatient.procedural(seed, 3.0).withPose(RigidPose.identity());
        Vec3 centre = RigidPose.HEAD_CENTRE.plus(new Vec3(0, 0, SLICE_ABOVE_CENTRE_MM));
        Vec3 first = centre.minus(new Vec3((SIZE - 1) / 2.0 * PIXEL_MM, (SIZE - 1) / 2.0 * PIXEL_MM, 0));
        TissueMaps maps = patient.maps(new PlaneGrid(SIZE, SIZE, first, new Vec3(1, 0, 0), new Vec3(0, 1, 0), PIXEL_MM, PIXEL_MM, 1.0));
        labels = maps.labels();
        pd = maps.pd();
        t1 = maps.t1S();
        t2 = maps.t2S();
        b = maps.b();
        brain = new boolean[labels.length];
        for (int i = 0; i < brain.length; i++) brain[i] = maps.brainMask()[i] != 0 && pd[i] > 0;
    }

    private HeldOutHead(HeldOutHead from) {
        labels = from.labels.clone();
        brain = from.brain.clone();
        pd = from.pd.clone();
        t1 = from.t1.clone();
        t2 = from.t2.clone();
        b = from.b.clone();
    }

    /** An independent copy, e.g. to plant small structures in. */
    HeldOutHead copy() {
        return new HeldOutHead(this);
    }

    boolean brain(int i) {
        return brain[i];
    }

    boolean is(int i, Label label) {
        return labels[i] == label.code;
    }

    /** Noise-free weighted images for the schedule. */
    float[][] images(RelaxometryKind kind, double[] timesS) {
        SignalModel model = SignalModel.of(kind);
        float[][] out = new float[timesS.length][SIZE * SIZE];
        for (int i = 0; i < pd.length; i++) {
            if (pd[i] <= 0) continue; // air
            double[] p = kind == RelaxometryKind.T1 ? new double[] {pd[i], b[i], t1[i]} : new double[] {pd[i], t2[i]};
            for (int n = 0; n < timesS.length; n++) out[n][i] = (float) model.value(p, timesS[n]);
        }
        return out;
    }
}
