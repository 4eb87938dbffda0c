package org.mrpilot.physics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;

class NiftiTest {
    @TempDir
    Path dir;

    /** An oblique, anisotropic volume: every part of the affine matters. */
    private static Volume oblique() {
        double c = Math.cos(0.3), s = Math.sin(0.3);
        Vec3 i = new Vec3(c, s, 0), j = new Vec3(-s, c, 0), k = Vec3.S;
        float[] v = new float[4 * 3 * 2];
        for (int n = 0; n < v.length; n++) v[n] = n * 0.5f;
        return new Volume(4, 3, 2, v, new Vec3(10, -20, 30), i, j, k, new double[] {1.5, 2, 3}, "2.25.9");
    }

    @Test
    void floatRoundTripKeepsValuesAndGeometry() throws IOException {
        for (String name : new String[] {"a.nii", "a.nii.gz"}) {
            Volume v = oblique();
            NiftiWriter.writeFloat(NiftiImage.of(v, "test"), dir.resolve(name));
            NiftiImage back = NiftiReader.read(dir.resolve(name));
            assertArrayEquals(new int[] {4, 3, 2}, back.dims());
            assertArrayEquals(v.voxels(), back.data());
            assertEquals("test", back.description());
            Volume w = back.toVolume("2.25.9");
            for (double[] p : new double[][] {{0, 0, 0}, {3, 2, 1}, {1.5, 0.5, 1}}) {
                assertEquals(0, v.voxelToPatient(p[0], p[1], p[2]).minus(w.voxelToPatient(p[0], p[1], p[2])).norm(), 1e-4);
            }
        }
    }

    @Test
    void affineIsRasOfOurLps() {
        double[] a = NiftiImage.affineOf(oblique());
        // voxel (0,0,0) at LPS (10, -20, 30) is RAS (-10, 20, 30)
        assertEquals(-10, a[3], 1e-12);
        assertEquals(20, a[7], 1e-12);
        assertEquals(30, a[11], 1e-12);
        assertEquals(-1.5 * Math.cos(0.3), a[0], 1e-12);
    }

    @Test
    void qformAgreesWithSform() throws IOException {
        Volume v = oblique();
        NiftiWriter.writeFloat(NiftiImage.of(v, "q"), dir.resolve("q.nii"));
        byte[] bytes = Files.readAllBytes(dir.resolve("q.nii"));
        bytes[254] = 0; // sform_code = 0: the reader must fall back to the quaternion
        NiftiImage back = NiftiReader.parse(bytes, "q");
        double[] expected = NiftiImage.affineOf(v);
        for (int n = 0; n < 12; n++) assertEquals(expected[n], back.affineRas()[n], 1e-4, "affine element " + n);
    }

    @Test
    void uint8RefusesValuesItCannotHold() {
        Volume v = oblique();
        assertThrows(IllegalArgumentException.class, () -> NiftiWriter.writeUint8(NiftiImage.of(v, "x"), dir.resolve("x.nii")));
        assertTrue(Files.notExists(dir.resolve("x.nii")));
    }

    @Test
    void refusesMalformedFiles() throws IOException {
        NiftiWriter.writeFloat(NiftiImage.of(oblique(), "t"), dir.resolve("t.nii"));
        byte[] good = Files.readAllBytes(dir.resolve("t.nii"));
        IOException truncated = assertThrows(IOException.class, () -> NiftiReader.parse(Arrays.copyOf(good, good.length - 5), "t"));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        byte[] magic = good.clone();
        magic[345] = 'x';
        assertTrue(assertThrows(IOException.class, () -> NiftiReader.parse(magic, "m")).getMessage().contains("magic"));
        byte[] type = good.clone();
        type[70] = 99;
        assertTrue(assertThrows(IOException.class, () -> NiftiReader.parse(type, "d")).getMessage().contains("datatype"));
        assertThrows(IOException.class, () -> NiftiReader.parse(new byte[100], "short"));
        Files.write(dir.resolve("bad.nii.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        assertThrows(IOException.class, () -> NiftiReader.read(dir.resolve("bad.nii.gz")));
    }
}
