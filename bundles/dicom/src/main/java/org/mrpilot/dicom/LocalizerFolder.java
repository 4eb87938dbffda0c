package org.mrpilot.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mrpilot.api.exam.LocalizerReceived;
import org.mrpilot.api.exam.ReceivedSeries;

/**
 * Reads the localizer out of a folder of DICOM files (as a scanner or storescp leaves them) with the receiver's own
 * reader and series assembly: every file is validated by {@link InstanceReader}, instances are grouped into series by
 * {@link SeriesBuilder}, and the series {@link LocalizerDetector} recognises are returned. Files without the DICOM
 * Part 10 prefix (READMEs, DICOMDIR-less junk) are skipped; a DICOM file that cannot be placed in patient space refuses
 * the whole folder, because planning on a localizer with a slice missing would be planning on something else.
 */
public final class LocalizerFolder {
    /** Deep enough for study/series sub-folders (storescp, our own store); shallow enough not to wander a disk. */
    private static final int MAX_DEPTH = 4;
    private static final long MAX_FILE_BYTES = 64L << 20;

    private LocalizerFolder() {
    }

    /** A folder that holds no usable localizer; the message says why, for the operator. */
    public static final class RefusedException extends IOException {
        public RefusedException(String reason) {
            super(reason);
        }
    }

    /**
     * @return the localizer series found, in series-number order (several when a scanner sends one series per plane)
     * @throws RefusedException when the folder is empty, holds no DICOM, a broken DICOM image, or no localizer series
     */
    public static List<LocalizerReceived> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new RefusedException(dir + " is not a folder");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
        if (files.isEmpty()) throw new RefusedException("folder " + dir + " holds no files");
        Map<String, List<Instance>> bySeries = new LinkedHashMap<>();
        String firstSkipped = null;
        for (Path f : files) {
            if (Files.size(f) > MAX_FILE_BYTES) throw new RefusedException(f + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB, not a localizer image");
            Instance instance;
            try {
                instance = InstanceReader.read(Files.readAllBytes(f));
            } catch (Rejection e) {
                if (e.status() == Rejection.CANNOT_UNDERSTAND && !isPart10(f)) {
                    if (firstSkipped == null) firstSkipped = f.getFileName() + ": " + e.getMessage();
                    continue;
                }
                throw new RefusedException(f + ": " + e.getMessage());
            }
            bySeries.computeIfAbsent(instance.seriesInstanceUid(), k -> new ArrayList<>()).add(instance);
        }
        if (bySeries.isEmpty()) throw new RefusedException("no DICOM file in " + dir + " (" + files.size() + " file(s); " + firstSkipped + ")");
        List<LocalizerReceived> found = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (List<Instance> instances : bySeries.values()) {
            ReceivedSeries series = SeriesBuilder.series(instances, dir, "");
            Optional<String> why = LocalizerDetector.recognise(series);
            if (why.isPresent()) found.add(new LocalizerReceived(series, why.get()));
            else others.add("'" + series.seriesDescription() + "' (" + series.slices().size() + " images)");
        }
        if (found.isEmpty()) {
            throw new RefusedException("no localizer series in " + dir + ": " + String.join(", ", others)
                    + " (a localizer has ImageType LOCALIZER, a localizer-like description, or three orthogonal orientations)");
        }
        String study = found.get(0).series().study().studyInstanceUid();
        if (found.stream().anyMatch(l -> !l.series().study().studyInstanceUid().equals(study))) {
            throw new RefusedException("localizer series in " + dir + " come from different studies; give one study's localizer");
        }
        found.sort((a, b) -> Integer.compare(a.series().seriesNumber(), b.series().seriesNumber()));
        return found;
    }

    private static boolean isPart10(Path f) throws IOException {
        try (var in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        }
    }
}
