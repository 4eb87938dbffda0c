package org.mrpilot.api.exam;

/**
 * A localizer (scout, survey) series arrived complete.
 *
 * @param recognisedBy why it counts as a localizer, e.g. "ImageType LOCALIZER", "series description 'scout'",
 *                     "three orthogonal orientations"
 */
public record LocalizerReceived(ReceivedSeries series, String recognisedBy) {
}
