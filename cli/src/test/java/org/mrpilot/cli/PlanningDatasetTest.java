package org.mrpilot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.acquisition.LocalizerArtefact;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.AnatomySource;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.planning.CommissureRefiner;

class PlanningDatasetTest {

    @Test
    void refusesAnArtefactShareOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new PlanningDataset.Spec(1, 2, 2, 3, 1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new PlanningDataset.Spec(1, 2, 2, 3, -0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PlanningDataset.Spec(1, 2, 2, 3, 0, -1));
    }

    @Test
    void closeUpsHoldTheTrueCommissuresNearTheirMidSagittalSlab(@TempDir Path dir) throws Exception {
        int crops = 4;
        new PlanningDataset(new AnatomyFactory(AnatomySource.PROCEDURAL, null)).write(new PlanningDataset.Spec(7, 1, 1, 3, 0, crops), dir, () -> { });
        VirtualPatient patient = PlanningDataset.patient(new AnatomyFactory(AnatomySource.PROCEDURAL, null), 7, 0, 1, 3);
        double distanceMm = patient.landmarks().anteriorCommissure().minus(patient.landmarks().posteriorCommissure()).norm();
        ByteBuffer data = npyData(dir.resolve("commissure_targets.npy"));
        double spacing = CommissureRefiner.GRID.spacingMm(), centre = (CommissureRefiner.GRID.size() - 1) / 2.0;
        for (int c = 0; c < crops; c++) {
            float[] t = new float[6];
            for (int k = 0; k < 6; k++) t[k] = data.getFloat();
            double d2 = 0;
            for (int a = 0; a < 3; a++) d2 += Math.pow((t[a] - t[3 + a]) * spacing, 2);
            assertEquals(distanceMm, Math.sqrt(d2), 1e-3, "the close-up is a rigid cut: AC-PC distance kept");
            for (int j = 0; j < 2; j++) {
                // across the plane: +-2 mm jitter and an 8 degree tilt at most move a commissure < 5 mm off the close-up's centre slab
                assertTrue(Math.abs(t[3 * j] - centre) * spacing < 5, "commissure " + j + " of close-up " + c + " at x = " + t[3 * j]);
                for (int a = 1; a < 3; a++) assertTrue(t[3 * j + a] > 0 && t[3 * j + a] < CommissureRefiner.GRID.size() - 1, "inside the close-up");
            }
        }
        assertEquals(crops * 2L * 3 * 4, data.capacity(), "P x C x 2 x 3 float32");
    }

    @Test
    void tiltTurnsTheNormalByTheAskedAngle() {
        Vec3 normal = new Vec3(0.9, 0.3, -0.1).normalized();
        for (double deg : new double[] {0, 1.5, 8}) {
            Vec3 tilted = PlanningDataset.tilt(normal, Math.toRadians(deg), 2.0);
            assertEquals(1, tilted.norm(), 1e-12);
            assertEquals(deg, normal.axisAngleDeg(tilted), 1e-9);
        }
    }

    private static ByteBuffer npyData(Path npy) throws Exception {
        byte[] bytes = Files.readAllBytes(npy);
        int header = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8; // format version 1
        return ByteBuffer.wrap(bytes, 10 + header, bytes.length - 10 - header).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void labelsEveryLocalizerWithItsArtefact(@TempDir Path dir) throws Exception {
        int count = 3;
        new PlanningDataset(new AnatomyFactory(AnatomySource.PROCEDURAL, null)).write(new PlanningDataset.Spec(5, count, count, 3, 1.0, 0), dir, () -> { });
        byte[] npy = Files.readAllBytes(dir.resolve("quality.npy"));
        byte[] labels = Arrays.copyOfRange(npy, npy.length - count, npy.length); // uint8 data follows the header
        JsonObject meta = JsonParser.parseString(Files.readString(dir.resolve("meta.json"))).getAsJsonObject();
        assertEquals(LocalizerArtefact.values().length, meta.getAsJsonArray("quality_classes").size());
        for (int i = 0; i < count; i++) {
            JsonObject item = meta.getAsJsonArray("items").get(i).getAsJsonObject();
            assertNotEquals(0, labels[i], "every localizer gets an artefact at share 1");
            assertEquals(LocalizerArtefact.values()[labels[i]].name().toLowerCase(java.util.Locale.ROOT), item.get("artefact").getAsString());
        }
    }
}
