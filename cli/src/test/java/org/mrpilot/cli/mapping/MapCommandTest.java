package org.mrpilot.cli.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.cli.Args;
import org.mrpilot.cli.UsageException;
import org.mrpilot.physics.io.NiftiImage;
import org.mrpilot.physics.io.NiftiReader;
import org.mrpilot.physics.io.NiftiWriter;

class MapCommandTest {
    static final double[] TE = {0.01, 0.02, 0.04, 0.08, 0.16, 0.32};

    /** A 6x5x1x6 T2 series: T2 grows along x from 40 ms to 2 s, A = 1. */
    static Path t2Series(Path dir) throws IOException {
        int nx = 6, ny = 5;
        float[] data = new float[nx * ny * TE.length];
        for (int n = 0; n < TE.length; n++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) data[(n * ny + y) * nx + x] = (float) Math.exp(-TE[n] / t2(x));
            }
        }
        Path file = dir.resolve("series.nii");
        NiftiWriter.writeFloat(new NiftiImage(new int[] {nx, ny, 1, TE.length}, data, new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, "series"), file);
        return file;
    }

    static double t2(int x) {
        return 0.04 * Math.pow(50, x / 5.0);
    }

    private static int run(String... argv) throws Exception {
        return new MapCommand().run(Args.parse(List.of(argv), java.util.Set.of()));
    }

    @Test
    void mleMapsANiftiSeriesAndWritesMapsMontageAndProvenance(@TempDir Path dir) throws Exception {
        Path series = t2Series(dir);
        Path out = dir.resolve("out");
        assertEquals(0, run("--kind", "t2", "--times", "0.01,0.02,0.04,0.08,0.16,0.32", "--method", "mle", series.toString(), "-o", out.toString()));
        NiftiImage t2 = NiftiReader.read(out.resolve("t2_s.nii"));
        assertArrayEquals(new int[] {6, 5, 1}, t2.dims());
        for (int x = 0; x < 6; x++) assertEquals(t2(x), t2.data()[2 * 6 + x], 1e-3 * t2(x), "T2 at x=" + x);
        assertTrue(Files.size(out.resolve("montage.png")) > 100);
        assertTrue(Files.readString(out.resolve("provenance.json")).contains("\"method\": \"MLE\""));
    }

    @Test
    void rimMapsWithTheCommittedModel(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, run("--kind", "t2", "--times", "0.01,0.02,0.04,0.08,0.16,0.32", "--models", "../models-onnx/models",
                t2Series(dir).toString(), "-o", out.toString()));
        assertTrue(Files.readString(out.resolve("provenance.json")).contains("rim-t2@"));
    }

    @Test
    void refusesTimesThatDoNotMatchTheImages(@TempDir Path dir) throws Exception {
        Path series = t2Series(dir);
        Path out = dir.resolve("out");
        var e = assertThrows(IllegalArgumentException.class,
                () -> run("--kind", "t2", "--times", "0.01,0.02,0.04", "--method", "mle", series.toString(), "-o", out.toString()));
        assertTrue(e.getMessage().contains("3 echo times given but the series has 6 images"), e.getMessage());
        var order = assertThrows(IllegalArgumentException.class,
                () -> run("--kind", "t2", "--times", "0.01,0.04,0.02,0.08,0.16,0.32", "--method", "mle", series.toString(), "-o", out.toString()));
        assertTrue(order.getMessage().contains("increase strictly"), order.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> run("--kind", "t2", "--times", "-0.01,0.02,0.04,0.08,0.16,0.32", "--method", "mle", series.toString(), "-o", out.toString()));
        assertTrue(negative.getMessage().contains(">= 0"), negative.getMessage());
        assertThrows(UsageException.class, () -> run("--kind", "t2", "--method", "mle", series.toString(), "-o", out.toString()));
        assertThrows(UsageException.class, () -> run("--kind", "t3", "--times", "0.1", series.toString(), "-o", out.toString()));
        var millis = assertThrows(UsageException.class,
                () -> run("--kind", "t2", "--times", "10,20,40,80,160,320", "--method", "mle", series.toString(), "-o", out.toString()));
        assertTrue(millis.getMessage().contains("in seconds"), millis.getMessage());
        assertTrue(!Files.exists(out.resolve("t2_s.nii")), "nothing is written for a refused series");
    }

    @Test
    void refusesTruncatedAndNonNiftiFiles(@TempDir Path dir) throws Exception {
        Path series = t2Series(dir);
        byte[] bytes = Files.readAllBytes(series);
        Path truncated = dir.resolve("truncated.nii");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertTrue(assertThrows(IOException.class, () -> NiftiReader.read(truncated)).getMessage().contains("truncated"));
        Path text = dir.resolve("text.nii");
        Files.writeString(text, "not an image".repeat(40));
        assertTrue(assertThrows(IOException.class, () -> NiftiReader.read(text)).getMessage().contains("not NIfTI"));
    }
}
