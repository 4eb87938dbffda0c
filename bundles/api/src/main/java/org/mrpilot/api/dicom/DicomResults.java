package org.mrpilot.api.dicom;

import java.util.List;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Volume;

/**
 * Writes results as DICOM (identity and frame of reference copied from the source series, new series UIDs)
 * and queues them durably for every configured destination; delivery happens in the background with retries.
 */
public interface DicomResults {
    /**
     * A T1 or T2 map in two forms: Parametric Map Storage (float values with a Real World Value Mapping in
     * seconds) and classic MR Image (integer pixels with Rescale Slope/Intercept in milliseconds).
     *
     * @param valuesS the map in seconds, on the geometry of {@code source} (same frame of reference)
     */
    List<WrittenSeries> sendMap(MapQuantity quantity, Volume valuesS, ReceivedSeries source);

    /** A Secondary Capture image of the planned slice groups drawn on one slice of the localizer. */
    WrittenSeries sendPlanReview(ReceivedSeries localizer, int sliceIndex, List<SliceGroup> plan);

    /** Instances waiting in the outbox, over all destinations. */
    int pending();
}
