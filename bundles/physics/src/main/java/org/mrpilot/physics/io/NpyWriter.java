package org.mrpilot.physics.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Streams a C-order NumPy {@code .npy} (format 1.0) array of float32 or uint8 to a file, item by item, so a
 * dataset never has to sit in memory. {@link #close()} refuses a file whose element count does not match
 * the shape written in its header.
 */
public final class NpyWriter implements AutoCloseable {
    public enum Type {
        FLOAT32("<f4", 4), UINT8("|u1", 1);

        final String descr;
        final int bytes;

        Type(String descr, int bytes) {
            this.descr = descr;
            this.bytes = bytes;
        }
    }

    private final Path path;
    private final Type type;
    private final OutputStream out;
    private final long expected;
    private long written;

    public NpyWriter(Path path, Type type, long... shape) throws IOException {
        this.path = path;
        this.type = type;
        this.expected = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        out.write(header(type, shape));
    }

    static byte[] header(Type type, long[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        if (shape.length == 1) dims += ",";
        String dict = "{'descr': '" + type.descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padded = (unpadded + 63) / 64 * 64; // the data starts 64-byte aligned
        String text = dict + " ".repeat(padded - unpadded) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    public void write(float[] values) throws IOException {
        require(Type.FLOAT32, values.length);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        out.write(b.array());
        written += values.length;
    }

    public void write(byte[] values) throws IOException {
        require(Type.UINT8, values.length);
        out.write(values);
        written += values.length;
    }

    private void require(Type wanted, int count) {
        if (type != wanted) throw new IllegalStateException(path + " holds " + type + ", not " + wanted);
        if (written + count > expected) throw new IllegalStateException(path + ": more values than its shape holds");
    }

    @Override
    public void close() throws IOException {
        out.close();
        if (written != expected) throw new IOException(path + ": wrote " + written + " values, shape needs " + expected);
    }
}
