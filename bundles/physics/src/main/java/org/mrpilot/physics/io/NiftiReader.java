package org.mrpilot.physics.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads single-file NIfTI-1 ({@code .nii} or gzip-compressed {@code .nii.gz}, either byte order) into a
 * {@link NiftiImage}. Integer and float voxel types are converted to float with the header's scaling. Anything
 * malformed (wrong header size or magic, unsupported type, truncated data) is refused with the reason.
 */
public final class NiftiReader {
    private static final long MAX_VOXELS = 1L << 28;

    private NiftiReader() {
    }

    public static NiftiImage read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(2);
            boolean gzip = in.read() == 0x1f & in.read() == 0x8b;
            in.reset();
            bytes = gzip ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(file + ": corrupt gzip stream (" + e.getMessage() + ")", e);
        }
        return parse(bytes, file.toString());
    }

    static NiftiImage parse(byte[] bytes, String name) throws IOException {
        if (bytes.length < NiftiWriter.HEADER_BYTES) throw new IOException(name + ": too short for a NIfTI-1 header (" + bytes.length + " bytes)");
        ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(0) != NiftiWriter.HEADER_BYTES) {
            h.order(ByteOrder.BIG_ENDIAN);
            if (h.getInt(0) != NiftiWriter.HEADER_BYTES) throw new IOException(name + ": not NIfTI-1 (sizeof_hdr is not 348)");
        }
        String magic = new String(bytes, 344, 3, StandardCharsets.US_ASCII);
        if (!magic.equals("n+1")) throw new IOException(name + ": not a single-file NIfTI-1 (magic '" + magic.trim() + "', need 'n+1')");
        int rank = h.getShort(40);
        if (rank < 1 || rank > 7) throw new IOException(name + ": dim[0] = " + rank + " is outside 1..7");
        int used = Math.max(3, rank);
        long count = 1;
        int[] dims = new int[Math.min(used, 4)];
        for (int d = 0; d < used; d++) {
            int n = d < rank ? h.getShort(42 + 2 * d) : 1;
            if (n <= 0) throw new IOException(name + ": dim[" + (d + 1) + "] = " + n + " is not positive");
            if (d >= 4 && n != 1) throw new IOException(name + ": images of more than 4 dimensions are not supported");
            if (d < 4) dims[d] = n;
            count *= n;
        }
        if (count > MAX_VOXELS) throw new IOException(name + ": " + count + " voxels is more than this reader accepts");
        if (dims.length == 4 && dims[3] == 1) dims = new int[] {dims[0], dims[1], dims[2]};
        short datatype = h.getShort(70);
        int bytesPer = switch (datatype) {
            case 2, 256 -> 1;
            case 4, 512 -> 2;
            case 8, 16, 768 -> 4;
            case 64 -> 8;
            default -> throw new IOException(name + ": unsupported NIfTI datatype " + datatype);
        };
        long offset = (long) h.getFloat(108);
        if (offset < NiftiWriter.HEADER_BYTES) offset = NiftiWriter.DATA_OFFSET;
        if (offset + count * bytesPer > bytes.length) {
            throw new IOException(name + ": truncated, data needs " + (offset + count * bytesPer) + " bytes, file has " + bytes.length);
        }
        float slope = h.getFloat(112), intercept = h.getFloat(116);
        boolean scaled = slope != 0 && Float.isFinite(slope) && !(slope == 1 && intercept == 0);
        float[] data = new float[(int) count];
        ByteBuffer d = h.duplicate().order(h.order());
        d.position((int) offset);
        for (int i = 0; i < data.length; i++) {
            double v = switch (datatype) {
                case 2 -> d.get() & 0xFF;
                case 256 -> d.get();
                case 4 -> d.getShort();
                case 512 -> d.getShort() & 0xFFFF;
                case 8 -> d.getInt();
                case 768 -> d.getInt() & 0xFFFFFFFFL;
                case 16 -> d.getFloat();
                default -> d.getDouble();
            };
            data[i] = (float) (scaled ? v * slope + intercept : v);
        }
        byte[] description = new byte[80];
        h.get(148, description);
        String text = new String(description, StandardCharsets.US_ASCII);
        int end = text.indexOf(0);
        return new NiftiImage(dims, data, affine(h, name), (end >= 0 ? text.substring(0, end) : text).trim());
    }

    /** sform when set, else qform, else the pixel sizes alone (NIfTI-1 "method 1"). */
    private static double[] affine(ByteBuffer h, String name) throws IOException {
        double[] a = new double[12];
        double[] pixdim = {h.getFloat(80), h.getFloat(84), h.getFloat(88)};
        for (int i = 0; i < 3; i++) {
            if (!(pixdim[i] > 0)) pixdim[i] = 1; // NIfTI: pixdim <= 0 means unknown; treat as 1 mm
        }
        if (h.getShort(254) > 0) {
            for (int i = 0; i < 12; i++) a[i] = h.getFloat(280 + 4 * i);
        } else if (h.getShort(252) > 0) {
            double b = h.getFloat(256), c = h.getFloat(260), d = h.getFloat(264);
            double aa = Math.sqrt(Math.max(0, 1 - (b * b + c * c + d * d)));
            double qfac = h.getFloat(76) < 0 ? -1 : 1;
            double[][] r = {{aa * aa + b * b - c * c - d * d, 2 * (b * c - aa * d), 2 * (b * d + aa * c)},
                    {2 * (b * c + aa * d), aa * aa + c * c - b * b - d * d, 2 * (c * d - aa * b)},
                    {2 * (b * d - aa * c), 2 * (c * d + aa * b), aa * aa + d * d - c * c - b * b}};
            double[] offset = {h.getFloat(268), h.getFloat(272), h.getFloat(276)};
            for (int row = 0; row < 3; row++) {
                a[4 * row] = r[row][0] * pixdim[0];
                a[4 * row + 1] = r[row][1] * pixdim[1];
                a[4 * row + 2] = r[row][2] * pixdim[2] * qfac;
                a[4 * row + 3] = offset[row];
            }
        } else {
            a[0] = pixdim[0];
            a[5] = pixdim[1];
            a[10] = pixdim[2];
        }
        for (double v : a) {
            if (!Double.isFinite(v)) throw new IOException(name + ": affine has non-finite values");
        }
        return a;
    }
}
