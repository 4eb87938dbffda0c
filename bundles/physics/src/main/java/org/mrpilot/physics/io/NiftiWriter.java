package org.mrpilot.physics.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes single-file NIfTI-1 ({@code .nii}, or {@code .nii.gz} gzip-compressed), little endian, float32 or uint8,
 * with the affine in both sform and qform (code 1, scanner anatomical). The file appears complete or not at all
 * (written to a temporary name, then moved).
 */
public final class NiftiWriter {
    static final int HEADER_BYTES = 348;
    static final int DATA_OFFSET = 352;
    static final short FLOAT32 = 16, UINT8 = 2;

    private NiftiWriter() {
    }

    public static void writeFloat(NiftiImage image, Path file) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(image.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(image.data());
        write(image, FLOAT32, data.array(), file);
    }

    /** Labels or masks: values must be whole numbers 0..255. */
    public static void writeUint8(NiftiImage image, Path file) throws IOException {
        byte[] data = new byte[image.data().length];
        for (int i = 0; i < data.length; i++) {
            float v = image.data()[i];
            if (v < 0 || v > 255 || v != Math.rint(v)) throw new IllegalArgumentException("uint8 NIfTI needs whole values 0..255, got " + v);
            data[i] = (byte) v;
        }
        write(image, UINT8, data, file);
    }

    private static void write(NiftiImage image, short datatype, byte[] data, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream raw = Files.newOutputStream(tmp);
             OutputStream out = file.getFileName().toString().endsWith(".gz") ? fastGzip(raw) : raw) {
            out.write(header(image, datatype));
            out.write(data);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Noisy float maps barely compress at higher levels; the fastest level is several times quicker. */
    private static OutputStream fastGzip(OutputStream raw) throws IOException {
        return new GZIPOutputStream(raw, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    static byte[] header(NiftiImage image, short datatype) {
        ByteBuffer h = ByteBuffer.allocate(DATA_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        int[] dims = image.dims();
        double[] a = image.affineRas();
        h.putInt(0, HEADER_BYTES);
        h.put(38, (byte) 'r');
        h.putShort(40, (short) dims.length);
        for (int d = 0; d < dims.length; d++) h.putShort(42 + 2 * d, (short) dims[d]);
        for (int d = dims.length; d < 7; d++) h.putShort(42 + 2 * d, (short) 1);
        h.putShort(70, datatype);
        h.putShort(72, (short) (datatype == FLOAT32 ? 32 : 8));
        Quaternion q = Quaternion.of(a);
        h.putFloat(76, (float) q.qfac());
        for (int c = 0; c < 3; c++) h.putFloat(80 + 4 * c, (float) Math.sqrt(a[c] * a[c] + a[4 + c] * a[4 + c] + a[8 + c] * a[8 + c]));
        for (int d = 3; d < 7; d++) h.putFloat(80 + 4 * d, 1f);
        h.putFloat(108, DATA_OFFSET);
        h.putFloat(112, 1f); // scl_slope
        h.put(123, (byte) (2 | 8)); // mm, seconds
        byte[] description = image.description().getBytes(StandardCharsets.US_ASCII);
        h.put(148, description, 0, Math.min(79, description.length));
        h.putShort(252, (short) 1);
        h.putShort(254, (short) 1);
        h.putFloat(256, (float) q.b()).putFloat(260, (float) q.c()).putFloat(264, (float) q.d());
        h.putFloat(268, (float) a[3]).putFloat(272, (float) a[7]).putFloat(276, (float) a[11]);
        for (int i = 0; i < 12; i++) h.putFloat(280 + 4 * i, (float) a[i]);
        h.put(344, new byte[] {'n', '+', '1', 0});
        return h.array();
    }

    /** NIfTI's quaternion form of the rotation part of an affine (qfac = -1 for a left-handed voxel grid). */
    record Quaternion(double b, double c, double d, double qfac) {
        static Quaternion of(double[] a) {
            double[][] r = new double[3][3];
            for (int col = 0; col < 3; col++) {
                double n = Math.sqrt(a[col] * a[col] + a[4 + col] * a[4 + col] + a[8 + col] * a[8 + col]);
                for (int row = 0; row < 3; row++) r[row][col] = a[4 * row + col] / n;
            }
            double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
                    + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
            double qfac = det < 0 ? -1 : 1;
            if (det < 0) {
                for (int row = 0; row < 3; row++) r[row][2] = -r[row][2];
            }
            double trace = r[0][0] + r[1][1] + r[2][2];
            double qa, qb, qc, qd;
            if (trace > 0) {
                double s = 2 * Math.sqrt(1 + trace);
                qa = 0.25 * s;
                qb = (r[2][1] - r[1][2]) / s;
                qc = (r[0][2] - r[2][0]) / s;
                qd = (r[1][0] - r[0][1]) / s;
            } else if (r[0][0] > r[1][1] && r[0][0] > r[2][2]) {
                double s = 2 * Math.sqrt(1 + r[0][0] - r[1][1] - r[2][2]);
                qa = (r[2][1] - r[1][2]) / s;
                qb = 0.25 * s;
                qc = (r[0][1] + r[1][0]) / s;
                qd = (r[0][2] + r[2][0]) / s;
            } else if (r[1][1] > r[2][2]) {
                double s = 2 * Math.sqrt(1 + r[1][1] - r[0][0] - r[2][2]);
                qa = (r[0][2] - r[2][0]) / s;
                qb = (r[0][1] + r[1][0]) / s;
                qc = 0.25 * s;
                qd = (r[1][2] + r[2][1]) / s;
            } else {
                double s = 2 * Math.sqrt(1 + r[2][2] - r[0][0] - r[1][1]);
                qa = (r[1][0] - r[0][1]) / s;
                qb = (r[0][2] + r[2][0]) / s;
                qc = (r[1][2] + r[2][1]) / s;
                qd = 0.25 * s;
            }
            if (qa < 0) { // NIfTI stores b, c, d and takes a = sqrt(1 - b^2 - c^2 - d^2) >= 0
                qb = -qb;
                qc = -qc;
                qd = -qd;
            }
            return new Quaternion(qb, qc, qd, qfac);
        }
    }
}
