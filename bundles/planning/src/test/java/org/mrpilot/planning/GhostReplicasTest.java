package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.patient.VirtualPatient;

class GhostReplicasTest {
    private static List<ImageSlice> clean;

    @BeforeAll
    static void acquire() {
        VirtualPatient patient = VirtualPatient.procedural(6_601, 3);
        clean = Patients.localizer(patient, Localizer.randomSettings(patient.seed(), 128, 5));
    }

    /** Every slice plus copies of itself displaced by +-shift pixels along one axis (wrapping), {@code brightness} as bright. */
    static List<ImageSlice> ghosted(List<ImageSlice> slices, int shift, boolean alongColumns, float brightness) {
        List<ImageSlice> out = new ArrayList<>();
        for (ImageSlice s : slices) {
            float[] p = new float[s.pixels().length];
            for (int r = 0; r < s.rows(); r++) {
                for (int c = 0; c < s.columns(); c++) {
                    float plus = alongColumns ? s.pixel(c, (r + shift) % s.rows()) : s.pixel((c + shift) % s.columns(), r);
                    float minus = alongColumns ? s.pixel(c, (r - shift + s.rows()) % s.rows()) : s.pixel((c - shift + s.columns()) % s.columns(), r);
                    p[r * s.columns() + c] = s.pixel(c, r) + brightness * (plus + minus);
                }
            }
            out.add(new ImageSlice(s.columns(), s.rows(), p, s.positionMm(), s.rowDirection(), s.columnDirection(), s.rowSpacingMm(),
                    s.columnSpacingMm(), s.thicknessMm(), s.frameOfReferenceUid()));
        }
        return out;
    }

    @Test
    void aCleanLocalizerShowsNoReplicaAndPasses() {
        assertTrue(worst(clean).correlation() < LocalizerChecks.MAX_GHOST_CORRELATION / 2, "clean: " + worst(clean));
        LocalizerChecks.check(clean);
    }

    @Test
    void copiesOfTheHeadAreRefusedWithTheirSpacingAndAxis() {
        ImageSlice first = clean.get(0);
        int shift = first.rows() / 4;
        LocalizerRejectedException e = assertThrows(LocalizerRejectedException.class, () -> LocalizerChecks.check(ghosted(clean, shift, true, 0.3f)));
        assertTrue(e.getMessage().contains("motion ghosts") && e.getMessage().contains("along the image columns"), e.getMessage());
        GhostReplicas.Replica replica = worst(ghosted(clean, shift, true, 0.3f));
        assertEquals(shift * first.rowSpacingMm(), replica.shiftMm(), 2 * 2 * first.rowSpacingMm(), "spacing within two averaged pixels");

        int across = first.columns() / 3;
        e = assertThrows(LocalizerRejectedException.class, () -> LocalizerChecks.check(ghosted(clean, across, false, 0.3f)));
        assertTrue(e.getMessage().contains("along the image rows"), e.getMessage());
    }

    @Test
    void faintCopiesStayBelowTheThreshold() {
        assertTrue(worst(ghosted(clean, clean.get(0).rows() / 4, true, 0.05f)).correlation() < LocalizerChecks.MAX_GHOST_CORRELATION);
    }

    private static GhostReplicas.Replica worst(List<ImageSlice> slices) {
        return GhostReplicas.worst(Orientations.group(slices, Orientations.SAME_PLANE_COS));
    }
}
