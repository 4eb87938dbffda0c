package org.mrpilot.api.exam;

import java.util.Optional;
import org.mrpilot.api.geometry.Volume;

/**
 * A diagnostic (non-localizer) series arrived complete.
 *
 * @param volume the series as one volume when its slices form a regular parallel stack (same size, orientation
 *               and spacing); empty otherwise, and then {@code series().slices()} is the geometry
 */
public record ImagesReceived(ReceivedSeries series, Optional<Volume> volume) {
}
