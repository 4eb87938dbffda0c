package org.mrpilot.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mrpilot.api.dicom.MapQuantity;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.Volume;

/**
 * A map's two DICOM forms written as Part 10 files into a folder, for use outside the agent (the agent queues the same
 * objects for its destinations through {@link Results}). Without the agent's persistent counter the two series get
 * the numbers the agent gives its first results.
 */
public final class MapFiles {
    private MapFiles() {
    }

    /**
     * Writes {@code <quantity>-map-s.dcm} (Parametric Map, seconds) and {@code <quantity>-map-ms-NNN.dcm} (MR Image,
     * one per slice, milliseconds) into {@code folder}.
     *
     * @param valuesS the map in seconds, in the frame of reference of {@code source}
     * @return the files written, parametric map first
     */
    public static List<Path> write(MapQuantity quantity, Volume valuesS, ReceivedSeries source, Path folder) throws IOException {
        if (!valuesS.frameOfReferenceUid().equals(source.frameOfReferenceUid())) {
            throw new IllegalArgumentException("map frame of reference " + valuesS.frameOfReferenceUid() + " differs from the source's " + source.frameOfReferenceUid());
        }
        LocalDateTime now = LocalDateTime.now();
        String prefix = quantity.name().toLowerCase(Locale.ROOT) + "-map-";
        WrittenInstance parametric = MapWriter.parametricMap(quantity, valuesS, source, SeriesNumbers.FIRST, now);
        List<WrittenInstance> images = MapWriter.mrImages(quantity, valuesS, source, SeriesNumbers.FIRST + 1, now);
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        written.add(Files.write(folder.resolve(prefix + "s.dcm"), parametric.part10()));
        for (int k = 0; k < images.size(); k++) {
            written.add(Files.write(folder.resolve(String.format(Locale.ROOT, "%sms-%03d.dcm", prefix, k + 1)), images.get(k).part10()));
        }
        return written;
    }
}
