package org.mrpilot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Benchmarks' scratch folders. */
final class ScratchFolder {
    private ScratchFolder() {
    }

    /** Deletes {@code root} and everything below it; nothing when it does not exist. */
    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
