package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TransferSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.Vec3;

/**
 * The parser entry point on mutated valid files: every outcome is either an instance or a {@link Rejection}; never
 * another exception, a hang, or a length PixelMed reads that our structure check did not approve (so no allocation
 * the file does not justify). Seeded, so a failure is reproducible;
 * {@code -Dfuzz.cases=N} runs more offline.
 */
class ParserFuzzTest {
    @Test
    void mutatedFilesAreReadOrRejectedNeverCrash() {
        int cases = Integer.getInteger("fuzz.cases", 3000);
        long seed = Long.getLong("fuzz.seed", 20261121L);
        PhantomSeries.Plane plane = new PhantomSeries.Plane(new Vec3(-10, 5, 2), Vec3.L, Vec3.P);
        // Every uncompressed encoding we accept, each with a sequence so nested items get mutated too.
        List<byte[]> valid = new ArrayList<>();
        for (String ts : List.of(TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian)) {
            Dataset d = PhantomSeries.instance("1.2.3", "1.2.3.4", 1, "t1", plane, 1, 16, 2);
            d.sequence("ReferencedImageSequence", new Dataset().set("ReferencedSOPClassUID", SOPClass.MRImageStorage).set("ReferencedSOPInstanceUID", "1.2.3.3"));
            byte[] b = d.toPart10(ts);
            assertDoesNotThrow(() -> InstanceReader.read(b), "valid " + ts);
            valid.add(b);
        }
        Random random = new Random(seed);
        int rejected = 0;
        List<String> unreadable = new ArrayList<>();
        for (int n = 0; n < cases; n++) {
            byte[] b = mutate(valid.get(n % valid.size()), random);
            try {
                InstanceReader.read(b);
            } catch (Rejection r) {
                rejected++;
                if (r.getMessage().startsWith("unreadable")) unreadable.add(n + ": " + r.getMessage());
            } catch (Throwable t) {
                fail("case " + n + " (seed " + seed + "): " + t, t);
            }
        }
        assertTrue(rejected > cases / 4, "mutations should break most files, rejected only " + rejected);
        System.out.println("rejected " + rejected + " of " + cases + "; by PixelMed after our structure check: " + unreadable.size());
        unreadable.stream().limit(20).forEach(System.out::println);
        // Our structure check and PixelMed must agree on every length: PixelMed never meets one we did not approve.
        List<String> lengthTrouble = unreadable.stream().filter(m -> m.contains("VL") || m.contains("length") || m.contains("Failed to read")).toList();
        assertTrue(lengthTrouble.isEmpty(), "PixelMed read lengths our check let through: " + lengthTrouble);
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(5)) {
            case 0 -> { // flip a few bytes
                for (int i = 0, k = 1 + random.nextInt(8); i < k; i++) b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length)); // truncate
            case 2 -> { // a huge or odd length somewhere in the header area
                int at = 132 + random.nextInt(Math.min(600, b.length - 140));
                int len = random.nextBoolean() ? 0x7FFFFFF0 : random.nextInt();
                for (int i = 0; i < 4; i++) b[at + i] = (byte) (len >>> (8 * i));
            }
            case 3 -> { // undefined lengths
                int at = 132 + random.nextInt(b.length - 140);
                for (int i = 0; i < 4; i++) b[at + i] = (byte) 0xFF;
            }
            default -> { // duplicate a slice of bytes
                int from = random.nextInt(b.length);
                int len = random.nextInt(Math.min(64, b.length - from) + 1);
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, from + len);
                System.arraycopy(b, from, out, from + len, b.length - from);
                b = out;
            }
        }
        return b;
    }
}
