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

    /**
     * The plan again with the follow-up localizer that {@code plan(localizer)} asked for: AC and PC are read where these
     * slices image them; plane, verdict and brain extent are the first plan's.
     *
     * @param followUp the slices of that plan's {@link SlicePlan#followUpLocalizer()}, as acquired
     * @throws LocalizerRefusedException when the localizer is refused, or the two do not fit together (another frame of
     *                                   reference, a head that moved in between); nothing is planned
     * @throws IllegalArgumentException  when the first plan asks for no follow-up localizer
     */
    SlicePlan plan(List<ImageSlice> localizer, List<ImageSlice> followUp);
}
