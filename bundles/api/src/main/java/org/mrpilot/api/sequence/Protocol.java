package org.mrpilot.api.sequence;

import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.geometry.SliceGroup;

/**
 * A named protocol: sequence family, contrast parameters (seconds) and the geometry used when no plan is given.
 *
 * @param readoutBandwidthHzPerPixel receiver bandwidth per pixel along read
 */
public record Protocol(String name, String description, SequenceKind kind, AcquisitionParameters parameters,
                       double readoutBandwidthHzPerPixel, SliceGroup defaultGeometry) {
    public Protocol {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("protocol needs a name");
        if (!(readoutBandwidthHzPerPixel > 0)) throw new IllegalArgumentException("readout bandwidth must be positive");
    }
}
