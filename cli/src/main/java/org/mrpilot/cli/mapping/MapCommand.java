package org.mrpilot.cli.mapping;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mrpilot.api.mapping.MappingMethod;
import org.mrpilot.api.mapping.QuantitativeMap;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.api.mapping.WeightedSeries;
import org.mrpilot.cli.Args;
import org.mrpilot.cli.Command;
import org.mrpilot.cli.Progress;
import org.mrpilot.cli.UsageException;
import org.mrpilot.physics.io.NiftiImage;
import org.mrpilot.physics.io.NiftiReader;
import org.mrpilot.physics.io.NiftiWriter;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.mapping.MleMapper;
import org.mrpilot.mapping.RelaxometryMapping;

/** `./mrpilot map`: T1 or T2 maps from a NIfTI weighted series, written as NIfTI plus a PNG montage. */
public final class MapCommand implements Command {
    /** No inversion or echo time is this long; a larger value is almost surely milliseconds. */
    static final double MAX_TIME_S = 30;


    @Override
    public String name() {
        return "map";
    }

    @Override
    public String summary() {
        return "T1/T2 maps (RIM or MLE) from a NIfTI weighted-image series";
    }

    @Override
    public String usage() {
        return "--kind t1|t2 --times T1,T2,... [--method rim|mle] [--models DIR] [--threads N] IMAGES.nii[.gz] -o DIR\n"
                + "  IMAGES: 3D (x, y, n) or 4D (x, y, z, n) NIfTI, the last axis is the weighted series\n"
                + "  --times: inversion times (t1) or echo/preparation times (t2) in seconds, increasing, one per image\n"
                + "  --method: rim (default; falls back to the MLE when the model is missing or fails its self-test) or mle\n"
                + "  writes t1_s.nii|t2_s.nii, a.nii, b.nii (t1), mask.nii, montage.png and provenance.json to DIR";
    }

    @Override
    public int run(Args args) throws Exception {
        RelaxometryKind kind = parseKind(args.required("kind"));
        double[] times = args.doubles("times");
        if (times == null) throw new UsageException("option --times is required");
        for (double t : times) {
            if (t > MAX_TIME_S) throw new UsageException("--times are in seconds; " + t + " s is longer than any relaxation experiment (" + MAX_TIME_S + " s)");
        }
        MappingMethod method = parseMethod(args.string("method", "rim"));
        Path models = Path.of(args.string("models", RimModels.DEFAULT_DIRECTORY.toString()));
        int threads = args.intValue("threads", 0);
        Path outDir = Path.of(args.required("o"));
        List<String> inputs = args.positionals();
        args.done();
        if (inputs.size() != 1) throw new UsageException("give exactly one NIfTI image series");
        if (threads < 0) throw new UsageException("--threads must be >= 0");
        NiftiImage series = NiftiReader.read(Path.of(inputs.get(0)));
        int[] d = series.dims();
        int columns = d[0], rows = d[1], slices = d.length == 4 ? d[2] : 1, count = d[d.length - 1];
        if (count != times.length) {
            throw new IllegalArgumentException(times.length + " " + kind.timesName() + " given but the series has " + count + " images");
        }
        Files.createDirectories(outDir);
        int plane = columns * rows;
        float[] relaxation = new float[plane * slices], amplitude = new float[plane * slices], inversion = new float[plane * slices];
        float[] mask = new float[plane * slices];
        List<String> provenance = new ArrayList<>();
        double seconds = 0;
        try (OnnxInference host = method == MappingMethod.RIM ? RimModels.open(models, System.err) : null;
             MleMapper mle = new MleMapper(threads);
             Progress progress = new Progress("map " + kind, slices)) {
            RelaxometryMapping mapping = new RelaxometryMapping(host, mle);
            for (int z = 0; z < slices; z++) {
                float[][] images = new float[count][plane];
                for (int n = 0; n < count; n++) System.arraycopy(series.data(), (n * slices + z) * plane, images[n], 0, plane);
                QuantitativeMap map = mapping.map(new WeightedSeries(kind, times, columns, rows, images), method);
                System.arraycopy(map.relaxationS(), 0, relaxation, z * plane, plane);
                System.arraycopy(map.amplitude(), 0, amplitude, z * plane, plane);
                if (map.inversion() != null) System.arraycopy(map.inversion(), 0, inversion, z * plane, plane);
                for (int i = 0; i < plane; i++) mask[z * plane + i] = map.mask()[i] ? 1 : 0;
                if (!provenance.contains(map.provenance())) provenance.add(map.provenance());
                seconds += map.seconds();
                progress.step();
            }
        }
        // Maps keep the series' voxel-to-world affine, so they overlay their input.
        int[] volume = {columns, rows, slices};
        String relaxName = kind == RelaxometryKind.T1 ? "t1_s" : "t2_s";
        NiftiWriter.writeFloat(new NiftiImage(volume, relaxation, series.affineRas(), kind + " (s)"), outDir.resolve(relaxName + ".nii"));
        NiftiWriter.writeFloat(new NiftiImage(volume, amplitude, series.affineRas(), "A"), outDir.resolve("a.nii"));
        if (kind == RelaxometryKind.T1) NiftiWriter.writeFloat(new NiftiImage(volume, inversion, series.affineRas(), "B"), outDir.resolve("b.nii"));
        NiftiWriter.writeFloat(new NiftiImage(volume, mask, series.affineRas(), "mask"), outDir.resolve("mask.nii"));
        writeMontage(outDir.resolve("montage.png"), kind, columns, rows, slices, relaxation, amplitude, inversion, mask);
        JsonObject prov = new JsonObject();
        prov.addProperty("kind", kind.name());
        prov.addProperty("method", String.join("; ", provenance));
        prov.addProperty("times_s", Arrays.toString(times));
        prov.addProperty("input", inputs.get(0));
        prov.addProperty("seconds", seconds);
        Files.writeString(outDir.resolve("provenance.json"), new GsonBuilder().setPrettyPrinting().create().toJson(prov) + "\n", StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%s map of %dx%dx%d from %d images by %s in %.2f s -> %s%n", kind, columns, rows, slices, count,
                String.join("; ", provenance), seconds, outDir);
        return 0;
    }

    private static void writeMontage(Path file, RelaxometryKind kind, int columns, int rows, int slices, float[] relaxation,
                                     float[] amplitude, float[] inversion, float[] mask) throws java.io.IOException {
        int z = slices / 2; // the middle slice
        int plane = columns * rows;
        boolean[] m = new boolean[plane];
        for (int i = 0; i < plane; i++) m[i] = mask[z * plane + i] > 0;
        List<Montage.Panel> panels = new ArrayList<>();
        panels.add(new Montage.Panel(kind + " (s)", Arrays.copyOfRange(relaxation, z * plane, (z + 1) * plane)));
        panels.add(new Montage.Panel("A", Arrays.copyOfRange(amplitude, z * plane, (z + 1) * plane)));
        if (kind == RelaxometryKind.T1) panels.add(new Montage.Panel("B", Arrays.copyOfRange(inversion, z * plane, (z + 1) * plane)));
        Montage.write(file, columns, rows, m, panels);
    }

    static RelaxometryKind parseKind(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "t1" -> RelaxometryKind.T1;
            case "t2" -> RelaxometryKind.T2;
            default -> throw new UsageException("--kind must be t1 or t2, got '" + s + "'");
        };
    }

    static MappingMethod parseMethod(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "rim" -> MappingMethod.RIM;
            case "mle" -> MappingMethod.MLE;
            default -> throw new UsageException("--method must be rim or mle, got '" + s + "'");
        };
    }
}
