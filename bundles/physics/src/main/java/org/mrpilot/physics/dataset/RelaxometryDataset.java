package org.mrpilot.physics.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.io.NpyWriter;
import org.mrpilot.physics.patient.TissueMaps;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.random.SeededRandom;

/**
 * Training patches for T1/T2 mapping (RIM): per patch a fresh virtual subject (tissue values, B map, pose) on one
 * of a few shared anatomies, sampled on a random brain plane. Writes, with P = count and S = size:
 * pd.npy, t1_s.npy, t2_s.npy, b.npy (float32, P x S x S), labels.npy and mask.npy (uint8, P x S x S), meta.json.
 */
public final class RelaxometryDataset {
    public record Spec(long seed, int count, int size, double fieldStrengthT, int patchesPerAnatomy) {
        public Spec {
            if (count <= 0) throw new IllegalArgumentException("count must be positive, got " + count);
            if (size < 8 || size > 1024) throw new IllegalArgumentException("size must be 8..1024 pixels, got " + size);
            if (patchesPerAnatomy <= 0) throw new IllegalArgumentException("patches per anatomy must be positive, got " + patchesPerAnatomy);
        }
    }

    private final AnatomyFactory anatomies;

    public RelaxometryDataset(AnatomyFactory anatomies) {
        this.anatomies = anatomies;
    }

    /**
     * Writes the dataset into {@code dir} (created if needed; files of the same names replaced only once all are
     * complete); {@code progress} runs once per finished patch.
     */
    public void write(Spec spec, Path dir, Runnable progress) throws IOException {
        StagedOutput.write(dir, staging -> writeInto(spec, staging, progress));
    }

    private void writeInto(Spec spec, Path dir, Runnable progress) throws IOException {
        long[] shape = {spec.count(), spec.size(), spec.size()};
        List<Map<String, Object>> items = new ArrayList<>();
        try (NpyWriter pd = new NpyWriter(dir.resolve("pd.npy"), NpyWriter.Type.FLOAT32, shape);
             NpyWriter t1 = new NpyWriter(dir.resolve("t1_s.npy"), NpyWriter.Type.FLOAT32, shape);
             NpyWriter t2 = new NpyWriter(dir.resolve("t2_s.npy"), NpyWriter.Type.FLOAT32, shape);
             NpyWriter b = new NpyWriter(dir.resolve("b.npy"), NpyWriter.Type.FLOAT32, shape);
             NpyWriter labels = new NpyWriter(dir.resolve("labels.npy"), NpyWriter.Type.UINT8, shape);
             NpyWriter mask = new NpyWriter(dir.resolve("mask.npy"), NpyWriter.Type.UINT8, shape)) {
            Subjects subjects = new Subjects(anatomies, spec.seed(), spec.patchesPerAnatomy(), "relaxometry");
            for (int p = 0; p < spec.count(); p++) {
                VirtualPatient patient = subjects.patient(p, spec.fieldStrengthT());
                PatchPlanes.Patch patch = PatchPlanes.draw(patient, spec.size(), SeededRandom.derive(patient.seed(), "patch"));
                TissueMaps maps = patient.maps(patch.grid());
                pd.write(maps.pd());
                t1.write(maps.t1S());
                t2.write(maps.t2S());
                b.write(maps.b());
                labels.write(maps.labels());
                mask.write(maps.brainMask());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("index", p);
                item.put("anatomy", patient.anatomy().source());
                item.put("patient_seed", Long.toUnsignedString(patient.seed()));
                item.put("orientation", Localizer.ORIENTATIONS.get(patch.orientation()));
                item.put("pixel_spacing_mm", patch.spacingMm());
                item.put("gamma", patient.inversion().gamma());
                items.add(item);
                progress.run();
            }
        }
        DatasetMeta.write(dir.resolve("meta.json"), DatasetMeta.relaxometry(spec, anatomies.source(), items));
    }
}
