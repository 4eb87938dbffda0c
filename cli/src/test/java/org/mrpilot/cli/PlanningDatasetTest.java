package org.mrpilot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.physics.acquisition.LocalizerArtefact;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.AnatomySource;

class PlanningDatasetTest {

    @Test
    void refusesAnArtefactShareOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new PlanningDataset.Spec(1, 2, 2, 3, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new PlanningDataset.Spec(1, 2, 2, 3, -0.1));
    }

    @Test
    void labelsEveryLocalizerWithItsArtefact(@TempDir Path dir) throws Exception {
        int count = 3;
        new PlanningDataset(new AnatomyFactory(AnatomySource.PROCEDURAL, null)).write(new PlanningDataset.Spec(5, count, count, 3, 1.0), dir, () -> { });
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
