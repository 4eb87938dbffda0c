package org.mrpilot.pulseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.adapter.AdapterException;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.sequence.Block;
import org.mrpilot.api.sequence.GeometryTable;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SequenceRefusedException;
import org.mrpilot.api.sequence.SequenceTable;
import org.mrpilot.sequence.GradientRotation;
import org.mrpilot.sequence.Protocols;
import org.mrpilot.sequence.SafetyChecker;
import org.mrpilot.sequence.SequenceBuilder;

class PulseqAdapterTest {
    private static final SafetyLimits SIEMENS = SafetyLimits.siemensLike();
    private static final Protocol GRE = Protocols.all().get("gre");
    private static final SliceGroup GROUP = new SliceGroup("t", Vec3.ZERO, Vec3.L, Vec3.P, 200, 200, 32, 8, 3, 1, 2, "1.2.3", "HFS");

    private static long fileCount(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return 0;
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void theRfEnergyWindowDoesNotComeFromTheCallersGeometry(@TempDir Path dir) throws Exception {
        SequenceTable burst = SequenceBuilder.build(GRE, GROUP, SIEMENS);
        List<Block> padded = new ArrayList<>(burst.blocks());
        padded.add(Block.delay(100_000_000)); // 100 s of silence after the RF
        SequenceTable table = new SequenceTable(burst.rasters(), burst.definitions(), padded);
        SafetyLimits limits = SIEMENS.withMaxB1RmsUt(SafetyChecker.check(table, SIEMENS).worstB1RmsUt() / 2);
        AcquisitionParameters p = GRE.parameters();
        // A geometry claiming a TR longer than the whole sequence used to average the burst over the 100 s pause.
        GeometryTable longTr = new GeometryTable("gre", new AcquisitionParameters(1000, p.echoTimesS(), p.inversionTimesS(), p.flipAngleDeg(),
                p.fieldStrengthT()), List.of(GROUP));
        SequenceRefusedException e = assertThrows(SequenceRefusedException.class,
                () -> new PulseqAdapter(dir, PulseqVersion.V1_5_0, limits).push("gre", longTr, table));
        assertTrue(e.getMessage().contains("SAR_B1RMS"), e.getMessage());
        assertEquals(0, fileCount(dir));
    }

    @Test
    void aPushThatFailsHalfwayLeavesTheOldSidecarAndNoStagedFiles(@TempDir Path dir) throws Exception {
        Path sidecar = dir.resolve("gre.geometry.json");
        Files.writeString(sidecar, "old");
        Files.createDirectories(dir.resolve("gre.seq").resolve("occupied")); // the .seq cannot be replaced
        AdapterException e = assertThrows(AdapterException.class, () -> new PulseqAdapter(dir, PulseqVersion.V1_5_0, SIEMENS)
                .push("gre", SequenceBuilder.geometry(GRE, GROUP), SequenceBuilder.build(GRE, GROUP, SIEMENS)));
        assertTrue(e.getMessage().contains("gre.seq"), e.getMessage());
        assertEquals("old", Files.readString(sidecar));
        assertEquals(2, fileCount(dir));
    }

    @Test
    void aTableTheVersionCannotExpressIsAnAdapterError(@TempDir Path dir) throws Exception {
        SequenceTable rotated = SequenceBuilder.build(GRE, GROUP, SIEMENS, GradientRotation.ROTATIONS_EXTENSION);
        AdapterException e = assertThrows(AdapterException.class, () -> new PulseqAdapter(dir, PulseqVersion.V1_5_0, SIEMENS)
                .push("gre", SequenceBuilder.geometry(GRE, GROUP), rotated));
        assertTrue(e.getMessage().contains("rotations need format 1.5.1"), e.getMessage());
        assertEquals(0, fileCount(dir));
        var pushed = new PulseqAdapter(dir, PulseqVersion.V1_5_1, SIEMENS).push("gre", SequenceBuilder.geometry(GRE, GROUP), rotated);
        assertEquals(PulseqReader.read(Files.readAllBytes(dir.resolve("gre.seq"))).signature(), pushed.signature());
        assertEquals(2, fileCount(dir));
    }
}
