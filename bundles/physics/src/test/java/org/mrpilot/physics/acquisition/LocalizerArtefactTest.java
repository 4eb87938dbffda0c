package org.mrpilot.physics.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.anatomy.BottlePhantom;
import org.mrpilot.physics.anatomy.Label;
import org.mrpilot.physics.patient.PlaneGrid;
import org.mrpilot.physics.patient.VirtualPatient;

/** The k-space operations behind the localizer artefacts, checked against what they must do to the image. */
class LocalizerArtefactTest {
    private static final SliceGroup AXIAL = new SliceGroup("a", Vec3.ZERO, Vec3.L, Vec3.P, 128, 128, 32, 32, 5, 0, 1, "1.2", "HFS");

    /** A real, non-negative test image with one bright pixel and a ramp. */
    private static float[] image() {
        float[] x = new float[32 * 32];
        for (int r = 0; r < 32; r++) for (int c = 0; c < 32; c++) x[r * 32 + c] = 0.01f * (r + c);
        x[10 * 32 + 7] = 5;
        return x;
    }

    @Test
    void aConstantDisplacementShiftsTheImageByWholePixels() {
        KSpace k = Fourier.forward(image(), 32, 32);
        double[] read = new double[32], phase = new double[32];
        java.util.Arrays.fill(read, 3 * 4.0); // 3 pixels of 4 mm along read (columns)
        java.util.Arrays.fill(phase, -2 * 4.0); // 2 pixels against phase (rows)
        float[] moved = Fourier.magnitude(LocalizerArtefact.displaced(k, AXIAL, read, phase));
        float[] x = image();
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) assertEquals(x[r * 32 + c], moved[Math.floorMod(r - 2, 32) * 32 + Math.floorMod(c + 3, 32)], 1e-4);
        }
    }

    @Test
    void halvingThePhaseFovFoldsTheImageAndKeepsItsSignal() {
        float[] x = image();
        SliceGroup g = AXIAL;
        KSpace k = Fourier.forward(x, 32, 32);
        ImageSlice full = PlaneGrid.of(g, 0).toImage(x, g.frameOfReferenceUid());
        List<ImageSlice> half = LocalizerArtefact.halfPhaseFov(List.of(new ImagingSimulator.Acquisition(g, List.of(full), List.of(k), new double[1])));
        ImageSlice h = half.get(0);
        assertEquals(16, h.rows());
        assertEquals(32, h.columns());
        assertEquals(4, h.rowSpacingMm(), 1e-12);
        double before = 0, after = 0;
        for (float v : x) before += v;
        for (float v : h.pixels()) after += v;
        assertEquals(before, after, 1e-3 * before, "folding adds the two halves: the signal is kept");
        // the bright pixel (row 10) lands 8 rows up in the half-FOV image, where the centre row 16 became 8
        assertEquals(5 + 0.01 * (26 + 7), h.pixels()[2 * 32 + 7], 1e-4);
        // the half FOV is centred where the full one was
        assertEquals(0, h.pixelToPatient(15.5, 7.5).minus(full.pixelToPatient(15.5, 15.5)).norm(), 1e-9);
    }

    @Test
    void clippingLimitsEveryKSpaceSample() {
        KSpace clipped = LocalizerArtefact.clipped(Fourier.forward(image(), 32, 32), 0.01);
        double peak = 0;
        for (double v : Fourier.forward(image(), 32, 32).data()) peak = Math.max(peak, Math.abs(v));
        for (double v : clipped.data()) assertTrue(Math.abs(v) <= 0.01 * peak * 1.0001);
    }

    @Test
    void everyKindGivesAThreePlaneLocalizerOrSaysWhichPlaneIsMissing() {
        VirtualPatient patient = VirtualPatient.procedural(5, 3);
        Localizer.Settings s = new Localizer.Settings(256, 64, 3, 8, 2, Vec3.ZERO, Localizer.DEFAULT.contrast(), 20, 0);
        for (LocalizerArtefact a : LocalizerArtefact.values()) {
            LocalizerArtefact.Corrupted c = a.acquire(patient, s, 77);
            assertFalse(c.slices().isEmpty(), a.name());
            assertFalse(c.detail().isBlank(), a.name());
            if (!c.detail().contains("missing")) assertEquals(9, c.slices().size(), a + ": " + c.detail());
            assertEquals(a == LocalizerArtefact.NO_BRAIN, c.patient() != patient, a.name());
            // the same seed gives the same artefact
            assertEquals(c.detail(), a.acquire(patient, s, 77).detail());
        }
        assertNotEquals(LocalizerArtefact.MOTION.acquire(patient, s, 1).detail(), LocalizerArtefact.MOTION.acquire(patient, s, 2).detail());
    }

    @Test
    void thePhantomHasNoBrain() {
        var phantom = BottlePhantom.generate(3);
        int filled = 0;
        for (byte b : phantom.labels()) {
            assertFalse(Label.of(b).brain);
            if (b != Label.BACKGROUND.code) filled++;
        }
        assertTrue(filled > 10_000, "the bottle holds water or oil: " + filled);
    }
}
