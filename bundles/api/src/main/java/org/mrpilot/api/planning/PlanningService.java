package org.mrpilot.api.planning;

import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;

/** Plans the diagnostic slice groups of a brain exam from a multi-plane localizer. */
public interface PlanningService {

    /**
     * @param localizer every slice of the localizer (all planes), with its DICOM geometry
     * @throws LocalizerRefusedException when no plan can come from this localizer (the message says why); nothing is planned
     */
    SlicePlan plan(List<ImageSlice> localizer);
}
