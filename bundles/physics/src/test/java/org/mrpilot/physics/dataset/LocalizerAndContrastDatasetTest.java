package org.mrpilot.physics.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.AnatomySource;

class LocalizerAndContrastDatasetTest {
    @TempDir
    Path dir;

    private static AnatomyFactory procedural() {
        return new AnatomyFactory(AnatomySource.PROCEDURAL, null);
    }

    /** The values of a little-endian float64 .npy. */
    private static double[] float64(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int header = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        double[] v = new double[(b.length - 10 - header) / 8];
        ByteBuffer.wrap(b, 10 + header, v.length * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return v;
    }

    @Test
    void localizerDatasetIsDeterministicAndItsGeometryIsDicomLike() throws IOException {
        LocalizerDataset.Spec spec = new LocalizerDataset.Spec(9, 2, 32, 3, 3.0, 2);
        new LocalizerDataset(procedural()).write(spec, dir.resolve("a"), () -> { });
        new LocalizerDataset(procedural()).write(spec, dir.resolve("b"), () -> { });
        for (String f : new String[] {"images.npy", "brain.npy", "geometry.npy", "landmarks.npy", "meta.json"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        double[] g = float64(dir.resolve("a/geometry.npy"));
        assertEquals(2 * 3 * 3 * 12, g.length);
        for (int slice = 0; slice < 18; slice++) {
            double[] row = Arrays.copyOfRange(g, 12 * slice + 3, 12 * slice + 6), column = Arrays.copyOfRange(g, 12 * slice + 6, 12 * slice + 9);
            assertEquals(1, Math.sqrt(row[0] * row[0] + row[1] * row[1] + row[2] * row[2]), 1e-12);
            assertEquals(0, row[0] * column[0] + row[1] * column[1] + row[2] * column[2], 1e-12);
            assertTrue(g[12 * slice + 11] >= 5 && g[12 * slice + 11] <= 10, "thickness");
        }
        double[] landmarks = float64(dir.resolve("a/landmarks.npy"));
        double acPc = Math.sqrt(Math.pow(landmarks[3] - landmarks[0], 2) + Math.pow(landmarks[4] - landmarks[1], 2) + Math.pow(landmarks[5] - landmarks[2], 2));
        assertTrue(acPc > 20 && acPc < 32, "AC-PC distance " + acPc);
        JsonObject meta = JsonParser.parseString(Files.readString(dir.resolve("a/meta.json"))).getAsJsonObject();
        assertEquals("localizer", meta.get("kind").getAsString());
        assertEquals(2, meta.getAsJsonArray("items").size());
        assertThrows(IllegalArgumentException.class, () -> new LocalizerDataset.Spec(1, 1, 8, 3, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new LocalizerDataset.Spec(1, 1, 64, 0, 3, 1));
    }

    @Test
    void contrastDatasetLabelsEachImageWithItsSequence() throws IOException {
        new ContrastDataset(procedural()).write(new ContrastDataset.Spec(4, 6, 32, 6), dir.resolve("c"), () -> { });
        new ContrastDataset(procedural()).write(new ContrastDataset.Spec(5, 6, 32, 6), dir.resolve("d"), () -> { });
        byte[] sequences = Files.readAllBytes(dir.resolve("c/sequence.npy"));
        JsonObject meta = JsonParser.parseString(Files.readString(dir.resolve("c/meta.json"))).getAsJsonObject();
        for (int i = 0; i < 6; i++) {
            String name = meta.getAsJsonArray("items").get(i).getAsJsonObject().get("sequence").getAsString();
            int code = sequences[sequences.length - 6 + i];
            assertEquals(ContrastDataset.SEQUENCES[code], name);
        }
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("c/images.npy")), Files.readAllBytes(dir.resolve("d/images.npy"))));
        assertThrows(IllegalArgumentException.class, () -> new ContrastDataset.Spec(1, 1, 4, 1));
    }
}
