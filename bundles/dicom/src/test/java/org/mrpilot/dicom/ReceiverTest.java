package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.exam.ExamEventListener;
import org.mrpilot.api.exam.ImagesReceived;
import org.mrpilot.api.exam.LocalizerReceived;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;

/** dcmtk's storescu sends a localizer and a series, over several associations at once, to our receiver. */
class ReceiverTest {
    @TempDir
    Path tmp;
    private Receiver receiver;
    private final CapturingLog log = new CapturingLog();
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        ExamEventListener listener = new ExamEventListener() {
            @Override
            public void localizerReceived(LocalizerReceived e) {
                events.add(e);
            }

            @Override
            public void imagesReceived(ImagesReceived e) {
                events.add(e);
            }
        };
        ScpSettings settings = new ScpSettings("MRPILOT", InetAddress.getLoopbackAddress(), 0, Set.of("SCANNER"), 8, Duration.ofMillis(700));
        receiver = new Receiver(settings, new InstanceStore(tmp.resolve("store"), 64 << 20), () -> List.of(listener), log);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void localizerAndSeriesArriveAsEventsWithExactGeometry() throws Exception {
        List<Path> localizer = PhantomSeries.write(tmp.resolve("loc"), "1.2.826.0.1.3680043.9.7777.10", 1, "t1 fl2d", PhantomSeries.threePlanes(64, 3.75), 64, 3.75, false);
        Vec3 row = new Vec3(1, 0, 0);
        Vec3 column = new Vec3(0, Math.cos(0.2), -Math.sin(0.2));
        Vec3 origin = new Vec3(-120.123456, -95.5, -40.25);
        List<Path> series = PhantomSeries.write(tmp.resolve("ser"), "1.2.826.0.1.3680043.9.7777.11", 2, "t2 tse", PhantomSeries.stack(30, origin, row, column, 4.4),
                64, 3.75, true);
        // One association for the localizer and three for the series, all at once.
        List<CompletableFuture<Tools.Result>> sends = new ArrayList<>();
        sends.add(CompletableFuture.supplyAsync(() -> send(localizer)));
        sends.add(CompletableFuture.supplyAsync(() -> send(series.subList(0, 10))));
        sends.add(CompletableFuture.supplyAsync(() -> send(series.subList(10, 20))));
        sends.add(CompletableFuture.supplyAsync(() -> send(series.subList(20, 30))));
        for (CompletableFuture<Tools.Result> f : sends) assertEquals(0, f.get(60, TimeUnit.SECONDS).exit(), f.get().output());

        LocalizerReceived loc = null;
        ImagesReceived images = null;
        for (int i = 0; i < 2; i++) {
            Object e = events.poll(20, TimeUnit.SECONDS);
            if (e instanceof LocalizerReceived l) loc = l;
            if (e instanceof ImagesReceived r) images = r;
        }
        assertNotEquals(null, loc, "no localizer event; log: " + log.lines);
        assertEquals("three orthogonal orientations", loc.recognisedBy());
        assertEquals(3, loc.series().slices().size());
        assertNotEquals(null, images, "no images event; log: " + log.lines);
        assertEquals(30, images.series().slices().size());
        assertEquals(0.5, images.series().acquisition().repetitionTimeS(), 1e-9);
        assertEquals(List.of(0.015), images.series().acquisition().echoTimesS());
        assertEquals(List.of(0.3), images.series().acquisition().inversionTimesS());
        assertEquals(90, images.series().acquisition().flipAngleDeg(), 1e-9);
        assertEquals(3, images.series().acquisition().fieldStrengthT(), 1e-9);
        assertEquals("PH001", images.series().study().patientId());
        assertEquals(PhantomSeries.FRAME, images.series().frameOfReferenceUid());

        Volume v = images.volume().orElseThrow();
        assertEquals(64, v.nx());
        assertEquals(30, v.nz());
        // Voxel (i, j, k) must land where the scanner put pixel (column i, row j) of slice k.
        Vec3 normal = row.cross(column);
        for (int k : new int[] {0, 17, 29}) {
            Vec3 expected = origin.plus(normal.times(k * 4.4)).plus(row.times(63 * 3.75)).plus(column.times(5 * 3.75));
            assertTrue(v.voxelToPatient(63, 5, k).minus(expected).norm() < 0.01, "voxel position off at k=" + k);
        }
        try (var files = Files.walk(tmp.resolve("store/studies"))) {
            assertEquals(33, files.filter(p -> p.toString().endsWith(".dcm")).count());
        }
        try (var incoming = Files.list(tmp.resolve("store/incoming"))) {
            assertEquals(0, incoming.count(), "nothing left half-received");
        }

        // A late resend of one image reopens the series, which completes again with every image.
        assertEquals(0, send(series.subList(5, 6)).exit());
        Object again = events.poll(20, TimeUnit.SECONDS);
        assertTrue(again instanceof ImagesReceived r && r.series().slices().size() == 30, "series completed again whole: " + again);
    }

    @Test
    void unknownCallingAeTitleIsTurnedAway() throws Exception {
        List<Path> files = PhantomSeries.write(tmp.resolve("x"), "1.2.826.0.1.3680043.9.7777.12", 3, "t1", PhantomSeries.threePlanes(16, 10), 16, 10, false);
        Tools.Result r = Tools.storescu(receiver.port(), "INTRUDER", "MRPILOT", files);
        assertNotEquals(0, r.exit());
        assertTrue(r.output().contains("Calling AE Title Not Recognized"), r.output());
        assertTrue(log.contains("INTRUDER"), "log names the refused AE title: " + log.lines);
        assertTrue(Files.notExists(tmp.resolve("store/studies")) || Files.list(tmp.resolve("store/studies")).findAny().isEmpty());
    }

    private Tools.Result send(List<Path> files) {
        try {
            return Tools.storescu(receiver.port(), "SCANNER", "MRPILOT", files);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
