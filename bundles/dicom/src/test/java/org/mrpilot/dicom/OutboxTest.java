package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.dicom.MapQuantity;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;

/** Results queue on disk while dcmtk's storescp is down, survive an agent restart, and arrive exactly once. */
class OutboxTest {
    @TempDir
    Path tmp;
    private Process pacs;

    @AfterEach
    void stop() throws Exception {
        Tools.stop(pacs);
    }

    @Test
    void destinationDownThenRestartThenBack() throws Exception {
        int port = Tools.freePort();
        Destination destination = new Destination("pacs", "127.0.0.1", port, "PACS");
        ReceivedSeries source = WriterTest.source(tmp.resolve("src"), "1.2.826.0.1.3680043.9.7777.40", PhantomSeries.stack(4, Vec3.ZERO, Vec3.L, Vec3.P, 5), "t1");
        CapturingLog log = new CapturingLog();

        // Destination down: the results wait in the outbox.
        Results results = new Results(tmp.resolve("outbox"), List.of(destination), "MRPILOT", Duration.ofMillis(200), log);
        results.sendMap(MapQuantity.T1, WriterTest.t1Map(source), source);
        SliceGroup plan = new SliceGroup("axial", new Vec3(0, 0, 10), Vec3.L, Vec3.P, 200, 200, 256, 256, 4, 1, 5, PhantomSeries.FRAME, "HFS");
        results.sendPlanReview(source, 0, List.of(plan));
        Thread.sleep(600);
        assertEquals(6, results.pending(), "1 parametric map + 4 MR images + 1 review queued");
        results.close(); // the agent stops

        // Destination back, agent restarted on the same outbox: everything is delivered, once.
        Path received = tmp.resolve("pacs");
        Files.createDirectories(received);
        pacs = Tools.storescp(port, "PACS", received);
        Thread.sleep(500);
        try (Results restarted = new Results(tmp.resolve("outbox"), List.of(destination), "MRPILOT", Duration.ofMillis(200), log)) {
            long deadline = System.currentTimeMillis() + 20_000;
            while (restarted.pending() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(100);
            assertEquals(0, restarted.pending(), log.lines.toString());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(received)) {
            files = s.toList();
        }
        assertEquals(6, files.size(), "each instance exactly once: " + files);
        assertEquals(1, files.stream().filter(f -> f.getFileName().toString().startsWith("PM")).count(), files.toString());
        assertEquals(1, files.stream().filter(f -> f.getFileName().toString().startsWith("SC")).count(), files.toString());
        assertTrue(log.contains("not reached"), "the failed attempts are logged");
        String dump = Tools.run(List.of("dcmdump", files.stream().filter(f -> f.getFileName().toString().startsWith("MR")).findFirst().orElseThrow().toString())).output();
        assertTrue(dump.contains("(0028,1053)") && dump.contains("[" + PhantomSeries.STUDY + "]"), dump);
    }
}
