package org.mrpilot.api.geometry;

/**
 * A planned stack of parallel slices, the vendor-neutral geometry table row a scanner adapter renders.
 * Slice {@code s} (0-based) is centred at {@code centreMm + (s - (sliceCount-1)/2) * (thicknessMm + gapMm) * normal()}.
 *
 * @param centreMm         centre of the whole group (LPS mm)
 * @param readDirection    unit vector of the readout (frequency-encoding) axis; image rows run along it
 * @param phaseDirection   unit vector of the phase-encoding axis, orthogonal to read
 * @param fovReadMm        field of view along read
 * @param fovPhaseMm       field of view along phase
 * @param matrixRead       samples along read
 * @param matrixPhase      phase-encoding steps
 * @param thicknessMm      slice thickness
 * @param gapMm            gap between adjacent slices (0 = contiguous)
 * @param patientPosition  DICOM PatientPosition, e.g. "HFS"
 */
public record SliceGroup(String name, Vec3 centreMm, Vec3 readDirection, Vec3 phaseDirection, double fovReadMm, double fovPhaseMm,
                         int matrixRead, int matrixPhase, double thicknessMm, double gapMm, int sliceCount,
                         String frameOfReferenceUid, String patientPosition) {

    public SliceGroup {
        Geometry.requireOrthonormal(readDirection, phaseDirection);
        if (!(fovReadMm > 0 && fovPhaseMm > 0)) throw new IllegalArgumentException("FOV must be positive");
        if (matrixRead <= 0 || matrixPhase <= 0) throw new IllegalArgumentException("matrix must be positive");
        if (!(thicknessMm > 0) || gapMm < 0) throw new IllegalArgumentException("thickness must be positive and gap non-negative");
        if (sliceCount <= 0) throw new IllegalArgumentException("slice count must be positive");
    }

    /** Slice normal, read x phase. */
    public Vec3 normal() {
        return readDirection.cross(phaseDirection);
    }

    public double sliceSpacingMm() {
        return thicknessMm + gapMm;
    }

    public Vec3 sliceCentreMm(int slice) {
        return centreMm.plus(normal().times((slice - (sliceCount - 1) / 2.0) * sliceSpacingMm()));
    }

    public double pixelSpacingReadMm() {
        return fovReadMm / matrixRead;
    }

    public double pixelSpacingPhaseMm() {
        return fovPhaseMm / matrixPhase;
    }
}
