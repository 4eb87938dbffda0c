package org.mrpilot.physics.patient;

import java.util.stream.IntStream;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.physics.anatomy.Anatomy;
import org.mrpilot.physics.anatomy.Label;
import org.mrpilot.physics.anatomy.Landmarks;
import org.mrpilot.physics.anatomy.ProceduralHead;
import org.mrpilot.physics.random.SeededRandom;
import org.mrpilot.physics.signal.SignalModel;
import org.mrpilot.physics.tissue.InversionEfficiency;
import org.mrpilot.physics.tissue.Parameter;
import org.mrpilot.physics.tissue.SubjectTissues;
import org.mrpilot.physics.tissue.Tissue;
import org.mrpilot.physics.tissue.TissueLibrary;

/**
 * A virtual patient in the scanner: an anatomy, a rigid pose, and this subject's tissue values (per tissue and
 * per voxel) and inversion-efficiency map. Everything is a pure function of (anatomy, seed, field strength).
 * Positions in and out are scanner LPS mm.
 */
public final class VirtualPatient {
    private final Anatomy anatomy;
    private final RigidPose pose;
    private final TissueLibrary library;
    private final SubjectTissues tissues;
    private final InversionEfficiency inversion;
    private final long seed;

    private VirtualPatient(Anatomy anatomy, RigidPose pose, TissueLibrary library, long seed) {
        this.anatomy = anatomy;
        this.pose = pose;
        this.library = library;
        this.seed = seed;
        this.tissues = new SubjectTissues(library, seed);
        this.inversion = new InversionEfficiency(seed);
    }

    /** A patient with a seeded pose (+-25 degrees, +-25 mm) and seeded tissue values at 1.5 or 3 T. */
    public static VirtualPatient create(Anatomy anatomy, long seed, double fieldStrengthT) {
        return new VirtualPatient(anatomy, RigidPose.random(seed), TissueLibrary.forField(fieldStrengthT), seed);
    }

    /** A procedural patient: anatomy, pose and tissue values all from one seed. */
    public static VirtualPatient procedural(long seed, double fieldStrengthT) {
        return create(ProceduralHead.generate(seed), seed, fieldStrengthT);
    }

    /** The same patient (anatomy and tissue values) in another pose. */
    public VirtualPatient withPose(RigidPose newPose) {
        return new VirtualPatient(anatomy, newPose, library, seed);
    }

    public Anatomy anatomy() {
        return anatomy;
    }

    public RigidPose pose() {
        return pose;
    }

    public long seed() {
        return seed;
    }

    public TissueLibrary library() {
        return library;
    }

    public SubjectTissues tissues() {
        return tissues;
    }

    public InversionEfficiency inversion() {
        return inversion;
    }

    /** Landmarks in scanner coordinates. */
    public Landmarks landmarks() {
        return anatomy.landmarks().transformed(pose::toScanner, pose::rotate);
    }

    /** Label of the voxel nearest a scanner point. */
    public Label labelAt(Vec3 scannerMm) {
        Vec3 h = pose.toHead(scannerMm);
        return Label.of(anatomy.labelAt(h.x(), h.y(), h.z()));
    }

    /** Tissue-parameter maps on slice {@code slice} of a planned slice group. */
    public TissueMaps maps(SliceGroup group, int slice) {
        return maps(PlaneGrid.of(group, slice));
    }

    /** Tissue-parameter maps on any plane (thin: sampled at the plane itself, no averaging across thickness). */
    public TissueMaps maps(PlaneGrid grid) {
        int n = grid.columns() * grid.rows();
        float[] pd = new float[n], t1 = new float[n], t2 = new float[n], t2s = new float[n], b = new float[n];
        byte[] labels = new byte[n], mask = new byte[n];
        VoxelMapping mapping = VoxelMapping.of(anatomy, pose, grid);
        double[] origin = anatomy.originMm();
        double s = anatomy.spacingMm();
        IntStream.range(0, grid.rows()).parallel().forEach(r -> {
            double[] v = new double[3], mix = new double[4];
            for (int c = 0; c < grid.columns(); c++) {
                int p = r * grid.columns() + c;
                mapping.voxel(c, r, v);
                mixAt(v, mix);
                pd[p] = (float) mix[0];
                t1[p] = (float) mix[1];
                t2[p] = (float) mix[2];
                t2s[p] = (float) mix[3];
                b[p] = (float) inversion.at(origin[0] + v[0] * s, origin[1] + v[1] * s, origin[2] + v[2] * s);
                byte label = anatomy.labelAt(origin[0] + v[0] * s, origin[1] + v[1] * s, origin[2] + v[2] * s);
                labels[p] = label;
                mask[p] = (byte) (Label.of(label).brain ? 1 : 0);
            }
        });
        return new TissueMaps(grid, pd, t1, t2, t2s, b, labels, mask);
    }

    /** A-weighted trilinear mix of the eight voxels around continuous voxel coordinates v: {A, T1, T2, T2*}. */
    private void mixAt(double[] v, double[] out) {
        java.util.Arrays.fill(out, 0);
        int i = (int) Math.floor(v[0]), j = (int) Math.floor(v[1]), k = (int) Math.floor(v[2]);
        double fx = v[0] - i, fy = v[1] - j, fz = v[2] - k;
        double weightedPd = 0;
        for (int corner = 0; corner < 8; corner++) {
            int ii = i + (corner & 1), jj = j + ((corner >> 1) & 1), kk = k + (corner >> 2);
            if (ii < 0 || jj < 0 || kk < 0 || ii >= anatomy.nx() || jj >= anatomy.ny() || kk >= anatomy.nz()) continue;
            int index = anatomy.index(ii, jj, kk);
            Tissue tissue = Label.of(anatomy.labels()[index]).tissue;
            if (tissue == null) continue;
            double w = ((corner & 1) == 0 ? 1 - fx : fx) * (((corner >> 1) & 1) == 0 ? 1 - fy : fy) * ((corner >> 2) == 0 ? 1 - fz : fz);
            double a = tissues.voxelValue(tissue, Parameter.PD, index);
            out[0] += w * a;
            weightedPd += w * a;
            out[1] += w * a * tissues.voxelValue(tissue, Parameter.T1, index);
            out[2] += w * a * tissues.voxelValue(tissue, Parameter.T2, index);
            out[3] += w * a * tissues.voxelValue(tissue, Parameter.T2_STAR, index);
        }
        if (weightedPd > 0) {
            for (int q = 1; q < 4; q++) out[q] /= weightedPd;
        }
    }

    /**
     * The weighted image of a contrast on the anatomy grid (head coordinates; zero in air), all cores.
     * Imaging samples this volume, so images and maps come from the same voxel values.
     */
    public float[] signalVolume(SignalModel model) {
        return voxelwise((index, tissue, b) -> model.signal(tissues.voxelValue(tissue, Parameter.PD, index),
                tissues.voxelValue(tissue, Parameter.T1, index), tissues.voxelValue(tissue, Parameter.T2, index),
                tissues.voxelValue(tissue, Parameter.T2_STAR, index), b));
    }

    /** One tissue parameter on the anatomy grid (zero in air). */
    public float[] parameterVolume(Parameter parameter) {
        return voxelwise((index, tissue, b) -> tissues.voxelValue(tissue, parameter, index));
    }

    /** The inversion-efficiency map B on the anatomy grid (zero in air). */
    public float[] inversionVolume() {
        return voxelwise((index, tissue, b) -> b);
    }

    /** Voxel codes of the anatomy as floats, for writing next to the maps. */
    public float[] labelVolume() {
        byte[] labels = anatomy.labels();
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) out[i] = labels[i];
        return out;
    }

    private interface VoxelFunction {
        double value(int index, Tissue tissue, double b);
    }

    private float[] voxelwise(VoxelFunction f) {
        float[] out = new float[anatomy.labels().length];
        double[] origin = anatomy.originMm();
        double s = anatomy.spacingMm();
        int nx = anatomy.nx(), ny = anatomy.ny();
        IntStream.range(0, anatomy.nz()).parallel().forEach(k -> {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int index = anatomy.index(i, j, k);
                    Tissue t = Label.of(anatomy.labels()[index]).tissue;
                    if (t == null) continue;
                    out[index] = (float) f.value(index, t, inversion.at(origin[0] + i * s, origin[1] + j * s, origin[2] + k * s));
                }
            }
        });
        return out;
    }

    /** A volume on the anatomy grid placed in the scanner: the exact posed geometry, no resampling. */
    public Volume volume(float[] voxels) {
        double[] o = anatomy.originMm();
        return new Volume(anatomy.nx(), anatomy.ny(), anatomy.nz(), voxels, pose.toScanner(new Vec3(o[0], o[1], o[2])), pose.rotate(Vec3.L),
                pose.rotate(Vec3.P), pose.rotate(Vec3.S), new double[] {anatomy.spacingMm(), anatomy.spacingMm(), anatomy.spacingMm()},
                frameOfReferenceUid());
    }

    /** A DICOM UID for this patient's scanner frame ("2.25." + a number derived from the seed). */
    public String frameOfReferenceUid() {
        return "2.25." + Long.toUnsignedString(SeededRandom.derive(seed, "frame of reference").nextLong());
    }

    /**
     * Samples a volume on the anatomy grid (e.g. {@link #signalVolume}) on a plane, averaging {@code samples}
     * parallel planes evenly spread across the slice thickness (rectangular slice profile: partial volume).
     */
    public float[] sample(float[] volume, PlaneGrid grid, int samples) {
        if (volume.length != anatomy.labels().length) throw new IllegalArgumentException("volume is not on this patient's anatomy grid");
        if (samples <= 0) throw new IllegalArgumentException("need at least one sample across the slice");
        int n = grid.columns() * grid.rows();
        float[] out = new float[n];
        for (int q = 0; q < samples; q++) {
            double offset = ((q + 0.5) / samples - 0.5) * grid.thicknessMm();
            VoxelMapping mapping = VoxelMapping.of(anatomy, pose, grid.shifted(offset));
            IntStream.range(0, grid.rows()).parallel().forEach(r -> {
                double[] v = new double[3];
                for (int c = 0; c < grid.columns(); c++) {
                    mapping.voxel(c, r, v);
                    out[r * grid.columns() + c] += Trilinear.sample(volume, anatomy.nx(), anatomy.ny(), anatomy.nz(), v[0], v[1], v[2]) / samples;
                }
            });
        }
        return out;
    }

    /** Samples across a slice at least every half voxel. */
    public int samplesAcross(double thicknessMm) {
        return Math.max(1, (int) Math.ceil(thicknessMm / (0.5 * anatomy.spacingMm())));
    }
}
