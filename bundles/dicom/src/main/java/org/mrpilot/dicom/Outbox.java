package org.mrpilot.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Results waiting for delivery, one folder per destination: {@code <root>/<destination>/<sequence>-<SOP UID>.dcm}.
 * A file is there, durably, before anyone is told it was queued, and leaves only once its destination confirmed it;
 * what is on disk at start is simply sent then, so a restart loses nothing.
 */
final class Outbox {
    private final Path root;
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    Outbox(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        Files.createDirectories(this.root);
    }

    Path folder(Destination d) {
        return root.resolve(d.name());
    }

    void enqueue(WrittenInstance instance, List<Destination> destinations) throws IOException {
        String name = String.format("%019d-%s.dcm", sequence.incrementAndGet(), instance.sopInstanceUid());
        for (Destination d : destinations) DurableFiles.write(folder(d).resolve(name), instance.part10());
    }

    /** Queued files of one destination, oldest first. */
    List<Path> pending(Destination d) throws IOException {
        Path folder = folder(d);
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".dcm")).sorted().toList();
        }
    }

    void delivered(Path file) throws IOException {
        DurableFiles.deleteDurably(file);
    }
}
