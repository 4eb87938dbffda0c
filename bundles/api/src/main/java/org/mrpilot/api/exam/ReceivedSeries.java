package org.mrpilot.api.exam;

import java.nio.file.Path;
import java.util.List;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.geometry.ImageSlice;

/**
 * A complete series received from the scanner: every image with its exact geometry, in acquisition order
 * (sorted along the slice normal for parallel stacks, by instance number otherwise).
 *
 * @param folder          where the received instances are stored (one file per instance)
 * @param callingAeTitle  the AE title that sent it
 * @param imageTypes      ImageType (0008,0008) values of the first image
 */
public record ReceivedSeries(StudyIdentity study, String seriesInstanceUid, int seriesNumber, String seriesDescription,
                             String modality, String patientPosition, String frameOfReferenceUid, List<String> imageTypes,
                             List<ImageSlice> slices, AcquisitionParameters acquisition, Path folder, String callingAeTitle) {
    public ReceivedSeries {
        if (slices.isEmpty()) throw new IllegalArgumentException("a series has at least one image");
        slices = List.copyOf(slices);
        imageTypes = List.copyOf(imageTypes);
    }
}
