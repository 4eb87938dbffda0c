package org.mrpilot.physics.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.AnatomySource;

class RelaxometryDatasetTest {
    private static final String[] FILES = {"pd.npy", "t1_s.npy", "t2_s.npy", "b.npy", "labels.npy", "mask.npy", "meta.json"};

    @TempDir
    Path dir;

    private Path write(long seed, String name) throws IOException {
        Path out = dir.resolve(name);
        new RelaxometryDataset(new AnatomyFactory(AnatomySource.PROCEDURAL, null)).write(new RelaxometryDataset.Spec(seed, 6, 32, 3.0, 6), out, () -> { });
        return out;
    }

    @Test
    void sameSeedIsBitIdenticalOtherSeedDiffers() throws IOException {
        Path a = write(5, "a"), b = write(5, "b"), c = write(6, "c");
        for (String f : FILES) assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("t1_s.npy")), Files.readAllBytes(c.resolve("t1_s.npy"))));
    }

    @Test
    void arraysHaveTheDocumentedLayoutAndPlausibleValues() throws IOException {
        Path a = write(7, "layout");
        byte[] t2 = Files.readAllBytes(a.resolve("t2_s.npy"));
        int headerLength = ByteBuffer.wrap(t2, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        String header = new String(t2, 10, headerLength);
        assertTrue(header.contains("'descr': '<f4'") && header.contains("'shape': (6, 32, 32)"), header);
        assertEquals(0, (10 + headerLength) % 64);
        assertEquals(10 + headerLength + 6 * 32 * 32 * 4, t2.length);
        byte[] mask = Files.readAllBytes(a.resolve("mask.npy"));
        byte[] labels = Files.readAllBytes(a.resolve("labels.npy"));
        ByteBuffer values = ByteBuffer.wrap(t2, 10 + headerLength, 6 * 32 * 32 * 4).order(ByteOrder.LITTLE_ENDIAN);
        int off = mask.length - 6 * 32 * 32, brain = 0;
        for (int i = 0; i < 6 * 32 * 32; i++) {
            float v = values.getFloat();
            if (mask[off + i] == 1) {
                brain++;
                assertTrue(v > 0.01 && v < 4, "brain T2 " + v);
                assertTrue(labels[off + i] >= 1 && labels[off + i] <= 3);
            }
        }
        assertTrue(brain > 6 * 32 * 32 / 4, "patch centres lie in the brain, so most pixels should too: " + brain);
    }

    /** The second anatomy of BOTH is the ICBM152 template, here from a folder that does not hold it. */
    @Test
    void aFailedExportLeavesTheDestinationAsItWas() throws IOException {
        Path out = write(5, "kept");
        byte[] before = Files.readAllBytes(out.resolve("t1_s.npy"));
        AnatomyFactory broken = new AnatomyFactory(AnatomySource.BOTH, dir.resolve("no-templates-here"));
        IOException e = assertThrows(IOException.class,
                () -> new RelaxometryDataset(broken).write(new RelaxometryDataset.Spec(6, 2, 32, 3.0, 1), out, () -> { }));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("t1_s.npy")));
        try (var left = Files.list(dir)) {
            assertEquals(List.of("kept"), left.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder left behind");
        }
    }

    @Test
    void refusesBadSpecs() {
        assertThrows(IllegalArgumentException.class, () -> new RelaxometryDataset.Spec(1, 0, 32, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new RelaxometryDataset.Spec(1, 1, 4, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new RelaxometryDataset.Spec(1, 1, 32, 3, 0));
    }
}
