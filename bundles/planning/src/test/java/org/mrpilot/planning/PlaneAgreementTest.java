package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.acquisition.LocalizerArtefact;
import org.mrpilot.physics.patient.VirtualPatient;

class PlaneAgreementTest {

    /** The slices of the last orientation as if the head had moved by {@code moveMm} before that plane was acquired. */
    static List<ImageSlice> lastPlaneMoved(List<ImageSlice> slices, Vec3 moveMm) {
        List<List<ImageSlice>> planes = Orientations.group(slices, Orientations.SAME_PLANE_COS);
        List<ImageSlice> moved = planes.get(planes.size() - 1);
        List<ImageSlice> out = new ArrayList<>();
        for (ImageSlice s : slices) {
            // the head moved by +v in the image, so the image's geometry is off by -v (its in-plane part; through-plane the
            // slice simply cuts elsewhere, which this test leaves out)
            Vec3 inPlane = moveMm.minus(s.normal().times(moveMm.dot(s.normal())));
            out.add(moved.contains(s) ? new ImageSlice(s.columns(), s.rows(), s.pixels(), s.positionMm().minus(inPlane), s.rowDirection(),
                    s.columnDirection(), s.rowSpacingMm(), s.columnSpacingMm(), s.thicknessMm(), s.frameOfReferenceUid()) : s);
        }
        return out;
    }

    @Test
    void cleanLocalizersAgreeToTheMillimetre() {
        for (int i = 0; i < 5; i++) {
            VirtualPatient patient = VirtualPatient.procedural(6_700 + i, 3);
            List<ImageSlice> clean = Patients.localizer(patient, Localizer.randomSettings(patient.seed(), 128, 3 + i));
            List<PlaneAgreement.Offset> offsets = PlaneAgreement.offsets(Orientations.group(clean, Orientations.SAME_PLANE_COS));
            assertEquals(3, offsets.size(), "three pairs of orientations: " + offsets);
            for (PlaneAgreement.Offset o : offsets) {
                assertTrue(Math.abs(o.shiftMm()) <= 1 && o.votes() >= 5, "subject " + i + ": " + o);
            }
            LocalizerChecks.check(clean);
        }
    }

    @Test
    void aPlaneAcquiredAfterTheHeadMovedIsRefusedWithThePlanesNamed() {
        VirtualPatient patient = VirtualPatient.procedural(6_710, 3);
        List<ImageSlice> clean = Patients.localizer(patient, Localizer.randomSettings(patient.seed(), 128, 5));
        LocalizerRejectedException e = assertThrows(LocalizerRejectedException.class, () -> LocalizerChecks.check(lastPlaneMoved(clean, new Vec3(0, 9, -9))));
        assertTrue(e.getMessage().contains("axial vs sagittal") && e.getMessage().contains("coronal vs sagittal")
                && e.getMessage().contains("the head moved between the planes"), e.getMessage());
        LocalizerChecks.check(lastPlaneMoved(clean, new Vec3(0, 2, -2))); // within the stacks' margins
    }

    @Test
    void thePhysicsCoresMovedPlaneIsRefused() {
        VirtualPatient patient = VirtualPatient.procedural(6_720, 3);
        Localizer.Settings settings = Localizer.randomSettings(patient.seed(), 128, 4);
        int refused = 0, cases = 0;
        for (long seed = 1; cases < 3; seed++) {
            LocalizerArtefact.Corrupted moved = LocalizerArtefact.MOTION.acquire(patient, settings, seed);
            if (!moved.detail().contains("acquired after the head moved")) continue; // the other motion variants blur or ghost
            cases++;
            try {
                LocalizerChecks.check(moved.slices());
            } catch (LocalizerRejectedException e) {
                refused++;
            }
        }
        assertEquals(3, refused, "planes moved 10-25 mm");
    }
}
