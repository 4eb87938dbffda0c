package org.mrpilot.api.sequence;

import java.util.List;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.geometry.SliceGroup;

/**
 * The vendor-neutral output of planning for one series: the slice groups (centre LPS mm, read/phase/normal,
 * FOV, matrix, thickness, gap, count, frame of reference, patient position) and TR/TE/TI/flip angle.
 */
public record GeometryTable(String protocolName, AcquisitionParameters parameters, List<SliceGroup> sliceGroups) {
    public GeometryTable {
        sliceGroups = List.copyOf(sliceGroups);
        if (sliceGroups.isEmpty()) throw new IllegalArgumentException("a geometry table needs at least one slice group");
    }
}
