package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.exam.LocalizerReceived;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/** Localizers written by {@link LocalizerWriter} are valid DICOM and come back through {@link LocalizerFolder} unchanged. */
class LocalizerFolderTest {
    static final AcquisitionParameters LOCALIZER = new AcquisitionParameters(0.008, List.of(0.0035), List.of(), 20, 3);
    @TempDir
    Path tmp;

    /** Three orthogonal 48x40 slices (non-square, so rows and columns cannot be swapped unnoticed) with a ramp image. */
    static List<ImageSlice> threePlanes() {
        List<ImageSlice> slices = new ArrayList<>();
        Vec3[][] axes = {{Vec3.L, Vec3.P}, {Vec3.L, Vec3.S.times(-1)}, {Vec3.P, Vec3.S.times(-1)}};
        for (Vec3[] a : axes) {
            float[] pixels = new float[48 * 40];
            for (int i = 0; i < pixels.length; i++) pixels[i] = (i % 48) * 3.5f + (i / 48) * 0.25f;
            Vec3 corner = a[0].times(-24 * 5.0).plus(a[1].times(-20 * 6.0)).plus(new Vec3(1.5, -2.25, 7.125));
            slices.add(new ImageSlice(48, 40, pixels, corner, a[0], a[1], 6.0, 5.0, 7, PhantomSeries.FRAME));
        }
        return slices;
    }

    @Test
    void writtenLocalizerIsValidDicomAndReadsBackWithItsGeometryAndValues() throws Exception {
        List<ImageSlice> slices = threePlanes();
        List<Path> files = LocalizerWriter.write(tmp.resolve("loc"), LocalizerWriter.newStudy("Generated^Test", "GEN1"), LOCALIZER, slices);
        assertEquals(3, files.size());
        for (Path f : files) {
            Tools.Result v = Tools.run(List.of("dciodvfy", f.toString()));
            assertFalse(v.output().contains("Error"), "dciodvfy errors for " + f + ":\n" + v.output());
        }
        List<LocalizerReceived> read = LocalizerFolder.read(tmp.resolve("loc"));
        assertEquals(1, read.size());
        assertEquals("ImageType LOCALIZER", read.get(0).recognisedBy());
        List<ImageSlice> back = read.get(0).series().slices();
        for (int i = 0; i < 3; i++) {
            ImageSlice a = slices.get(i), b = back.get(i);
            assertTrue(a.positionMm().minus(b.positionMm()).norm() < 1e-6 && a.rowDirection().minus(b.rowDirection()).norm() < 1e-9);
            assertEquals(a.rowSpacingMm(), b.rowSpacingMm(), 1e-9);
            assertEquals(a.columnSpacingMm(), b.columnSpacingMm(), 1e-9);
            assertEquals(a.thicknessMm(), b.thicknessMm(), 1e-9);
            assertEquals(PhantomSeries.FRAME, b.frameOfReferenceUid());
            float max = 47 * 3.5f + 39 * 0.25f;
            for (int p = 0; p < a.pixels().length; p += 37) assertEquals(a.pixels()[p], b.pixels()[p], max / 65535 + 1e-4, "pixel " + p);
        }
        assertThrows(java.io.IOException.class, () -> LocalizerWriter.write(tmp.resolve("loc"), LocalizerWriter.newStudy("A", "B"), LOCALIZER, slices),
                "an existing series is never overwritten");
    }

    @Test
    void foldersWithoutAUsableLocalizerAreRefusedWithTheReason() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertReason(empty, "holds no files");

        Path text = Files.createDirectories(tmp.resolve("text"));
        Files.writeString(text.resolve("notes.txt"), "not an image");
        assertReason(text, "no DICOM file");

        Path stack = tmp.resolve("stack");
        PhantomSeries.write(stack, "1.2.826.0.1.3680043.9.7777.60", 4, "t1 axial", PhantomSeries.stack(3, Vec3.ZERO, Vec3.L, Vec3.P, 4), 16, 10, false);
        assertReason(stack, "no localizer series");

        Path broken = tmp.resolve("broken");
        List<Path> files = LocalizerWriter.write(broken, LocalizerWriter.newStudy("A", "B"), LOCALIZER, threePlanes());
        byte[] whole = Files.readAllBytes(files.get(1));
        Files.write(files.get(1), Arrays.copyOf(whole, whole.length - 1000));
        assertReason(broken, files.get(1).getFileName().toString());
    }

    private static void assertReason(Path dir, String reason) {
        LocalizerFolder.RefusedException e = assertThrows(LocalizerFolder.RefusedException.class, () -> LocalizerFolder.read(dir));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
