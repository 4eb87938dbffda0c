package org.mrpilot.api.dicom;

import java.util.List;

/**
 * One result series written and queued for every configured destination.
 *
 * @param form               e.g. "parametric map", "MR image", "secondary capture"
 * @param sopInstanceUids    the instances written, in order
 */
public record WrittenSeries(String form, String seriesInstanceUid, String sopClassUid, List<String> sopInstanceUids) {
    public WrittenSeries {
        sopInstanceUids = List.copyOf(sopInstanceUids);
    }
}
