package org.mrpilot.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The received-instance store: {@code <root>/incoming} holds files still arriving; a validated instance is moved
 * atomically to {@code <root>/studies/<study UID>/<series UID>/<SOP instance UID>.dcm}. A refused instance is
 * deleted and touches nothing already stored. Files a crash or a broken association left half-received in
 * {@code incoming} are deleted at start.
 */
public final class InstanceStore {
    private static final String PART = ".part";
    private final Path root;
    private final long maxInstanceBytes;

    public InstanceStore(Path root, long maxInstanceBytes) throws IOException {
        this.root = root.toAbsolutePath();
        this.maxInstanceBytes = maxInstanceBytes;
        Files.createDirectories(incoming());
        sweepIncoming();
    }

    private void sweepIncoming() throws IOException {
        try (Stream<Path> files = Files.list(incoming())) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(PART)).toList()) Files.deleteIfExists(p);
        }
    }

    Path incoming() {
        return root.resolve("incoming");
    }

    public Path studies() {
        return root.resolve("studies");
    }

    long maxInstanceBytes() {
        return maxInstanceBytes;
    }

    /** A fresh file in {@code incoming} for one instance on its way in. */
    Path newIncomingFile() throws IOException {
        return Files.createTempFile(incoming(), "cstore-", PART);
    }

    /**
     * Validates a received file (already forced to disk) and publishes it into its study folder; the file is
     * gone from {@code incoming} afterwards in both outcomes. The file is read whole into memory (at most
     * {@link #maxInstanceBytes}) to be scanned and parsed.
     */
    Stored accept(Path received, String callingAeTitle) throws Rejection, IOException {
        try {
            long size = Files.size(received);
            if (size > maxInstanceBytes) throw tooLarge(size);
            Instance instance = InstanceReader.read(Files.readAllBytes(received));
            Path target = studies().resolve(instance.study().studyInstanceUid()).resolve(instance.seriesInstanceUid())
                    .resolve(instance.sopInstanceUid() + ".dcm");
            DurableFiles.publish(received, target);
            return new Stored(instance, target, callingAeTitle);
        } finally {
            Files.deleteIfExists(received);
        }
    }

    Rejection tooLarge(long bytes) {
        return new Rejection(Rejection.OUT_OF_RESOURCES, "instance of " + bytes + " bytes exceeds the limit of " + maxInstanceBytes);
    }

    /** An instance safely on disk. */
    record Stored(Instance instance, Path file, String callingAeTitle) {
    }
}
