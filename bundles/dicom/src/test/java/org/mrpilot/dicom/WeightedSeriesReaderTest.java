package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.SOPClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.api.mapping.RelaxometryKind;

/**
 * Folders of real Part 10 files (written by our writer, some altered by dcmtk's dcmodify) read as weighted series:
 * grouped by slice position, sorted by time, and every folder mapping cannot use refused with the reason.
 */
class WeightedSeriesReaderTest {
    private static final String SERIES = "1.2.826.0.1.3680043.9.7777.60";
    /** Acquired out of order, so the reader has to sort. */
    private static final double[] TIMES_MS = {700, 100, 3000, 400, 1500};
    private static final int SIZE = 8;
    private static final Vec3 TOP = new Vec3(-20, -30, 12);
    @TempDir
    Path tmp;

    /** Image of time n at plane k: every pixel 100 k + n + 1, so a value tells where it came from. */
    private static List<Path> series(Path dir, String timeKeyword, int planes) throws Exception {
        // Written against the slice normal (-S: rows along L, columns along A): the reader has to order them itself.
        List<PhantomSeries.Plane> stack = new ArrayList<>(PhantomSeries.stack(planes, TOP, Vec3.L, Vec3.P.times(-1), 4));
        Collections.reverse(stack);
        return series(dir, timeKeyword, stack);
    }

    private static List<Path> series(Path dir, String timeKeyword, List<PhantomSeries.Plane> planes) throws Exception {
        float[][][] pixels = new float[TIMES_MS.length][planes.size()][SIZE * SIZE];
        for (int n = 0; n < TIMES_MS.length; n++) {
            for (int k = 0; k < planes.size(); k++) Arrays.fill(pixels[n][k], 100 * k + n + 1);
        }
        return PhantomSeries.writeWeighted(dir, SERIES, timeKeyword, TIMES_MS, planes, SIZE, 2.5, pixels);
    }

    @Test
    void groupsBySlicePositionAndSortsByTime() throws Exception {
        Path dir = tmp.resolve("ir");
        series(dir, "InversionTime", 3);
        WeightedDicomSeries read = WeightedSeriesReader.read(dir, RelaxometryKind.T1);
        assertArrayEquals(new double[] {0.1, 0.4, 0.7, 1.5, 3.0}, read.timesS(), 1e-12);
        assertEquals(3, read.slices().size());
        int[] timeIndex = {1, 3, 0, 4, 2}; // where each sorted time sits in TIMES_MS
        Volume grid = read.grid();
        for (int k = 0; k < 3; k++) {
            int plane = 2 - k; // the top plane, written last, comes first along the normal

            for (int n = 0; n < 5; n++) assertEquals(100 * plane + timeIndex[n] + 1, read.slices().get(k).image(n)[17], "slice " + k + " time " + n);
        }
        assertEquals(-20, grid.originMm().x(), 1e-9);
        assertEquals(12, grid.originMm().z(), 1e-9);
        assertEquals(-1, grid.kDirection().z(), 1e-9);
        assertEquals(4, grid.spacingMm()[2], 1e-9);
        assertEquals(PhantomSeries.FRAME, read.source().frameOfReferenceUid());
        assertEquals(3, read.source().slices().size());
    }

    @Test
    void t2ReadsEchoTimes() throws Exception {
        Path dir = tmp.resolve("se");
        series(dir, "EchoTime", 1);
        WeightedDicomSeries read = WeightedSeriesReader.read(dir, RelaxometryKind.T2);
        assertArrayEquals(new double[] {0.1, 0.4, 0.7, 1.5, 3.0}, read.timesS(), 1e-12);
        assertEquals(1, read.grid().nz());
    }

    @Test
    void refusesFoldersThatAreNotOneWeightedSeries() throws Exception {
        assertRefused(Files.createDirectories(tmp.resolve("empty")), "holds no files");
        assertRefused(tmp.resolve("absent"), "is not a folder");

        Path text = copy("text");
        Files.writeString(text.resolve("notes.txt"), "not an image\n".repeat(20));
        assertRefused(text, "notes.txt: not a DICOM Part 10 file");

        Path truncated = copy("truncated");
        Path cut = files(truncated).get(0);
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        assertRefused(truncated, cut.getFileName() + ": element (7FE0,0010) claims 128 bytes but only 28 remain (truncated or corrupt)");

        Path mixed = copy("mixed-series");
        dcmodify(mixed, "-m", "(0020,000e)=" + SERIES + ".99");
        assertRefused(mixed, "the folder mixes series");

        Path frames = copy("mixed-frames");
        dcmodify(frames, "-m", "(0020,0052)=1.2.826.0.1.3680043.9.7777.3");
        assertRefused(frames, "mixes frames of reference");

        Path noTi = copy("no-ti");
        dcmodify(noTi, "-e", "(0018,0082)");
        assertRefused(noTi, "missing InversionTime (0018,0082)");
        assertRefused(noTi(), "missing EchoTime (0018,0081)", RelaxometryKind.T2);

        Path negative = copy("negative");
        dcmodify(negative, "-m", "(0018,0082)=-5");
        assertRefused(negative, "InversionTime (0018,0082) -5.0 ms is not a time >= 0");

        Path duplicate = copy("duplicate");
        dcmodify(duplicate, "-m", "(0018,0082)=400");
        assertRefused(duplicate, "have the same InversionTime (0018,0082) 400 ms at one slice position");

        Path missing = tmp.resolve("times-differ");
        Files.delete(series(missing, "InversionTime", 2).get(0));
        assertRefused(missing, "slice positions have different inversion times: [100, 400, 700, 1500, 3000] ms at");

        Path sizes = copy("sizes");
        Files.write(sizes.resolve("other.dcm"), PhantomSeries.withPixels(PhantomSeries.header(SERIES, SERIES + ".200", 7, "ir", plane(), 200, 16, 2.5)
                .set("InversionTime", 5000.0), new short[16 * 16]).toPart10());
        assertRefused(sizes, "images of different sizes");

        Path enhanced = copy("enhanced");
        Files.write(enhanced.resolve("enhanced.dcm"), PhantomSeries.header(SERIES, SERIES + ".300", 7, "ir", plane(), 300, SIZE, 2.5)
                .set("SOPClassUID", SOPClass.EnhancedMRImageStorage).set("NumberOfFrames", 2).toPart10());
        assertRefused(enhanced, "Enhanced MR (multi-frame) images are not supported");

        Path shifted = copy("shifted");
        dcmodify(shifted, "-m", "(0020,0032)=-15\\-30\\12");
        assertRefused(shifted, "images at one slice position are shifted in plane");

        Path gap = tmp.resolve("gap");
        series(gap, "InversionTime", List.of(plane(), new PhantomSeries.Plane(TOP.plus(Vec3.S.times(4)), Vec3.L, Vec3.P.times(-1)),
                new PhantomSeries.Plane(TOP.plus(Vec3.S.times(10)), Vec3.L, Vec3.P.times(-1))));
        assertRefused(gap, "not evenly spaced");
    }

    private Path noTi() throws Exception {
        Path dir = tmp.resolve("no-te");
        series(dir, "EchoTime", 1);
        dcmodify(dir, "-e", "(0018,0081)");
        return dir;
    }

    private static PhantomSeries.Plane plane() {
        return new PhantomSeries.Plane(TOP, Vec3.L, Vec3.P.times(-1));
    }

    /** A fresh valid one-slice IR series in {@code tmp/name}. */
    private Path copy(String name) throws Exception {
        Path dir = tmp.resolve(name);
        series(dir, "InversionTime", 1);
        return dir;
    }

    private static List<Path> files(Path dir) throws Exception {
        try (var list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    /** dcmtk changes the first file of {@code dir} in place. */
    private static void dcmodify(Path dir, String option, String value) throws Exception {
        List<String> command = List.of("dcmodify", "-nb", option, value, files(dir).get(0).toString());
        Tools.Result r = Tools.run(command);
        assertEquals(0, r.exit(), r.output());
    }

    private static void assertRefused(Path dir, String reason) {
        assertRefused(dir, reason, RelaxometryKind.T1);
    }

    private static void assertRefused(Path dir, String reason, RelaxometryKind kind) {
        var e = assertThrows(IllegalArgumentException.class, () -> WeightedSeriesReader.read(dir, kind));
        assertTrue(e.getMessage().contains(reason), "expected '" + reason + "', got: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
