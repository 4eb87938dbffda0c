package org.mrpilot.physics.dataset;

import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.anatomy.Anatomy;
import org.mrpilot.physics.anatomy.Label;
import org.mrpilot.physics.patient.PlaneGrid;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.random.SeededRandom;

/**
 * Random 2D patches through a patient's brain, as seed 001 section 4.2 draws them: the centre uniform over the
 * brain mask; here also a random scanner orientation (axial, coronal or sagittal; the patient's pose makes it
 * oblique to the anatomy) and a pixel spacing uniform in 0.8-1.2 mm.
 */
final class PatchPlanes {

    private PatchPlanes() {
    }

    record Patch(PlaneGrid grid, int orientation, double spacingMm) {
    }

    static Patch draw(VirtualPatient patient, int size, SeededRandom random) {
        Anatomy a = patient.anatomy();
        int index;
        do {
            index = (int) ((random.nextLong() >>> 1) % a.labels().length);
        } while (!Label.of(a.labels()[index]).brain);
        int i = index % a.nx(), j = index / a.nx() % a.ny(), k = index / (a.nx() * a.ny());
        Vec3 head = new Vec3(a.originMm()[0] + i * a.spacingMm(), a.originMm()[1] + j * a.spacingMm(), a.originMm()[2] + k * a.spacingMm());
        Vec3 centre = patient.pose().toScanner(head);
        int orientation = random.nextInt(3);
        double spacing = random.uniform(0.8, 1.2);
        Vec3[] axes = Localizer.axes(orientation);
        Vec3 row = axes[0], column = axes[1];
        Vec3 first = centre.minus(row.times((size - 1) / 2.0 * spacing)).minus(column.times((size - 1) / 2.0 * spacing));
        return new Patch(new PlaneGrid(size, size, first, row, column, spacing, spacing, spacing), orientation, spacing);
    }
}
