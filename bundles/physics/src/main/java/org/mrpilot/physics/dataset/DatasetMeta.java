package org.mrpilot.physics.dataset;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mrpilot.physics.anatomy.AnatomySource;
import org.mrpilot.physics.anatomy.Label;
import org.mrpilot.physics.tissue.InversionEfficiency;
import org.mrpilot.physics.tissue.SubjectTissues;
import org.mrpilot.physics.tissue.TissueLibrary;
import org.mrpilot.physics.tissue.TissueProperties;

/** The meta.json next to a dataset's arrays: how it was made (seed, source, field) and what the arrays hold. */
final class DatasetMeta {
    static final int FORMAT_VERSION = 1;

    private DatasetMeta() {
    }

    static JsonObject relaxometry(RelaxometryDataset.Spec spec, AnatomySource source, List<Map<String, Object>> items) {
        JsonObject m = common("relaxometry", spec.seed(), spec.fieldStrengthT(), source);
        m.addProperty("count", spec.count());
        m.addProperty("size", spec.size());
        m.addProperty("patches_per_anatomy", spec.patchesPerAnatomy());
        long[] shape = {spec.count(), spec.size(), spec.size()};
        JsonObject arrays = new JsonObject();
        arrays.add("pd", array("pd.npy", "float32", shape, "A, proton density relative to CSF"));
        arrays.add("t1_s", array("t1_s.npy", "float32", shape, "T1 in seconds (0 in air)"));
        arrays.add("t2_s", array("t2_s.npy", "float32", shape, "T2 in seconds (0 in air)"));
        arrays.add("b", array("b.npy", "float32", shape, "inversion efficiency B = 2 - Gamma (defined everywhere)"));
        arrays.add("labels", array("labels.npy", "uint8", shape, "label code, see label_names"));
        arrays.add("mask", array("mask.npy", "uint8", shape, "1 inside the brain (CSF, grey and white matter in the skull)"));
        m.add("arrays", arrays);
        JsonObject sampling = new JsonObject();
        sampling.addProperty("per_subject", "each tissue's A, T1, T2 drawn from N(mean, sd) of tissue_table, truncated at 0.2 x mean");
        sampling.addProperty("voxel_cv", SubjectTissues.VOXEL_CV);
        sampling.addProperty("gamma_sigma", InversionEfficiency.GAMMA_SIGMA);
        sampling.addProperty("b_map", "2 - Gamma * (1 + 0.15 s(x)), s a smooth field in [-1, 1], capped at 2");
        sampling.addProperty("partial_volume", "trilinear over 1 mm voxels; A averaged, times A-weighted");
        sampling.addProperty("plane", "centre uniform over the brain mask, scanner axial/coronal/sagittal, pixel spacing uniform 0.8-1.2 mm");
        m.add("sampling", sampling);
        m.add("items", new GsonBuilder().create().toJsonTree(items));
        return m;
    }

    static JsonObject common(String kind, long seed, double fieldStrengthT, AnatomySource source) {
        JsonObject m = new JsonObject();
        m.addProperty("kind", kind);
        m.addProperty("format_version", FORMAT_VERSION);
        m.addProperty("seed", seed);
        m.addProperty("field_strength_t", fieldStrengthT);
        m.addProperty("source", source.lowerName());
        JsonObject names = new JsonObject();
        for (Label l : Label.values()) names.addProperty(Integer.toString(l.code), l.lowerName());
        m.add("label_names", names);
        JsonArray brain = new JsonArray();
        for (Label l : Label.values()) {
            if (l.brain) brain.add(l.code);
        }
        m.add("brain_labels", brain);
        m.add("tissue_table", tissueTable(TissueLibrary.forField(fieldStrengthT)));
        return m;
    }

    static JsonObject tissueTable(TissueLibrary library) {
        JsonObject table = new JsonObject();
        for (TissueProperties p : library.all().values()) {
            JsonObject row = new JsonObject();
            row.addProperty("t1_mean_s", p.t1MeanS());
            row.addProperty("t1_sd_s", p.t1SdS());
            row.addProperty("t2_mean_s", p.t2MeanS());
            row.addProperty("t2_sd_s", p.t2SdS());
            row.addProperty("t2star_mean_s", p.t2StarMeanS());
            row.addProperty("t2star_sd_s", p.t2StarSdS());
            row.addProperty("pd_mean", p.pdMean());
            row.addProperty("pd_sd", p.pdSd());
            table.add(p.tissue().name().toLowerCase(java.util.Locale.ROOT), row);
        }
        return table;
    }

    private static JsonObject array(String file, String dtype, long[] shape, String meaning) {
        JsonObject a = new JsonObject();
        a.addProperty("file", file);
        a.addProperty("dtype", dtype);
        JsonArray s = new JsonArray();
        for (long d : shape) s.add(d);
        a.add("shape", s);
        a.addProperty("meaning", meaning);
        return a;
    }

    static void write(Path file, JsonObject meta) throws IOException {
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(meta) + "\n", StandardCharsets.UTF_8);
    }
}
