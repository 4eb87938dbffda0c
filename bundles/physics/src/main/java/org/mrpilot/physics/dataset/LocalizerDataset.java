package org.mrpilot.physics.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.acquisition.ImagingSimulator;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.Landmarks;
import org.mrpilot.physics.io.NpyWriter;
import org.mrpilot.physics.patient.PlaneGrid;
import org.mrpilot.physics.patient.VirtualPatient;

/**
 * Three-plane localizers for slice placement (seed 003), one per virtual subject, with seeded localizer variation
 * ({@link Localizer#randomSettings}). With P = count, N = slices per plane, M = matrix it writes:
 * images.npy float32 (P, 3, N, M, M) magnitude; brain.npy uint8 (P, 3, N, M, M) brain mask at each slice centre;
 * geometry.npy float64 (P, 3, N, 12) per slice ImagePositionPatient (3), row direction (3), column direction (3),
 * row spacing, column spacing, thickness (LPS mm); landmarks.npy float64 (P, 6, 3) AC, PC, mid-sagittal point,
 * mid-sagittal unit normal (to the left), left eye, right eye (LPS mm); meta.json.
 * Planes are ordered axial, coronal, sagittal.
 */
public final class LocalizerDataset {
    public record Spec(long seed, int count, int matrix, int slices, double fieldStrengthT, int perAnatomy) {
        public Spec {
            if (count <= 0) throw new IllegalArgumentException("count must be positive, got " + count);
            if (perAnatomy <= 0) throw new IllegalArgumentException("localizers per anatomy must be positive, got " + perAnatomy);
            Localizer.randomSettings(0, matrix, slices); // refuses a bad matrix or slice count before any file exists
        }
    }

    private final AnatomyFactory anatomies;

    public LocalizerDataset(AnatomyFactory anatomies) {
        this.anatomies = anatomies;
    }

    public void write(Spec spec, Path dir, Runnable progress) throws IOException {
        StagedOutput.write(dir, staging -> writeInto(spec, staging, progress));
    }

    private void writeInto(Spec spec, Path dir, Runnable progress) throws IOException {
        int p = spec.count(), n = spec.slices(), m = spec.matrix();
        List<Map<String, Object>> items = new ArrayList<>();
        try (NpyWriter images = new NpyWriter(dir.resolve("images.npy"), NpyWriter.Type.FLOAT32, p, 3, n, m, m);
             NpyWriter brain = new NpyWriter(dir.resolve("brain.npy"), NpyWriter.Type.UINT8, p, 3, n, m, m);
             NpyWriter geometry = new NpyWriter(dir.resolve("geometry.npy"), NpyWriter.Type.FLOAT64, p, 3, n, 12);
             NpyWriter landmarks = new NpyWriter(dir.resolve("landmarks.npy"), NpyWriter.Type.FLOAT64, p, 6, 3)) {
            Subjects subjects = new Subjects(anatomies, spec.seed(), spec.perAnatomy(), "localizer");
            for (int i = 0; i < p; i++) {
                VirtualPatient patient = subjects.patient(i, spec.fieldStrengthT());
                Localizer.Settings settings = Localizer.randomSettings(patient.seed(), m, n);
                for (ImagingSimulator.Acquisition a : Localizer.acquire(patient, settings)) {
                    for (int s = 0; s < a.images().size(); s++) {
                        ImageSlice image = a.images().get(s);
                        images.write(image.pixels());
                        brain.write(VirtualPatient.brainMask(patient.labels(PlaneGrid.of(a.group(), s))));
                        geometry.write(geometry(image));
                    }
                }
                landmarks.write(landmarks(patient.landmarks()));
                items.add(item(i, patient, settings));
                progress.run();
            }
        }
        DatasetMeta.write(dir.resolve("meta.json"), DatasetMeta.localizer(spec, anatomies.source(), items));
    }

    private static double[] geometry(ImageSlice s) {
        double[] g = new double[12];
        Vec3[] vectors = {s.positionMm(), s.rowDirection(), s.columnDirection()};
        for (int v = 0; v < 3; v++) System.arraycopy(vectors[v].toArray(), 0, g, 3 * v, 3);
        g[9] = s.rowSpacingMm();
        g[10] = s.columnSpacingMm();
        g[11] = s.thicknessMm();
        return g;
    }

    private static double[] landmarks(Landmarks l) {
        Vec3[] points = {l.anteriorCommissure(), l.posteriorCommissure(), l.midSagittalPoint(), l.midSagittalNormal(), l.leftEye(), l.rightEye()};
        double[] out = new double[18];
        for (int i = 0; i < points.length; i++) System.arraycopy(points[i].toArray(), 0, out, 3 * i, 3);
        return out;
    }

    private static Map<String, Object> item(int index, VirtualPatient patient, Localizer.Settings s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("index", index);
        item.put("anatomy", patient.anatomy().source());
        item.put("patient_seed", Long.toUnsignedString(patient.seed()));
        item.put("frame_of_reference_uid", patient.frameOfReferenceUid());
        item.put("pose_rotation_deg", patient.pose().anglesDeg());
        item.put("pose_translation_mm", patient.pose().translationMm().toArray());
        item.put("fov_mm", s.fovMm());
        item.put("thickness_mm", s.thicknessMm());
        item.put("gap_mm", s.gapMm());
        item.put("centre_mm", s.centreMm().toArray());
        item.put("tr_s", s.contrast().repetitionTimeS());
        item.put("te_s", s.contrast().echoTimeS());
        item.put("flip_angle_deg", s.contrast().flipAngleDeg());
        item.put("snr", s.snr());
        item.put("bias_strength", s.biasStrength());
        return item;
    }
}
