package org.mrpilot.cli.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A single-file NIfTI-1 image (.nii or .nii.gz): dimensions and voxel values as float, x fastest. Writing keeps
 * the source header (geometry, pixdim) and replaces only dimensions and data type, so maps overlay their input.
 */
public final class Nifti {
    private static final int HEADER = 348;
    private static final int DATA_OFFSET = 352;
    private static final long MAX_VOXELS = 1L << 28;

    private final byte[] header; // 348 bytes, little endian once read
    private final int[] dims;
    private final float[] data;

    private Nifti(byte[] header, int[] dims, float[] data) {
        this.header = header;
        this.dims = dims;
        this.data = data;
    }

    /** Sizes of the used axes (dim[1..dim[0]]). */
    public int[] dims() {
        return dims.clone();
    }

    public float[] data() {
        return data;
    }

    public static Nifti read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        }
        String name = file.getFileName().toString();
        if (bytes.length < HEADER) throw new IOException(name + " is not NIfTI: only " + bytes.length + " bytes");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != HEADER) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(0) != HEADER) throw new IOException(name + " is not NIfTI-1 (sizeof_hdr is not 348)");
        }
        String magic = new String(bytes, 344, 3, java.nio.charset.StandardCharsets.US_ASCII);
        if (!magic.equals("n+1")) throw new IOException(name + " is not a single-file NIfTI-1 (magic '" + magic + "')");
        int rank = b.getShort(40);
        if (rank < 1 || rank > 7) throw new IOException(name + ": dim[0] = " + rank + " is out of range 1..7");
        int[] dims = new int[rank];
        long voxels = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = b.getShort(42 + 2 * i);
            if (dims[i] < 1) throw new IOException(name + ": dim[" + (i + 1) + "] = " + dims[i] + " must be >= 1");
            voxels *= dims[i];
        }
        if (voxels > MAX_VOXELS) throw new IOException(name + ": " + voxels + " voxels is more than this reader accepts");
        int datatype = b.getShort(70);
        long offset = (long) b.getFloat(108);
        int size = bytesPer(datatype, name);
        if (offset < DATA_OFFSET || offset + voxels * size > bytes.length) {
            throw new IOException(name + " is truncated: needs " + (offset + voxels * size) + " bytes, has " + bytes.length);
        }
        float slope = b.getFloat(112);
        float inter = b.getFloat(116);
        if (slope == 0 || !Float.isFinite(slope)) {
            slope = 1;
            inter = 0;
        }
        float[] data = new float[(int) voxels];
        for (int i = 0; i < data.length; i++) {
            int at = (int) (offset + (long) i * size);
            double v = switch (datatype) {
                case 2 -> b.get(at) & 0xff;
                case 4 -> b.getShort(at);
                case 8 -> b.getInt(at);
                case 16 -> b.getFloat(at);
                case 64 -> b.getDouble(at);
                case 256 -> b.get(at);
                case 512 -> b.getShort(at) & 0xffff;
                default -> throw new IllegalStateException();
            };
            data[i] = (float) (v * slope + inter);
        }
        byte[] header = new byte[HEADER];
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        copyHeaderLittleEndian(b, h);
        return new Nifti(header, dims, data);
    }

    private static int bytesPer(int datatype, String name) throws IOException {
        return switch (datatype) {
            case 2, 256 -> 1;
            case 4, 512 -> 2;
            case 8, 16 -> 4;
            case 64 -> 8;
            default -> throw new IOException(name + ": NIfTI datatype " + datatype + " is not supported (uint8, int8, int16, uint16, int32, float32, float64 are)");
        };
    }

    /** Re-encodes the numeric header fields we keep (dims, pixdim, units, qform/sform) as little endian. */
    private static void copyHeaderLittleEndian(ByteBuffer from, ByteBuffer to) {
        to.put(0, from.array(), 0, HEADER);
        if (from.order() == ByteOrder.LITTLE_ENDIAN) return;
        to.putInt(0, HEADER);
        for (int i = 0; i < 8; i++) to.putShort(40 + 2 * i, from.getShort(40 + 2 * i));
        for (int i = 0; i < 8; i++) to.putFloat(76 + 4 * i, from.getFloat(76 + 4 * i));
        to.putShort(252, from.getShort(252));
        to.putShort(254, from.getShort(254));
        for (int at = 256; at < 344; at += 4) to.putFloat(at, from.getFloat(at));
    }

    /** A float32 image with this image's geometry and the given dimensions. */
    public Nifti derived(int[] newDims, float[] values) {
        long n = 1;
        for (int d : newDims) n *= d;
        if (n != values.length) throw new IllegalArgumentException("dims need " + n + " values, got " + values.length);
        byte[] h = header.clone();
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(40, (short) newDims.length);
        for (int i = 0; i < 7; i++) b.putShort(42 + 2 * i, (short) (i < newDims.length ? newDims[i] : 1));
        b.putShort(70, (short) 16);
        b.putShort(72, (short) 32);
        b.putFloat(108, DATA_OFFSET);
        b.putFloat(112, 1);
        b.putFloat(116, 0);
        h[344] = 'n';
        h[345] = '+';
        h[346] = '1';
        h[347] = 0;
        return new Nifti(h, newDims.clone(), values.clone());
    }

    /** A fresh float32 image with unit voxel size and no orientation (tests, synthetic data). */
    public static Nifti of(int[] dims, float[] values, double voxelMm) {
        byte[] h = new byte[HEADER];
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, HEADER);
        for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, i == 0 ? 1 : (float) voxelMm);
        b.put(123, (byte) 2); // millimetres
        return new Nifti(h, new int[] {1}, new float[1]).derived(dims, values);
    }

    public void write(Path file) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(DATA_OFFSET + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        out.putInt(0); // no extensions
        for (float v : data) out.putFloat(v);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, out.array());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
