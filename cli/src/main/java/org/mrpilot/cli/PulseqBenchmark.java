package org.mrpilot.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SequenceTable;
import org.mrpilot.pulseq.PulseqReader;
import org.mrpilot.pulseq.PulseqVersion;
import org.mrpilot.pulseq.PulseqWriter;
import org.mrpilot.sequence.Protocols;
import org.mrpilot.sequence.SequenceBuilder;

/**
 * `./mrpilot bench pulseq`: our .seq writer and reader against pypulseq's on the same file, in the same run.
 * Median wall time of the repetitions (after one warm-up for the JVM); pypulseq runs in .venv's Python.
 */
final class PulseqBenchmark implements Benchmark {
    @Override
    public String name() {
        return "pulseq";
    }

    @Override
    public String summary() {
        return "Pulseq .seq write + read: ours vs pypulseq on the same sequence";
    }

    @Override
    public String usage() {
        return "[--protocol gre] [--repeats 5] [--python .venv/bin/python]";
    }

    @Override
    public JsonObject run(Args args, PrintStream out) throws Exception {
        String name = args.string("protocol", "gre");
        int repeats = args.intValue("repeats", 5);
        String python = args.string("python", Files.isExecutable(Path.of(".venv/bin/python")) ? ".venv/bin/python" : "python3");
        Protocol protocol = Protocols.all().get(name);
        if (protocol == null) throw new UsageException("no protocol '" + name + "' (have: " + String.join(", ", Protocols.all().keySet()) + ")");
        if (repeats < 1) throw new UsageException("--repeats must be at least 1");
        SequenceTable table = SequenceBuilder.build(protocol, protocol.defaultGeometry(), SafetyLimits.siemensLike());
        Path file = Files.createTempFile("mrpilot-bench-", ".seq");
        try {
            byte[] bytes = PulseqWriter.write(table, PulseqVersion.V1_5_0);
            Files.write(file, bytes);
            PulseqReader.read(bytes);
            List<Double> writes = new ArrayList<>();
            List<Double> reads = new ArrayList<>();
            try (Progress progress = new Progress("ours", repeats)) {
                for (int i = 0; i < repeats; i++) {
                    long t0 = System.nanoTime();
                    byte[] written = PulseqWriter.write(table, PulseqVersion.V1_5_0);
                    long t1 = System.nanoTime();
                    PulseqReader.read(written);
                    long t2 = System.nanoTime();
                    writes.add((t1 - t0) * 1e-9);
                    reads.add((t2 - t1) * 1e-9);
                    progress.step();
                }
            }
            JsonObject peer = runPeer(python, file, repeats);
            double ourWrite = Statistics.median(writes);
            double ourRead = Statistics.median(reads);
            double peerWrite = Statistics.median(peer.getAsJsonArray("write_s").asList().stream().map(e -> e.getAsDouble()).toList());
            double peerRead = Statistics.median(peer.getAsJsonArray("read_s").asList().stream().map(e -> e.getAsDouble()).toList());
            out.printf("%s: %d blocks, %d bytes, %d repetitions (median)%n", name, table.blocks().size(), bytes.length, repeats);
            new Table("step", "mrpilot s", "pypulseq " + peer.get("version").getAsString() + " s", "pypulseq / mrpilot")
                    .row("write", ourWrite, peerWrite, peerWrite / ourWrite)
                    .row("read", ourRead, peerRead, peerRead / ourRead)
                    .print(out);
            JsonObject figures = new JsonObject();
            figures.addProperty("protocol", name);
            figures.addProperty("blocks", table.blocks().size());
            figures.addProperty("bytes", bytes.length);
            figures.addProperty("oursWriteS", ourWrite);
            figures.addProperty("oursReadS", ourRead);
            figures.addProperty("pypulseqWriteS", peerWrite);
            figures.addProperty("pypulseqReadS", peerRead);
            figures.addProperty("pypulseqVersion", peer.get("version").getAsString());
            return figures;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static JsonObject runPeer(String python, Path file, int repeats) throws Exception {
        Path script = Path.of("scanner-adapters/pulseq/bench/pypulseq_rw.py");
        if (!Files.exists(script)) throw new IllegalStateException("run from the repository root (" + script + " not found)");
        // stderr goes to a file: reading it only after stdout would deadlock once the peer fills the stderr pipe.
        Path errors = Files.createTempFile("pypulseq", ".err");
        try {
            Process p = new ProcessBuilder(python, script.toString(), file.toString(), Integer.toString(repeats))
                    .redirectError(errors.toFile()).start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pypulseq run failed (install the test dependencies: ./mrpilot test, or pass --python): "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse(""));
            }
            return JsonParser.parseString(stdout.strip().lines().reduce((a, b) -> b).orElse("{}")).getAsJsonObject();
        } finally {
            Files.deleteIfExists(errors);
        }
    }

}
