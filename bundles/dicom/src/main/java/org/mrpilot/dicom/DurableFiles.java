package org.mrpilot.dicom;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Crash-safe file placement: data forced to disk, then an atomic rename, then the directory entry forced too. */
final class DurableFiles {
    private DurableFiles() {
    }

    static void force(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }

    /** Moves a file already forced to disk into {@code target} atomically (replacing it) and forces the directory. */
    static void publish(Path forced, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.move(forced, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.getParent());
    }

    /** Writes {@code bytes} to a temporary file beside {@code target}, forces it, and publishes it. */
    static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
        try {
            Files.write(temp, bytes);
            force(temp);
            publish(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void deleteDurably(Path file) throws IOException {
        Files.deleteIfExists(file);
        forceDirectory(file.getParent());
    }

    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        }
    }
}
