package org.mrpilot.physics.dataset;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.physics.acquisition.ImagingSimulator;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.anatomy.Label;
import org.mrpilot.physics.anatomy.Landmarks;
import org.mrpilot.physics.io.Montage;
import org.mrpilot.physics.io.NiftiImage;
import org.mrpilot.physics.io.NiftiWriter;
import org.mrpilot.physics.patient.RigidPose;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.tissue.Parameter;

/**
 * Everything about one virtual patient a person or another tool may want, in scanner LPS coordinates: labels and
 * tissue-parameter volumes (NIfTI), the localizer (one NIfTI per orientation and a PNG montage) and
 * landmarks.json.
 */
public final class PhantomExport {
    private PhantomExport() {
    }

    public static void write(VirtualPatient patient, Path dir, boolean png) throws IOException {
        StagedOutput.write(dir, staging -> writeInto(patient, staging, png));
    }

    private static void writeInto(VirtualPatient patient, Path dir, boolean png) throws IOException {
        NiftiWriter.writeUint8(NiftiImage.of(patient.volume(patient.labelVolume()), "labels"), dir.resolve("labels.nii.gz"));
        Map<String, Supplier<float[]>> maps = new LinkedHashMap<>();
        maps.put("pd", () -> patient.parameterVolume(Parameter.PD));
        maps.put("t1_s", () -> patient.parameterVolume(Parameter.T1));
        maps.put("t2_s", () -> patient.parameterVolume(Parameter.T2));
        maps.put("t2star_s", () -> patient.parameterVolume(Parameter.T2_STAR));
        maps.put("b", patient::inversionVolume);
        // Compressing is the slow part and single-threaded per file: write the files side by side.
        maps.entrySet().parallelStream().forEach(e -> {
            try {
                NiftiWriter.writeFloat(NiftiImage.of(patient.volume(e.getValue().get()), e.getKey()), dir.resolve(e.getKey() + ".nii.gz"));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        List<List<ImageSlice>> localizer = new ArrayList<>();
        for (ImagingSimulator.Acquisition a : Localizer.acquire(patient)) {
            localizer.add(a.images());
            String name = a.group().name().replace(' ', '_');
            NiftiWriter.writeFloat(NiftiImage.of(stack(a.images()), a.group().name()), dir.resolve(name + ".nii.gz"));
        }
        if (png) Montage.write(localizer, dir.resolve("localizer.png"));
        Files.writeString(dir.resolve("landmarks.json"), new GsonBuilder().setPrettyPrinting().create().toJson(describe(patient)) + "\n",
                StandardCharsets.UTF_8);
    }

    /** Parallel slices (in order along their normal) as one volume. */
    static Volume stack(List<ImageSlice> slices) {
        ImageSlice first = slices.get(0);
        double spacing = slices.size() > 1 ? slices.get(1).positionMm().minus(first.positionMm()).norm() : first.thicknessMm();
        float[] voxels = new float[first.pixels().length * slices.size()];
        for (int s = 0; s < slices.size(); s++) System.arraycopy(slices.get(s).pixels(), 0, voxels, s * first.pixels().length, first.pixels().length);
        return new Volume(first.columns(), first.rows(), slices.size(), voxels, first.positionMm(), first.rowDirection(), first.columnDirection(),
                first.normal(), new double[] {first.columnSpacingMm(), first.rowSpacingMm(), spacing}, first.frameOfReferenceUid());
    }

    static JsonObject describe(VirtualPatient patient) {
        JsonObject j = new JsonObject();
        j.addProperty("coordinates", "scanner patient LPS, millimetres (NIfTI files store the same geometry as RAS)");
        j.addProperty("anatomy", patient.anatomy().source());
        j.addProperty("seed", patient.seed());
        j.addProperty("field_strength_t", patient.library().fieldStrengthT());
        j.addProperty("frame_of_reference_uid", patient.frameOfReferenceUid());
        Landmarks l = patient.landmarks();
        j.add("anterior_commissure", vector(l.anteriorCommissure()));
        j.add("posterior_commissure", vector(l.posteriorCommissure()));
        j.add("mid_sagittal_point", vector(l.midSagittalPoint()));
        j.add("mid_sagittal_normal", vector(l.midSagittalNormal()));
        j.add("left_eye", vector(l.leftEye()));
        j.add("right_eye", vector(l.rightEye()));
        RigidPose pose = patient.pose();
        JsonObject p = new JsonObject();
        JsonArray angles = new JsonArray();
        for (double a : pose.anglesDeg()) angles.add(a);
        p.add("rotation_deg_about_x_y_z", angles);
        p.add("translation_mm", vector(pose.translationMm()));
        p.add("rotation_centre_head_mm", vector(RigidPose.HEAD_CENTRE));
        j.add("pose", p);
        j.addProperty("inversion_gamma", patient.inversion().gamma());
        JsonObject labels = new JsonObject();
        for (Label label : Label.values()) labels.addProperty(Integer.toString(label.code), label.lowerName());
        j.add("label_names", labels);
        return j;
    }

    static JsonArray vector(Vec3 v) {
        JsonArray a = new JsonArray();
        a.add(v.x());
        a.add(v.y());
        a.add(v.z());
        return a;
    }
}
