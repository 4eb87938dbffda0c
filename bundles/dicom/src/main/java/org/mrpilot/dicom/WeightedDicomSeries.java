package org.mrpilot.dicom;

import java.util.List;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.api.mapping.WeightedSeries;

/**
 * A weighted series read from DICOM files, ready for T1/T2 mapping.
 *
 * @param timesS the distinct inversion (T1) or echo (T2) times in seconds, increasing (the headers' ms / 1000)
 * @param slices one weighted series per slice position, in the order of {@code grid}'s k axis
 * @param source the series with one image per slice position (the first time): identity and geometry for results
 * @param grid   the slice positions as a volume in LPS mm (its voxels are the first time's images)
 */
public record WeightedDicomSeries(RelaxometryKind kind, double[] timesS, List<WeightedSeries> slices, ReceivedSeries source, Volume grid) {
    public WeightedDicomSeries {
        timesS = timesS.clone();
        slices = List.copyOf(slices);
    }

    @Override
    public double[] timesS() {
        return timesS.clone();
    }
}
