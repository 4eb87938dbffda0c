package org.mrpilot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.exam.LocalizerReceived;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.dicom.LocalizerFolder;

/** A localizer from a folder of DICOM files, read by the DICOM bundle's reader; all localizer series of the folder together. */
final class DicomLocalizer {
    private DicomLocalizer() {
    }

    /** @throws LocalizerFolder.RefusedException when the folder holds no usable localizer (the reason in the message) */
    static List<ImageSlice> read(Path dir) throws IOException {
        List<ImageSlice> slices = new ArrayList<>();
        // one series per plane on some scanners, one series for all planes on others: planning needs every plane
        for (LocalizerReceived series : LocalizerFolder.read(dir)) slices.addAll(series.series().slices());
        return slices;
    }
}
