package org.mrpilot.sequence;

import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;

/**
 * The logical axes (read, phase, slice) of a slice group in the scanner's gradient coordinates. For head-first supine
 * the gradient axes coincide with patient LPS; the other standard positions flip two axes.
 */
record Orientation(Vec3 read, Vec3 phase, Vec3 slice, double[] flip) {
    static Orientation of(SliceGroup group) {
        double[] flip = switch (group.patientPosition() == null ? "HFS" : group.patientPosition()) {
            case "HFS" -> new double[] {1, 1, 1};
            case "HFP" -> new double[] {-1, -1, 1};
            case "FFS" -> new double[] {-1, 1, -1};
            case "FFP" -> new double[] {1, -1, -1};
            default -> throw new IllegalArgumentException("patient position '" + group.patientPosition() + "' is not supported (HFS, HFP, FFS, FFP)");
        };
        return new Orientation(toScanner(group.readDirection(), flip), toScanner(group.phaseDirection(), flip), toScanner(group.normal(), flip), flip);
    }

    private static Vec3 toScanner(Vec3 v, double[] flip) {
        return new Vec3(v.x() * flip[0], v.y() * flip[1], v.z() * flip[2]);
    }

    /** Offsets (m) of an LPS position along read, phase and slice. */
    double[] offsetsM(Vec3 lpsMm) {
        Vec3 p = toScanner(lpsMm, flip).times(1e-3);
        return new double[] {p.dot(read), p.dot(phase), p.dot(slice)};
    }

    /** The rotation from logical (read, phase, slice) to physical gradient axes. */
    org.mrpilot.api.sequence.Rotation rotation() {
        return org.mrpilot.api.sequence.Rotation.ofColumns(read.toArray(), phase.toArray(), slice.toArray());
    }

    /** Component of logical axis {@code logical} (0 read, 1 phase, 2 slice) on physical axis {@code physical}. */
    double component(int logical, int physical) {
        Vec3 v = logical == 0 ? read : logical == 1 ? phase : slice;
        return v.toArray()[physical];
    }
}
