package org.mrpilot.planning;

import java.util.List;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;

/**
 * The three diagnostic stacks of a brain exam from the AC-PC frame and the brain box: axial slices parallel to the
 * AC-PC line (normal = superior), coronal slices perpendicular to it (normal = posterior), sagittal slices parallel
 * to the mid-sagittal plane (normal = right, rows posterior, columns to the feet as DICOM sagittals). Each stack covers
 * the box plus the margin through-plane; its square field of view covers the box plus the margin in-plane.
 */
public final class StackPlanner {
    private final StackSettings settings;

    public StackPlanner(StackSettings settings) {
        this.settings = settings;
    }

    public List<SliceGroup> plan(AcPcFrame frame, BrainBox box, String frameOfReferenceUid) {
        Vec3 feet = frame.superior().times(-1);
        Vec3 size = box.sizeMm();
        Vec3 centre = frame.toPatient(box.centreMm());
        return List.of(
                stack("axial", centre, frame.left(), frame.posterior(), size.z(), Math.max(size.x(), size.y()), frameOfReferenceUid),
                stack("coronal", centre, frame.left(), feet, size.y(), Math.max(size.x(), size.z()), frameOfReferenceUid),
                stack("sagittal", centre, frame.posterior(), feet, size.x(), Math.max(size.y(), size.z()), frameOfReferenceUid));
    }

    private SliceGroup stack(String name, Vec3 centre, Vec3 read, Vec3 phase, double depthMm, double inPlaneMm, String frameOfReferenceUid) {
        double spacing = settings.thicknessMm() + settings.gapMm();
        // n slices of spacing s span (n-1)*s + thickness between outer faces
        int slices = Math.max(1, (int) Math.ceil((depthMm + 2 * settings.marginMm() - settings.thicknessMm()) / spacing) + 1);
        double fov = Math.ceil((inPlaneMm + 2 * settings.marginMm()) / 10) * 10;
        return new SliceGroup(name, centre, read, phase, fov, fov, settings.matrix(), settings.matrix(), settings.thicknessMm(),
                settings.gapMm(), slices, frameOfReferenceUid, "HFS");
    }
}
