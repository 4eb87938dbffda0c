package org.mrpilot.physics.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.acquisition.ImagingSimulator;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.io.NpyWriter;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.random.SeededRandom;
import org.mrpilot.physics.signal.BalancedSsfp;
import org.mrpilot.physics.signal.InversionRecovery;
import org.mrpilot.physics.signal.SignalModel;
import org.mrpilot.physics.signal.SpinEcho;
import org.mrpilot.physics.signal.SpoiledGradientEcho;
import org.mrpilot.physics.signal.T2Prepared;

/**
 * Images labelled with the acquisition parameters that made them (seed 004): per sample a virtual subject at 1.5 or
 * 3 T, a random sequence and parameters, a slice through the brain (scanner axial, coronal or sagittal; the pose
 * makes it oblique), FOV 200-260 mm, thickness 2-6 mm, SNR 5-100 (log-uniform). With P = count, S = size:
 * images.npy float32 (P, S, S) magnitude; sequence.npy uint8 (P) index into meta.json "sequences";
 * params.npy float32 (P, 8) columns in meta.json "param_columns", 0 where a sequence has no such parameter.
 */
public final class ContrastDataset {
    static final String[] SEQUENCES = {"spoiled_gre", "spin_echo", "inversion_recovery", "t2_prepared", "bssfp"};
    static final String[] COLUMNS = {"tr_s", "te_s", "ti_s", "prep_s", "flip_angle_deg", "field_strength_t", "snr", "thickness_mm"};

    public record Spec(long seed, int count, int size, int perAnatomy) {
        public Spec {
            if (count <= 0) throw new IllegalArgumentException("count must be positive, got " + count);
            if (size < 16 || size > 512) throw new IllegalArgumentException("size must be 16..512 pixels, got " + size);
            if (perAnatomy <= 0) throw new IllegalArgumentException("images per anatomy must be positive, got " + perAnatomy);
        }
    }

    private final AnatomyFactory anatomies;

    public ContrastDataset(AnatomyFactory anatomies) {
        this.anatomies = anatomies;
    }

    public void write(Spec spec, Path dir, Runnable progress) throws IOException {
        StagedOutput.write(dir, staging -> writeInto(spec, staging, progress));
    }

    private void writeInto(Spec spec, Path dir, Runnable progress) throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        int s = spec.size();
        try (NpyWriter images = new NpyWriter(dir.resolve("images.npy"), NpyWriter.Type.FLOAT32, spec.count(), s, s);
             NpyWriter sequence = new NpyWriter(dir.resolve("sequence.npy"), NpyWriter.Type.UINT8, spec.count());
             NpyWriter params = new NpyWriter(dir.resolve("params.npy"), NpyWriter.Type.FLOAT32, spec.count(), COLUMNS.length)) {
            Subjects subjects = new Subjects(anatomies, spec.seed(), spec.perAnatomy(), "contrast");
            for (int i = 0; i < spec.count(); i++) {
                SeededRandom r = SeededRandom.derive(subjects.patientSeed(i), "contrast draw");
                VirtualPatient patient = subjects.patient(i, r.nextInt(2) == 0 ? 1.5 : 3.0);
                int kind = r.nextInt(SEQUENCES.length);
                float[] row = new float[COLUMNS.length];
                SignalModel model = draw(kind, r, row);
                row[5] = (float) patient.library().fieldStrengthT();
                double snr = r.logUniform(5, 100), thickness = r.uniform(2, 6), fov = r.uniform(200, 260);
                row[6] = (float) snr;
                row[7] = (float) thickness;
                Vec3[] plane = Localizer.axes(r.nextInt(3));
                Vec3 centre = patient.landmarks().anteriorCommissure().plus(new Vec3(r.uniform(-30, 30), r.uniform(-30, 30), r.uniform(-20, 40)));
                SliceGroup group = new SliceGroup("contrast", centre, plane[0], plane[1], fov, fov, s, s, thickness, 0, 1,
                        patient.frameOfReferenceUid(), "HFS");
                images.write(new ImagingSimulator(patient, model).acquire(group, snr, patient.seed()).images().get(0).pixels());
                sequence.write(new byte[] {(byte) kind});
                params.write(row);
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("index", i);
                item.put("anatomy", patient.anatomy().source());
                item.put("patient_seed", Long.toUnsignedString(patient.seed()));
                item.put("sequence", SEQUENCES[kind]);
                item.put("model", model.toString());
                item.put("fov_mm", fov);
                items.add(item);
                progress.run();
            }
        }
        DatasetMeta.write(dir.resolve("meta.json"), DatasetMeta.contrast(spec, anatomies.source(), items));
    }

    /** A random sequence of the kind, its parameters written into {@code row} (seconds, degrees). */
    private static SignalModel draw(int kind, SeededRandom r, float[] row) {
        switch (kind) {
            case 0 -> {
                double tr = r.logUniform(0.005, 0.5), te = r.uniform(0.002, Math.min(0.02, 0.8 * tr)), flip = r.uniform(5, 90);
                fill(row, tr, te, 0, 0, flip);
                return new SpoiledGradientEcho(tr, te, flip);
            }
            case 1 -> {
                double tr = r.logUniform(0.4, 5), te = r.uniform(0.01, 0.12);
                fill(row, tr, te, 0, 0, 90);
                return new SpinEcho(tr, te);
            }
            case 2 -> {
                double ti = r.logUniform(0.05, 3);
                fill(row, 0, 0, ti, 0, 0);
                return new InversionRecovery(ti);
            }
            case 3 -> {
                double prep = r.uniform(0, 0.3);
                fill(row, 0, 0, 0, prep, 0);
                return new T2Prepared(prep);
            }
            default -> {
                double tr = r.uniform(0.003, 0.008), flip = r.uniform(20, 80);
                fill(row, tr, tr / 2, 0, 0, flip);
                return new BalancedSsfp(tr, flip);
            }
        }
    }

    private static void fill(float[] row, double tr, double te, double ti, double prep, double flip) {
        row[0] = (float) tr;
        row[1] = (float) te;
        row[2] = (float) ti;
        row[3] = (float) prep;
        row[4] = (float) flip;
    }
}
