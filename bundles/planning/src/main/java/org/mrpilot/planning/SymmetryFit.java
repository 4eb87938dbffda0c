package org.mrpilot.planning;

/**
 * Where the mid-sagittal plane of a plan comes from, and how well the localizer supports it.
 *
 * @param netPlane          the plane robustly fitted to the landmark net's mid-sagittal points (the search's start)
 * @param symmetryPlane     the plane of best mirror symmetry of the localizer slices, or null if the search found none
 * @param correlation       mirror correlation of the localizer about {@code symmetryPlane} (-1 to 1; a symmetric head
 *                          imaged at SNR 8-40 gives about 0.8-0.95), -1 if none
 * @param pairedFraction    share of the head's sample points whose reflection fell inside another (or the same) slab
 * @param netAngleDeg       angle between the net's and the symmetry plane normals (NaN if none)
 * @param used              true if the plan's mid-sagittal plane is {@code symmetryPlane}, false if it fell back to the net's
 * @param reason            why the symmetry plane was used or refused, for the plan's provenance
 */
public record SymmetryFit(Plane netPlane, Plane symmetryPlane, double correlation, double pairedFraction, double netAngleDeg, boolean used,
                          String reason) {

    /** The plane the plan uses. */
    public Plane chosen() {
        return used ? symmetryPlane : netPlane;
    }

    /**
     * 0-1 confidence in the chosen plane's orientation from the symmetry evidence alone: 0 when the plan fell back to
     * the net, else the mirror correlation mapped linearly from {@link SymmetryPlaneSearch#MIN_CORRELATION} (0) to
     * 0.95 (1), times the paired fraction's shortfall below 0.3 (few pairs: the plane rests on a narrow strip).
     */
    public double confidence() {
        if (!used) return 0;
        double fromCorrelation = (correlation - SymmetryPlaneSearch.MIN_CORRELATION) / (0.95 - SymmetryPlaneSearch.MIN_CORRELATION);
        double fromPairs = Math.min(1, pairedFraction / 0.3);
        return Math.max(0, Math.min(1, fromCorrelation)) * fromPairs;
    }
}
