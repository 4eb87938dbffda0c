package org.mrpilot.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An append-only text file that rolls over by size: {@code name} -> {@code name.1} -> ... -> {@code name.(count-1)},
 * the oldest dropped. Bounded disk use matters on a scanner host that runs for months.
 */
final class RollingFile implements AutoCloseable {
    private final Path file;
    private final long maxBytes;
    private final int count;
    private OutputStream out;
    private long size;

    RollingFile(Path file, long maxBytes, int count) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        this.count = count;
        Files.createDirectories(file.toAbsolutePath().getParent());
        open();
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    synchronized void write(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (size > 0 && size + bytes.length > maxBytes) roll();
        out.write(bytes);
        out.flush();
        size += bytes.length;
    }

    private void roll() throws IOException {
        out.close();
        Files.deleteIfExists(numbered(count - 1));
        for (int i = count - 2; i >= 1; i--) {
            if (Files.exists(numbered(i))) Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
        }
        if (count > 1) Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        else Files.delete(file);
        open();
    }

    Path numbered(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
