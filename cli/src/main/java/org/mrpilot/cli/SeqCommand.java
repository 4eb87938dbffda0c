package org.mrpilot.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.mrpilot.api.adapter.PushResult;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.io.NpyWriter;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SequenceTable;
import org.mrpilot.pulseq.PulseqAdapter;
import org.mrpilot.pulseq.PulseqFile;
import org.mrpilot.pulseq.PulseqFormatException;
import org.mrpilot.pulseq.PulseqReader;
import org.mrpilot.pulseq.PulseqVersion;
import org.mrpilot.sequence.GradientRotation;
import org.mrpilot.sequence.KSpace;
import org.mrpilot.sequence.Protocols;
import org.mrpilot.sequence.SafetyChecker;
import org.mrpilot.sequence.SequenceBuilder;

/** `./mrpilot seq`: lists the protocols, or builds one for a planned slice group and exports it as Pulseq. */
final class SeqCommand implements Command {
    @Override
    public String name() {
        return "seq";
    }

    @Override
    public String summary() {
        return "list protocols, or export one as a Pulseq .seq with its geometry table";
    }

    @Override
    public String usage() {
        return "--list | PROTOCOL [--geometry plan.json] [--version 1.4|1.5] [--rotations] -o OUT.seq [--kspace K.npy] | --rewrite IN.seq [--version V] [--allow-unsigned] -o OUT.seq\n"
                + "  plan.json: one slice group {centreMm:[x,y,z], readDirection, phaseDirection, fovReadMm, fovPhaseMm, matrixRead,\n"
                + "  matrixPhase, thicknessMm, gapMm, sliceCount, frameOfReferenceUid, patientPosition} (LPS mm)\n"
                + "  Writes OUT.seq and OUT.geometry.json; --kspace writes the k-space (1/m) of every ADC sample as a 3 x N .npy.\n"
                + "  --rotations keeps logical gradients and writes a ROTATIONS quaternion per block (format 1.5.1).\n"
                + "  --rewrite reads any 1.4.x/1.5.x file, checks it against the limits and writes it again with our writer\n"
                + "  (format round trips; default: the input's version); --allow-unsigned accepts a file without [SIGNATURE].\n"
                + "  Limits: 28 mT/m, 150 T/m/s, RF dead/ring-down 100/30 us, ADC dead 10 us, B1+rms 5 uT over 10 s.";
    }

    @Override
    public int run(Args args) throws Exception {
        Map<String, Protocol> protocols = Protocols.all();
        if (args.flag("list")) {
            args.done();
            protocols.values().forEach(p -> System.out.printf("%-10s %s%n", p.name(), p.description()));
            return 0;
        }
        Path rewrite = args.path("rewrite", null);
        if (rewrite != null) return rewrite(rewrite, args);
        if (args.positionals().size() != 1) throw new UsageException("name one protocol (see --list)");
        Protocol protocol = protocols.get(args.positionals().get(0));
        if (protocol == null) throw new UsageException("no protocol '" + args.positionals().get(0) + "' (have: " + String.join(", ", protocols.keySet()) + ")");
        Path plan = args.path("geometry", null);
        boolean rotations = args.flag("rotations");
        PulseqVersion version;
        try {
            version = PulseqVersion.parse(args.string("version", rotations ? "1.5.1" : "1.5"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (rotations && version != PulseqVersion.V1_5_1) throw new UsageException("--rotations needs --version 1.5.1");
        Path out = Path.of(args.required("o"));
        Path kspace = args.path("kspace", null);
        args.done();
        String name = seqName(out);
        SliceGroup group = plan == null ? protocol.defaultGeometry() : readPlan(plan);
        SafetyLimits limits = SafetyLimits.siemensLike();
        SequenceTable table = SequenceBuilder.build(protocol, group, limits,
                rotations ? GradientRotation.ROTATIONS_EXTENSION : GradientRotation.BAKED_IN);
        Path folder = out.toAbsolutePath().getParent();
        PushResult result = new PulseqAdapter(folder, version, limits).push(name, SequenceBuilder.geometry(protocol, group), table);
        if (kspace != null) writeNpy(kspace, KSpace.atAdcSamples(table));
        System.out.printf("%s: %d blocks, %.1f s, Pulseq %s, md5 %s, %s -> %s%n", protocol.name(), table.blocks().size(), table.durationS(), version,
                result.signature(), SafetyChecker.check(table, limits).summary(),
                String.join(", ", result.artifacts()));
        return 0;
    }

    private static int rewrite(Path in, Args args) throws Exception {
        String requested = args.string("version", null);
        boolean unsignedAllowed = args.flag("allow-unsigned");
        Path out = Path.of(args.required("o"));
        args.done();
        PulseqFile file;
        try {
            byte[] bytes = Files.readAllBytes(in);
            file = unsignedAllowed ? PulseqReader.readAllowingUnsigned(bytes) : PulseqReader.read(bytes);
        } catch (PulseqFormatException e) {
            throw new IllegalArgumentException(in + ": " + e.getMessage(), e);
        }
        PulseqVersion version;
        try {
            version = requested != null ? PulseqVersion.parse(requested) : PulseqVersion.closestTo(file.version());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // The same gate and atomic write as a push: a rewritten file is signed anew, so it must be as safe as one we built.
        String signature = new PulseqAdapter(out.toAbsolutePath().getParent(), version, SafetyLimits.siemensLike()).pushWithoutGeometry(seqName(out), file.table());
        System.out.printf("%s (Pulseq %s, %d blocks) -> %s (Pulseq %s, md5 %s)%n", in, file.version(), file.table().blocks().size(), out, version, signature);
        return 0;
    }

    /** The sequence name of an output path, which must end in .seq. */
    private static String seqName(Path out) throws UsageException {
        String file = out.getFileName().toString();
        if (!file.endsWith(".seq")) throw new UsageException("-o must name a .seq file");
        return file.substring(0, file.length() - 4);
    }

    static SliceGroup readPlan(Path plan) throws IOException {
        JsonObject o;
        try {
            o = JsonParser.parseString(Files.readString(plan, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(plan + " is not a JSON object: " + e.getMessage());
        }
        try {
            return new SliceGroup(o.has("name") ? o.get("name").getAsString() : "plan", vec(o, "centreMm"), vec(o, "readDirection"), vec(o, "phaseDirection"),
                    num(o, "fovReadMm"), num(o, "fovPhaseMm"), count(o, "matrixRead"), count(o, "matrixPhase"), num(o, "thicknessMm"),
                    num(o, "gapMm"), count(o, "sliceCount"), o.has("frameOfReferenceUid") ? o.get("frameOfReferenceUid").getAsString() : "",
                    o.has("patientPosition") ? o.get("patientPosition").getAsString() : "HFS");
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(plan + ": " + e.getMessage());
        }
    }

    private static double num(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw new IllegalArgumentException("'" + key + "' must be a number");
        return e.getAsDouble();
    }

    /** A count must be a whole number: 32.7 lines is a mistake, not 32. */
    private static int count(JsonObject o, String key) {
        double v = num(o, key);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) throw new IllegalArgumentException("'" + key + "' must be a whole number, found " + v);
        return (int) v;
    }

    private static Vec3 vec(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() != 3) throw new IllegalArgumentException("'" + key + "' must be [x, y, z]");
        JsonArray a = e.getAsJsonArray();
        return new Vec3(a.get(0).getAsDouble(), a.get(1).getAsDouble(), a.get(2).getAsDouble());
    }

    /** A float64 array of shape (rows, columns) as NumPy .npy, through the physics core's writer. */
    static void writeNpy(Path path, double[][] rows) throws IOException {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        try (NpyWriter npy = new NpyWriter(path, NpyWriter.Type.FLOAT64, rows.length, columns)) {
            for (double[] row : rows) npy.write(row);
        }
    }
}
