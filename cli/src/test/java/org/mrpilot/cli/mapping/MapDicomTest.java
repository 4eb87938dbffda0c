package org.mrpilot.cli.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.cli.Args;
import org.mrpilot.dicom.PhantomSeries;
import org.mrpilot.dicom.Tools;
import org.mrpilot.physics.io.NiftiImage;
import org.mrpilot.physics.io.NiftiReader;
import org.mrpilot.physics.signal.InversionRecovery;

/**
 * `map` on a folder of real DICOM files: an inversion-recovery series written from the physics core's closed-form
 * signal with a known T1 per pixel, mapped from its headers' inversion times, with NIfTI and DICOM (checked by
 * dciodvfy) results on the source geometry, and refusals that write nothing.
 */
class MapDicomTest {
    private static final String SERIES = "1.2.826.0.1.3680043.9.7777.70";
    private static final int SIZE = 32;
    private static final double PIXEL_MM = 7;
    private static final double AMPLITUDE = 2000, INVERSION = 1.9;
    private static final Vec3 FIRST = new Vec3(-110, -100, 20);
    private static final Vec3 ROW = Vec3.L, COLUMN = Vec3.P;

    /** T1 grows from 0.4 s (left) to 2.4 s (right) inside a disc; outside there is no signal. */
    static double t1(int column) {
        return 0.4 + 2.0 * column / (SIZE - 1);
    }

    static boolean inside(int column, int row) {
        double x = (column - (SIZE - 1) / 2.0) / (SIZE * 0.45), y = (row - (SIZE - 1) / 2.0) / (SIZE * 0.45);
        return x * x + y * y < 1;
    }

    /** The IR series of {@code timesMs} on {@code slices} axial planes 5 mm apart, |A (1 - B e^(-TI/T1))|. */
    static List<Path> irSeries(Path dir, double[] timesMs, int slices) throws Exception {
        float[][][] pixels = new float[timesMs.length][slices][SIZE * SIZE];
        for (int n = 0; n < timesMs.length; n++) {
            InversionRecovery ir = new InversionRecovery(timesMs[n] / 1000);
            for (int k = 0; k < slices; k++) {
                for (int r = 0; r < SIZE; r++) {
                    for (int c = 0; c < SIZE; c++) {
                        pixels[n][k][r * SIZE + c] = inside(c, r) ? (float) ir.signal(AMPLITUDE, t1(c), 0.1, 0.05, INVERSION) : 0;
                    }
                }
            }
        }
        return PhantomSeries.writeWeighted(dir, SERIES, "InversionTime", timesMs, PhantomSeries.stack(slices, FIRST, ROW, COLUMN, 5), SIZE, PIXEL_MM,
                pixels);
    }

    private static int run(String... argv) throws Exception {
        return new MapCommand().run(Args.parse(List.of(argv), Set.of()));
    }

    /** Relative T1 errors over the disc, every slice. */
    private static double[] t1Errors(NiftiImage t1, int slices) {
        List<Double> errors = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    if (inside(c, r)) errors.add(Math.abs(t1.data()[(k * SIZE + r) * SIZE + c] / t1(c) - 1));
                }
            }
        }
        double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(java.util.Locale.ROOT, "relative T1 error over %d pixels: median %.4f, largest %.4f%n", sorted.length, sorted[sorted.length / 2],
                sorted[sorted.length - 1]);
        return sorted;
    }

    @Test
    void mleMapsAnIrSeriesFromItsHeadersAndWritesNiftiAndValidDicom(@TempDir Path tmp) throws Exception {
        double[] timesMs = {50, 100, 200, 400, 800, 1200, 2000, 3000};
        Path dicom = tmp.resolve("ir");
        irSeries(dicom, timesMs, 2);
        Path out = tmp.resolve("out");
        // --times agreeing with the headers is accepted (in seconds, as always).
        assertEquals(0, run("--kind", "t1", "--method", "mle", "--times", "0.05,0.1,0.2,0.4,0.8,1.2,2,3", dicom.toString(), "-o", out.toString()));

        NiftiImage t1 = NiftiReader.read(out.resolve("t1_s.nii"));
        assertArrayEquals(new int[] {SIZE, SIZE, 2}, t1.dims());
        double[] errors = t1Errors(t1, 2);
        assertTrue(errors[errors.length / 2] < 0.002, "median relative T1 error " + errors[errors.length / 2]);
        assertTrue(errors[errors.length - 1] < 0.01, "largest relative T1 error " + errors[errors.length - 1]);
        // The NIfTI affine puts voxel (0, 0, 0) on the first slice's ImagePositionPatient (LPS -> RAS) with 7 mm pixels, 5 mm slices.
        assertArrayEquals(new double[] {-PIXEL_MM, 0, 0, 110, 0, -PIXEL_MM, 0, 100, 0, 0, 5, 20}, t1.affineRas(), 1e-6);
        assertTrue(Files.readString(out.resolve("provenance.json")).contains("InversionTime (0018,0082)"));
        assertTrue(Files.size(out.resolve("montage.png")) > 100);

        List<Path> written;
        try (Stream<Path> files = Files.list(out.resolve("dicom"))) {
            written = files.sorted().toList();
        }
        assertEquals(List.of("t1-map-ms-001.dcm", "t1-map-ms-002.dcm", "t1-map-s.dcm"), written.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : written) {
            Tools.Result v = Tools.run(List.of("dciodvfy", f.toString()));
            assertFalse(v.output().contains("Error"), "dciodvfy errors for " + f.getFileName() + ":\n" + v.output());
            v.output().lines().filter(l -> l.startsWith("Warning")).distinct().forEach(l -> System.out.println(f.getFileName() + ": " + l));
        }
        // The MR image form holds T1 in ms (stored value x RescaleSlope) on the source slice's position.
        AttributeList mr = new AttributeList();
        mr.read(written.get(1).toFile());
        assertArrayEquals(new double[] {-110, -100, 25}, mr.get(TagFromName.ImagePositionPatient).getDoubleValues(), 1e-6);
        double slope = mr.get(TagFromName.RescaleSlope).getDoubleValues()[0];
        int centre = SIZE / 2 * SIZE + SIZE / 2;
        double ms = Short.toUnsignedInt(mr.get(TagFromName.PixelData).getShortValues()[centre]) * slope;
        assertEquals(t1(SIZE / 2) * 1000, ms, 0.01 * t1(SIZE / 2) * 1000, "T1 (ms) at the centre of the DICOM map");
    }

    @Test
    void rimMapsAnIrSeriesFromDicom(@TempDir Path tmp) throws Exception {
        // A schedule like the model's training schedules (Table 2 of the paper: TIs from ~0.1 s, 30 ms apart).
        double[] timesMs = new double[24];
        for (int n = 0; n < timesMs.length; n++) timesMs[n] = 100 + 30 * n;
        Path dicom = tmp.resolve("ir");
        irSeries(dicom, timesMs, 1);
        Path out = tmp.resolve("out");
        assertEquals(0, run("--kind", "t1", "--models", "../models-onnx/models", dicom.toString(), "-o", out.toString()));
        assertTrue(Files.readString(out.resolve("provenance.json")).contains("rim-t1@"), "the RIM made the map, not the MLE fallback");
        double[] errors = t1Errors(NiftiReader.read(out.resolve("t1_s.nii")), 1);
        assertTrue(errors[errors.length / 2] < 0.10, "median relative T1 error of the RIM " + errors[errors.length / 2]);
    }

    @Test
    void refusesTimesThatDisagreeWithTheHeadersAndFoldersThatAreNotASeries(@TempDir Path tmp) throws Exception {
        Path dicom = tmp.resolve("ir");
        irSeries(dicom, new double[] {100, 300, 900, 2700}, 1);
        Path out = tmp.resolve("out");
        var value = assertThrows(IllegalArgumentException.class,
                () -> run("--kind", "t1", "--method", "mle", "--times", "0.1,0.35,0.9,2.7", dicom.toString(), "-o", out.toString()));
        assertEquals("--times disagrees with the DICOM headers at image 2: 0.35 s given, InversionTime (0018,0082) is 300 ms", value.getMessage());
        var count = assertThrows(IllegalArgumentException.class,
                () -> run("--kind", "t1", "--method", "mle", "--times", "0.1,0.3,0.9", dicom.toString(), "-o", out.toString()));
        assertTrue(count.getMessage().contains("--times gives 3 inversion times but the DICOM headers hold 4 (InversionTime (0018,0082): [100, 300, 900, 2700] ms)"),
                count.getMessage());
        // T2 mapping reads EchoTime, which this IR series does not vary: one image per time is all it accepts.
        var echo = assertThrows(IllegalArgumentException.class, () -> run("--kind", "t2", "--method", "mle", dicom.toString(), "-o", out.toString()));
        assertTrue(echo.getMessage().contains("have the same EchoTime (0018,0081) 15 ms"), echo.getMessage());
        Files.writeString(dicom.resolve("README.txt"), "series exported by hand\n".repeat(10));
        var text = assertThrows(IllegalArgumentException.class, () -> run("--kind", "t1", "--method", "mle", dicom.toString(), "-o", out.toString()));
        assertEquals("README.txt: not a DICOM Part 10 file (no DICM prefix after the 128-byte preamble)", text.getMessage());
        assertFalse(Files.exists(out), "nothing is written for a refused series");
    }
}
