package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.geometry.Vec3;

/**
 * Broken instances sent over a real association: each is refused with a failure status and a log line naming the
 * reason, what was stored before is untouched, and the receiver keeps serving.
 */
class BadInputTest {
    private static final String SERIES = "1.2.826.0.1.3680043.9.7777.20";
    private static final long MAX_BYTES = 100_000;
    @TempDir
    Path tmp;
    private Receiver receiver;
    private final CapturingLog log = new CapturingLog();

    @BeforeEach
    void start() throws Exception {
        ScpSettings settings = new ScpSettings("MRPILOT", InetAddress.getLoopbackAddress(), 0, Set.of(), 4, Duration.ofSeconds(30));
        receiver = new Receiver(settings, new InstanceStore(tmp.resolve("store"), MAX_BYTES), List::of, log);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void brokenInstancesAreRefusedAndNothingElseChanges() throws Exception {
        List<Path> good = PhantomSeries.write(tmp.resolve("good"), SERIES, 5, "t1", PhantomSeries.stack(3, Vec3.ZERO, Vec3.L, Vec3.P, 5), 32, 4, false);
        assertEquals(0, Tools.storescu(receiver.port(), "SCANNER", "MRPILOT", good).exit());
        Map<Path, byte[]> before = stored();
        assertEquals(3, before.size());

        Path template = good.get(0);
        byte[] valid = Files.readAllBytes(template);

        // Encoding broken: sent by our own SCU, which streams files without parsing them (dcmtk would refuse to send).
        assertRefusedBySender(write("truncated", uidChange(valid, ".1", ".7"), valid.length * 2 / 3), "truncated");
        byte[] huge = uidChange(valid, ".1", ".8");
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(pixelLengthOffset(huge), 0x7FFFFFF0);
        assertRefusedBySender(write("huge", huge, huge.length), "claims 2147483632 bytes");

        // Valid encoding, invalid content: sent with dcmtk, whose output shows our failure status.
        Path noGeometry = tmp.resolve("nogeo.dcm");
        Files.write(noGeometry, withoutGeometry());
        Tools.Result r = Tools.storescu(receiver.port(), "SCANNER", "MRPILOT", List.of(noGeometry));
        assertTrue(r.output().contains("Error: DataSetDoesNotMatchSOPClass"), r.output());
        assertTrue(log.contains("missing ImagePositionPatient (0020,0032)"), log.lines.toString());

        Path mismatch = tmp.resolve("mismatch.dcm");
        Files.write(mismatch, pixelMismatch());
        r = Tools.storescu(receiver.port(), "SCANNER", "MRPILOT", List.of(mismatch));
        assertTrue(r.output().contains("Error: DataSetDoesNotMatchSOPClass"), r.output());
        assertTrue(log.contains("pixel data has"), log.lines.toString());

        // Larger than the configured limit: refused while it streams in, never stored.
        List<Path> big = PhantomSeries.write(tmp.resolve("big"), SERIES + "8", 7, "t1", PhantomSeries.stack(1, Vec3.ZERO, Vec3.L, Vec3.P, 5), 256, 1, false);
        r = Tools.storescu(receiver.port(), "SCANNER", "MRPILOT", big);
        assertTrue(r.output().contains("Refused: OutOfResources"), r.output());
        assertTrue(log.contains("exceeds the limit of " + MAX_BYTES), log.lines.toString());

        // A compressed transfer syntax is refused at negotiation, with the reason in our log.
        Path jpeg = tmp.resolve("jpeg.dcm");
        assertEquals(0, Tools.run(List.of("dcmcjpeg", "+ee", good.get(1).toString(), jpeg.toString())).exit());
        // -R -xx: propose only what the file needs, in its own (JPEG 12-bit) transfer syntax, as a scanner would.
        r = Tools.run(List.of("storescu", "-v", "-R", "-xx", "-aet", "SCANNER", "-aec", "MRPILOT", "127.0.0.1", String.valueOf(receiver.port()), jpeg.toString()));
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(log.contains("refused transfer syntaxes"), r.output());

        // Nothing stored before changed, nothing broken was stored, and the receiver still takes a good instance.
        Map<Path, byte[]> after = stored();
        assertEquals(before.keySet(), after.keySet());
        for (Path p : before.keySet()) assertArrayEquals(before.get(p), after.get(p), "changed: " + p);
        List<Path> more = PhantomSeries.write(tmp.resolve("more"), SERIES + "9", 6, "t1", PhantomSeries.stack(1, Vec3.ZERO, Vec3.L, Vec3.P, 5), 32, 4, false);
        assertEquals(0, Tools.storescu(receiver.port(), "SCANNER", "MRPILOT", more).exit());
        assertEquals(4, stored().size());
        try (Stream<Path> incoming = Files.list(tmp.resolve("store/incoming"))) {
            assertEquals(0, incoming.count());
        }
    }

    private void assertRefusedBySender(Path file, String reason) throws Exception {
        Destination us = new Destination("us", "127.0.0.1", receiver.port(), "MRPILOT");
        assertTrue(StoreScu.send(us, "SCANNER", List.of(file)).isEmpty(), "refused: " + file);
        assertTrue(log.contains(reason), "log names '" + reason + "': " + log.lines);
    }

    private Path write(String name, byte[] bytes, int length) throws Exception {
        Path p = tmp.resolve(name + ".dcm");
        Files.write(p, java.util.Arrays.copyOf(bytes, length));
        return p;
    }

    /** The same instance under another SOP instance UID (same length, so offsets stay valid). */
    private static byte[] uidChange(byte[] bytes, String from, String to) {
        String s = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        String uid = SERIES + from;
        return s.replace(uid + "\0", SERIES + to + "\0").replace(uid, SERIES + to).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Offset of the 4-byte length of (7FE0,0010) OW in explicit VR little endian. */
    private static int pixelLengthOffset(byte[] b) {
        for (int i = b.length - 12; i > 132; i--) {
            if (b[i] == (byte) 0xE0 && b[i + 1] == 0x7F && b[i + 2] == 0x10 && b[i + 3] == 0 && b[i + 4] == 'O' && b[i + 5] == 'W') return i + 8;
        }
        throw new IllegalStateException("no pixel data");
    }

    private static byte[] withoutGeometry() {
        Dataset d = PhantomSeries.instance(SERIES, SERIES + ".5", 5, "t1", new PhantomSeries.Plane(Vec3.ZERO, Vec3.L, Vec3.P), 5, 32, 4);
        d.list().remove(Dataset.tag("ImagePositionPatient"));
        return d.toPart10();
    }

    private static byte[] pixelMismatch() {
        Dataset d = PhantomSeries.instance(SERIES, SERIES + ".6", 5, "t1", new PhantomSeries.Plane(Vec3.ZERO, Vec3.L, Vec3.P), 6, 32, 4);
        d.set("Rows", 40);
        return d.toPart10();
    }

    private Map<Path, byte[]> stored() throws Exception {
        Map<Path, byte[]> files = new HashMap<>();
        Path studies = tmp.resolve("store/studies");
        if (!Files.exists(studies)) return files;
        try (Stream<Path> s = Files.walk(studies)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) files.put(p, Files.readAllBytes(p));
        }
        return files;
    }
}
