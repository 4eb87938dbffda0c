package org.mrpilot.pulseq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces several files all or nothing: every file is first written aside, then each is moved over its target in
 * order; when a move fails, the targets already replaced get their old content back (or disappear if they are new).
 */
final class StagedFiles {
    private StagedFiles() {
    }

    /** Writes {@code files} (target to content) in iteration order; put the file readers look for last. */
    static void write(LinkedHashMap<Path, byte[]> files) throws IOException {
        Map<Path, Path> staged = new LinkedHashMap<>();
        Map<Path, Path> backups = new LinkedHashMap<>();
        List<Path> replaced = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> f : files.entrySet()) {
                Path tmp = Files.createTempFile(f.getKey().getParent(), f.getKey().getFileName().toString(), ".part");
                staged.put(f.getKey(), tmp);
                Files.write(tmp, f.getValue());
            }
            for (Path target : files.keySet()) {
                if (Files.isRegularFile(target)) {
                    Path backup = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".old");
                    backups.put(target, backup);
                    Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(staged.get(target), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                replaced.add(target);
            }
        } catch (IOException | RuntimeException e) {
            rollBack(replaced, backups, e);
            throw e;
        } finally {
            for (Path p : staged.values()) Files.deleteIfExists(p);
            for (Path p : backups.values()) Files.deleteIfExists(p);
        }
    }

    private static void rollBack(List<Path> replaced, Map<Path, Path> backups, Exception failure) {
        for (Path target : replaced) {
            try {
                Path backup = backups.get(target);
                if (backup == null) {
                    Files.deleteIfExists(target);
                } else {
                    Files.move(backup, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
