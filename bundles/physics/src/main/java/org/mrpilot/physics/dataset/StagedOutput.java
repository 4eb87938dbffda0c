package org.mrpilot.physics.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes an export into a hidden staging folder next to its destination and moves the files in only when all of
 * them are complete, so an export whose writing fails or is interrupted leaves the destination untouched. The final
 * moves are atomic per file, not as a set.
 */
final class StagedOutput {
    interface Writer {
        void write(Path staging) throws IOException;
    }

    private StagedOutput() {
    }

    static void write(Path destination, Writer writer) throws IOException {
        Path target = destination.toAbsolutePath();
        Files.createDirectories(target);
        Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".staging-");
        try {
            writer.write(staging);
            List<Path> files;
            try (Stream<Path> list = Files.list(staging)) {
                files = list.sorted().toList();
            }
            for (Path f : files) Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            try (Stream<Path> left = Files.walk(staging)) {
                for (Path p : left.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
