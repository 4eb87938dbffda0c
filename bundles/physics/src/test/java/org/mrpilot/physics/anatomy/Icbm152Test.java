package org.mrpilot.physics.anatomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.geometry.Vec3;

/**
 * The ICBM152 head, read from nilearn's templates in the project's .venv. `./mrpilot test` installs them first
 * and sets MRPILOT_TEST_SUITE, so there a missing template fails; a bare `mvn verify` without .venv skips.
 */
class Icbm152Test {
    @TempDir
    Path dir;

    @Test
    void templateHeadHasItsLandmarksInTheRightTissue() throws IOException {
        Path templates;
        try {
            templates = Icbm152Templates.locate(null);
        } catch (IOException e) {
            if (System.getenv("MRPILOT_TEST_SUITE") != null) {
                throw new AssertionError("./mrpilot test installed nilearn's templates, yet they are not found: " + e.getMessage(), e);
            }
            assumeTrue(false, "no .venv with nilearn: " + e.getMessage());
            return;
        }
        Anatomy head = Icbm152Templates.load(templates);
        Landmarks l = head.landmarks();
        assertEquals(Label.WHITE_MATTER, labelAt(head, l.anteriorCommissure()), "AC is a white-matter tract");
        assertTrue(Label.of(labelAt(head, l.posteriorCommissure()).code).brain, "PC inside the brain");
        assertEquals(Label.EYE, labelAt(head, l.leftEye()));
        assertEquals(Label.EYE, labelAt(head, l.rightEye()));
        assertEquals(27.1, l.posteriorCommissure().minus(l.anteriorCommissure()).norm(), 0.1);
        // going up from inside the brain: the layers of the head in order
        List<Label> layers = new ArrayList<>();
        for (double z = 40; z < 130; z += 0.25) {
            Label label = labelAt(head, new Vec3(20, 20, z));
            if (layers.isEmpty() || layers.get(layers.size() - 1) != label) layers.add(label);
        }
        List<Label> outer = layers.subList(layers.indexOf(Label.SKULL), layers.size());
        assertEquals(List.of(Label.SKULL, Label.MARROW, Label.SKULL, Label.FAT, Label.SKIN, Label.BACKGROUND), outer);
        assertTrue(layers.subList(0, layers.indexOf(Label.SKULL)).stream().allMatch(label -> label.brain), layers.toString());
        int brain = 0;
        for (byte b : head.labels()) if (Label.of(b).brain) brain++;
        assertTrue(brain > 1_200_000 && brain < 2_200_000, "intracranial volume in ml: " + brain / 1000);
    }

    private static Label labelAt(Anatomy a, Vec3 p) {
        return Label.of(a.labelAt(p.x(), p.y(), p.z()));
    }

    @Test
    void refusesMissingOrBrokenTemplates() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> Icbm152Templates.locate(dir));
        assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
        for (String kind : new String[] {"t1", "gm", "wm"}) Files.write(dir.resolve(Icbm152Templates.PREFIX + kind + Icbm152Templates.SUFFIX), new byte[10]);
        assertThrows(IOException.class, () -> Icbm152Templates.load(dir));
    }
}
