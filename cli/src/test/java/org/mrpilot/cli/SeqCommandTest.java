package org.mrpilot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.pulseq.PulseqVersion;
import org.mrpilot.pulseq.PulseqWriter;
import org.mrpilot.sequence.Protocols;
import org.mrpilot.sequence.SequenceBuilder;

class SeqCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return new Main(List.of(new SeqCommand())).run(argv, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A gre .seq designed for a stronger gradient system than the default limits allow. */
    private static Path greFor(SafetyLimits limits, Path file) throws Exception {
        Protocol gre = Protocols.all().get("gre");
        SliceGroup g = new SliceGroup("t", Vec3.ZERO, Vec3.L, Vec3.P, 200, 200, 32, 4, 3, 1, 1, "", "HFS");
        Files.write(file, PulseqWriter.write(SequenceBuilder.build(gre, g, limits), PulseqVersion.V1_5_0));
        return file;
    }

    @Test
    void rewriteRefusesAnOverLimitFileAndWritesNothing(@TempDir Path dir) throws Exception {
        Path strong = greFor(SafetyLimits.siemensLike().withGradient(80e-3, 400), dir.resolve("strong.seq"));
        Path out = dir.resolve("out.seq");
        assertEquals(1, run("seq", "--rewrite", strong.toString(), "-o", out.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("GRADIENT_AMPLITUDE"), err.toString(StandardCharsets.UTF_8));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(strong), files.toList());
        }
        Path safe = greFor(SafetyLimits.siemensLike(), dir.resolve("safe.seq"));
        assertEquals(0, run("seq", "--rewrite", safe.toString(), "-o", out.toString()));
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void planCountsMustBeWholeNumbers(@TempDir Path dir) throws Exception {
        String plan = "{\"centreMm\":[0,0,0],\"readDirection\":[1,0,0],\"phaseDirection\":[0,1,0],\"fovReadMm\":200,\"fovPhaseMm\":200,"
                + "\"matrixRead\":64,\"matrixPhase\":%s,\"thicknessMm\":3,\"gapMm\":0,\"sliceCount\":1}";
        Path file = dir.resolve("plan.json");
        Files.writeString(file, String.format(plan, "63.6"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeqCommand.readPlan(file));
        assertTrue(e.getMessage().contains("'matrixPhase' must be a whole number"), e.getMessage());
        Files.writeString(file, String.format(plan, "64.0"));
        assertEquals(64, SeqCommand.readPlan(file).matrixPhase());
    }
}
