package org.mrpilot.pulseq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SequenceKind;
import org.mrpilot.api.sequence.SequenceRefusedException;
import org.mrpilot.api.sequence.SequenceTable;
import org.mrpilot.sequence.Protocols;
import org.mrpilot.sequence.SequenceBuilder;

class PulseqFormatTest {
    private static final SafetyLimits SIEMENS = SafetyLimits.siemensLike();

    private static SequenceTable build(Protocol p) {
        int lines = p.kind() == SequenceKind.INVERSION_RECOVERY ? 2 : 8;
        return SequenceBuilder.build(p, new SliceGroup("t", new Vec3(5, -10, 20), Vec3.L, Vec3.P, 200, 200, 32, lines, 3, 1, 2, "", "HFS"), SIEMENS);
    }

    private static byte[] gre(PulseqVersion v) {
        return PulseqWriter.write(build(Protocols.all().get("gre")), v);
    }

    @Test
    void ourFileReadAndWrittenAgainIsByteIdenticalInBothVersions() throws Exception {
        for (Protocol p : Protocols.all().values()) {
            SequenceTable table = build(p);
            for (PulseqVersion v : new PulseqVersion[] {PulseqVersion.V1_5_0, PulseqVersion.V1_4_2}) {
                byte[] first = PulseqWriter.write(table, v);
                PulseqFile read = PulseqReader.read(first);
                assertEquals(v.toString(), read.version());
                assertArrayEquals(first, PulseqWriter.write(read.table(), v), p.name() + " " + v);
            }
        }
    }

    @Test
    void rotationsTravelAsTheExtensionOfFormat151Only() throws Exception {
        double c = Math.cos(Math.toRadians(20));
        double sn = Math.sin(Math.toRadians(20));
        SliceGroup oblique = new SliceGroup("o", new Vec3(10, 0, 28), new Vec3(c, sn, 0), new Vec3(-sn, c, 0), 200, 200, 32, 8, 3, 1, 1, "", "HFS");
        SequenceTable table = SequenceBuilder.build(Protocols.all().get("gre"), oblique, SIEMENS, org.mrpilot.sequence.GradientRotation.ROTATIONS_EXTENSION);
        byte[] first = PulseqWriter.write(table, PulseqVersion.V1_5_1);
        assertTrue(new String(first, StandardCharsets.US_ASCII).contains("\nextension ROTATIONS "));
        PulseqFile read = PulseqReader.read(first);
        assertEquals("1.5.1", read.version());
        assertArrayEquals(first, PulseqWriter.write(read.table(), PulseqVersion.V1_5_1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PulseqWriter.write(table, PulseqVersion.V1_5_0));
        assertTrue(e.getMessage().contains("rotations need format 1.5.1"), e.getMessage());
    }

    @Test
    void outputDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        byte[] root;
        byte[] german;
        try {
            Locale.setDefault(Locale.ROOT);
            root = gre(PulseqVersion.V1_5_0);
            Locale.setDefault(Locale.GERMANY);
            german = gre(PulseqVersion.V1_5_0);
        } finally {
            Locale.setDefault(saved);
        }
        assertArrayEquals(root, german);
        assertTrue(new String(german, StandardCharsets.US_ASCII).contains("GradientRasterTime 1e-05\n"));
    }

    @Test
    void signatureVerifiesAndAnAlteredBodyIsRefused() throws Exception {
        byte[] file = gre(PulseqVersion.V1_5_0);
        String text = new String(file, StandardCharsets.US_ASCII);
        String body = text.substring(0, text.indexOf(Signature.MARKER));
        assertEquals(Signature.md5(body), PulseqReader.read(file).signature());
        byte[] altered = text.replaceFirst("\\[TRAP\\]\n( ?\\d+) +(-?[0-9.e+-]+)", "[TRAP]\n$1 1234").getBytes(StandardCharsets.US_ASCII);
        PulseqFormatException e = assertThrows(PulseqFormatException.class, () -> PulseqReader.read(altered));
        assertTrue(e.getMessage().contains("MD5 signature does not match"), e.getMessage());
    }

    private static PulseqFormatException refused(String text) {
        return assertThrows(PulseqFormatException.class, () -> PulseqReader.read(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void malformedTruncatedAndUnsupportedFilesAreRefusedWithLineAndReason() {
        String good = new String(gre(PulseqVersion.V1_5_0), StandardCharsets.US_ASCII);
        String unsigned = good.substring(0, good.indexOf(Signature.MARKER));
        PulseqFormatException version = refused(unsigned.replace("minor 5", "minor 3"));
        assertEquals(6, version.line());
        assertTrue(version.getMessage().contains("unsupported version"), version.getMessage());
        String[] lines = unsigned.split("\n", -1);
        int blocksAt = Arrays.asList(lines).indexOf("[BLOCKS]") + 2;
        lines[blocksAt - 1] = lines[blocksAt - 1].replaceFirst("^(\\s*\\d+\\s+)\\d+", "$1x1");
        PulseqFormatException malformed = refused(String.join("\n", lines));
        assertEquals(blocksAt, malformed.line());
        assertTrue(malformed.getMessage().contains("not a finite number"), malformed.getMessage());
        String cutInShapes = unsigned.substring(0, unsigned.lastIndexOf("num_samples") + 40);
        PulseqFormatException truncated = refused(cutInShapes);
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        PulseqFormatException cutInTrap = refused(unsigned.substring(0, unsigned.indexOf("[TRAP]") + 20));
        assertTrue(cutInTrap.getMessage().matches("line \\d+: .*"), cutInTrap.getMessage());
        assertTrue(refused("[VERSION]\nmajor 1\nminor 3\nrevision 0\n\n[DELAYS]\n1 10\n").getMessage().contains("unsupported version"));
        assertTrue(refused(unsigned.replace("[RF]", "[DELAYS]")).getMessage().contains("[DELAYS]"));
        assertTrue(refused("").getMessage().startsWith("line 1: no [VERSION]"));
    }

    @Test
    void aFileCutAtTheSignatureMarkerIsRefusedUnlessUnsignedFilesAreAllowed() throws Exception {
        String good = new String(gre(PulseqVersion.V1_5_0), StandardCharsets.US_ASCII);
        String handWritten = good.substring(0, good.indexOf(Signature.MARKER) + 1);
        assertTrue(refused(handWritten).getMessage().contains("no [SIGNATURE] section"), refused(handWritten).getMessage());
        PulseqFile read = PulseqReader.readAllowingUnsigned(handWritten.getBytes(StandardCharsets.US_ASCII));
        assertEquals(null, read.signature());
        assertEquals(PulseqReader.read(gre(PulseqVersion.V1_5_0)).table().blocks(), read.table().blocks());
    }

    @Test
    void aShapeClaimingBillionsOfSamplesIsRefusedBeforeAnyAllocation() {
        String head = "[VERSION]\nmajor 1\nminor 5\nrevision 0\n\n[BLOCKS]\n1 10 0 0 0 0 0 0\n\n[SHAPES]\n\nshape_id 1\n";
        PulseqFormatException huge = refused(head + "num_samples 2000000000\n0\n0\n1999999998\n");
        assertEquals(12, huge.line());
        assertTrue(huge.getMessage().contains("num_samples 2000000000 is more than a shape may have"), huge.getMessage());
        PulseqFormatException unbacked = refused(head + "num_samples 4000000\n1\n2\n");
        assertTrue(unbacked.getMessage().contains("decodes to 2 samples, num_samples says 4000000"), unbacked.getMessage());
        StringBuilder many = new StringBuilder(head.substring(0, head.indexOf("shape_id")));
        for (int id = 1; id <= 5; id++) many.append("shape_id ").append(id).append("\nnum_samples 4000000\n0\n0\n3999998\n\n");
        assertTrue(refused(many.toString()).getMessage().contains("samples in all"));
    }

    /** Every cut of a file before its end is refused with a line number, and only with {@link PulseqFormatException}. */
    @Test
    void everyTruncationIsRefused() {
        byte[] file = gre(PulseqVersion.V1_5_0);
        int bodyEnd = new String(file, StandardCharsets.US_ASCII).indexOf(Signature.MARKER);
        int checked = 0;
        for (int length = 0; length < file.length; length += length < bodyEnd - 1 ? 37 : 1) {
            byte[] cut = Arrays.copyOf(file, length);
            try {
                PulseqReader.read(cut);
                throw new AssertionError("a file cut at byte " + length + " of " + file.length + " was accepted");
            } catch (PulseqFormatException e) {
                assertTrue(e.line() >= 1, e.getMessage());
                checked++;
            }
        }
        assertTrue(checked > 100);
    }

    @Test
    void cCompatibleNumbersAndShapeCompressionFollowTheReferences() {
        assertEquals("1e-05", CNumbers.g9(1e-5));
        assertEquals("0.0001", CNumbers.g(1e-4));
        assertEquals("123457", CNumbers.g(123456.7));
        assertEquals("1.23457e+06", CNumbers.g(1234567));
        assertEquals("-0", CNumbers.g(-0.0));
        assertEquals("       -1500", CNumbers.pad(CNumbers.g(-1500), 12));
        assertEquals("2", CNumbers.f0(2.5));
        assertArrayEquals(new double[] {0, 0.25, 0.25, 2, 0, 0, 2, -0.5, -0.5, 0},
                ShapeCodec.encode(new double[] {0, .25, .5, .75, 1, 1, 1, 1, 1, .5, 0}), 1e-12);
        double[] ones = new double[100];
        Arrays.fill(ones, 1);
        assertArrayEquals(new double[] {1, 0, 0, 97}, ShapeCodec.encode(ones), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.3}, ShapeCodec.encode(new double[] {0.1, 0.2, 0.3, 0.3}));
        assertArrayEquals(ones, ShapeCodec.decode(new double[] {1, 0, 0, 97}, 100), 1e-12);
    }

    @Test
    void refusedSequenceLeavesNoFileAndAcceptedOneWritesSeqAndSidecar(@TempDir Path dir) throws Exception {
        Protocol gre = Protocols.all().get("gre");
        SliceGroup g = new SliceGroup("t", Vec3.ZERO, Vec3.L, Vec3.P, 200, 200, 32, 8, 3, 1, 2, "1.2.3", "HFS");
        SequenceTable table = SequenceBuilder.build(gre, g, SIEMENS);
        PulseqAdapter strict = new PulseqAdapter(dir, PulseqVersion.V1_5_0, SIEMENS.withGradient(5e-3, 150));
        SequenceRefusedException e = assertThrows(SequenceRefusedException.class, () -> strict.push("gre", SequenceBuilder.geometry(gre, g), table));
        assertTrue(e.getMessage().contains("GRADIENT_AMPLITUDE"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
        var result = new PulseqAdapter(dir, PulseqVersion.V1_5_0, SIEMENS).push("gre", SequenceBuilder.geometry(gre, g), table);
        assertEquals(PulseqReader.read(Files.readAllBytes(dir.resolve("gre.seq"))).signature(), result.signature());
        assertTrue(Files.readString(dir.resolve("gre.geometry.json")).contains("\"frameOfReferenceUid\": \"1.2.3\""));
    }
}
