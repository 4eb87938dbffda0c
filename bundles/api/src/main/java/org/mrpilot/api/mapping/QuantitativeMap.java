package org.mrpilot.api.mapping;

/**
 * The result of mapping one slice. Arrays are row-major {@code rows * columns}; outside the mask values are 0.
 *
 * @param relaxationS T1 or T2 in seconds
 * @param amplitude   A (proportional to proton density and receiver gain), in the units of the input images
 * @param inversion   B (inversion efficiency, 2 = perfect) for T1 maps; null for T2
 * @param mask        true where there is signal (foreground)
 * @param provenance  how the map was made: "rim-t1@1.0.0" or "MLE" (with the reason when MLE replaced the RIM)
 * @param seconds     wall time of the mapping
 */
public record QuantitativeMap(RelaxometryKind kind, int columns, int rows, float[] relaxationS, float[] amplitude,
                              float[] inversion, boolean[] mask, String provenance, double seconds) {
}
