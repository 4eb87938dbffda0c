package org.mrpilot.cli.mapping;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mrpilot.api.dicom.MapQuantity;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.api.mapping.MappingMethod;
import org.mrpilot.api.mapping.QuantitativeMap;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.cli.Args;
import org.mrpilot.cli.Command;
import org.mrpilot.cli.Progress;
import org.mrpilot.cli.UsageException;
import org.mrpilot.dicom.MapFiles;
import org.mrpilot.dicom.WeightedDicomSeries;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.mapping.MleMapper;
import org.mrpilot.mapping.RelaxometryMapping;
import org.mrpilot.physics.io.NiftiImage;
import org.mrpilot.physics.io.NiftiWriter;

/**
 * `./mrpilot map`: T1 or T2 maps from a weighted-image series (a NIfTI file, or a folder of DICOM images whose headers
 * give the times), written as NIfTI plus a PNG montage, and for DICOM input also as DICOM map series.
 */
public final class MapCommand implements Command {
    /** No inversion or echo time is this long; a larger value is almost surely milliseconds. */
    static final double MAX_TIME_S = 30;

    @Override
    public String name() {
        return "map";
    }

    @Override
    public String summary() {
        return "T1/T2 maps (RIM or MLE) from a NIfTI or DICOM weighted-image series";
    }

    @Override
    public String usage() {
        return "--kind t1|t2 [--times T1,T2,...] [--method rim|mle] [--models DIR] [--threads N] IMAGES.nii[.gz]|DICOM-FOLDER -o DIR\n"
                + "  IMAGES: 3D (x, y, n) or 4D (x, y, z, n) NIfTI, the last axis is the weighted series; needs --times\n"
                + "  DICOM-FOLDER: the files of one classic (single-frame) MR series, one image per time and slice position;\n"
                + "    the times come from InversionTime (0018,0082) for t1 or EchoTime (0018,0081) for t2 (ms in DICOM),\n"
                + "    images are grouped by slice position and sorted by time; Enhanced MR (multi-frame) is not supported\n"
                + "  --times: inversion times (t1) or echo/preparation times (t2) in seconds, increasing, one per image;\n"
                + "    optional for DICOM input, where the command refuses times that disagree with the headers\n"
                + "  --method: rim (default; falls back to the MLE when the model is missing or fails its self-test) or mle\n"
                + "  writes t1_s.nii|t2_s.nii, a.nii, b.nii (t1), mask.nii, montage.png and provenance.json to DIR; for DICOM\n"
                + "    input also DIR/dicom/: t1|t2-map-s.dcm (Parametric Map, s) and t1|t2-map-ms-NNN.dcm (MR images, ms)";
    }

    @Override
    public int run(Args args) throws Exception {
        RelaxometryKind kind = parseKind(args.required("kind"));
        double[] times = args.doubles("times");
        if (times != null) {
            for (double t : times) {
                if (t > MAX_TIME_S) throw new UsageException("--times are in seconds; " + t + " s is longer than any relaxation experiment (" + MAX_TIME_S + " s)");
            }
        }
        MappingMethod method = parseMethod(args.string("method", "rim"));
        Path models = Path.of(args.string("models", RimModels.DEFAULT_DIRECTORY.toString()));
        int threads = args.intValue("threads", 0);
        Path outDir = Path.of(args.required("o"));
        List<String> inputs = args.positionals();
        args.done();
        if (inputs.size() != 1) throw new UsageException("give exactly one NIfTI image series or DICOM series folder");
        if (threads < 0) throw new UsageException("--threads must be >= 0");
        Path source = Path.of(inputs.get(0));
        MapInput input = Files.isDirectory(source) ? MapInput.dicom(source, kind, times) : MapInput.nifti(source, kind, times);
        int columns = input.columns(), rows = input.rows(), slices = input.slices(), count = input.timesS().length;
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
                QuantitativeMap map = mapping.map(input.slice().apply(z), method);
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
        NiftiWriter.writeFloat(new NiftiImage(volume, relaxation, input.affineRas(), kind + " (s)"), outDir.resolve(relaxName + ".nii"));
        NiftiWriter.writeFloat(new NiftiImage(volume, amplitude, input.affineRas(), "A"), outDir.resolve("a.nii"));
        if (kind == RelaxometryKind.T1) NiftiWriter.writeFloat(new NiftiImage(volume, inversion, input.affineRas(), "B"), outDir.resolve("b.nii"));
        NiftiWriter.writeFloat(new NiftiImage(volume, mask, input.affineRas(), "mask"), outDir.resolve("mask.nii"));
        writeMontage(outDir.resolve("montage.png"), kind, columns, rows, slices, relaxation, amplitude, inversion, mask);
        if (input.dicom() != null) writeDicom(input.dicom(), relaxation, outDir.resolve("dicom"));
        JsonObject prov = new JsonObject();
        prov.addProperty("kind", kind.name());
        prov.addProperty("method", String.join("; ", provenance));
        prov.addProperty("times_s", Arrays.toString(input.timesS()));
        prov.addProperty("times_from", input.timesFrom());
        prov.addProperty("input", inputs.get(0));
        prov.addProperty("seconds", seconds);
        Files.writeString(outDir.resolve("provenance.json"), new GsonBuilder().setPrettyPrinting().create().toJson(prov) + "\n", StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%s map of %dx%dx%d from %d images by %s in %.2f s -> %s%n", kind, columns, rows, slices, count,
                String.join("; ", provenance), seconds, outDir);
        return 0;
    }

    /** The relaxation map on the source's grid and frame of reference, in the DICOM bundle's two map forms. */
    private static void writeDicom(WeightedDicomSeries source, float[] relaxationS, Path folder) throws IOException {
        Volume g = source.grid();
        Volume map = new Volume(g.nx(), g.ny(), g.nz(), relaxationS, g.originMm(), g.iDirection(), g.jDirection(), g.kDirection(),
                g.spacingMm(), g.frameOfReferenceUid());
        MapFiles.write(source.kind() == RelaxometryKind.T1 ? MapQuantity.T1 : MapQuantity.T2, map, source.source(), folder);
    }

    private static void writeMontage(Path file, RelaxometryKind kind, int columns, int rows, int slices, float[] relaxation,
                                     float[] amplitude, float[] inversion, float[] mask) throws IOException {
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
