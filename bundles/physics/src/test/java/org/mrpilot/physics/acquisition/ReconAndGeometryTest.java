package org.mrpilot.physics.acquisition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.TestAnatomies;
import org.mrpilot.physics.anatomy.Anatomy;
import org.mrpilot.physics.anatomy.Label;
import org.mrpilot.physics.anatomy.Landmarks;
import org.mrpilot.physics.patient.RigidPose;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.random.SeededRandom;
import org.mrpilot.physics.signal.SpinEcho;

class ReconAndGeometryTest {
    private static final SpinEcho PD_WEIGHTED = new SpinEcho(5.0, 0.01);

    private static SliceGroup axial(int matrix, double fovMm, double thicknessMm, int slices) {
        return new SliceGroup("test", new Vec3(0, 0, 20), Vec3.L, Vec3.P, fovMm, fovMm, matrix, matrix, thicknessMm, 0, slices, "2.25.1", "HFS");
    }

    private static double nrmse(float[] reference, float[] test) {
        double err = 0, ref = 0;
        for (int i = 0; i < reference.length; i++) {
            err += (test[i] - reference[i]) * (double) (test[i] - reference[i]);
            ref += reference[i] * (double) reference[i];
        }
        return Math.sqrt(err / ref);
    }

    @Test
    void fftReconReturnsTheSampledObject() {
        VirtualPatient patient = VirtualPatient.create(TestAnatomies.head(), 3, 3);
        ImagingSimulator scanner = new ImagingSimulator(patient, PD_WEIGHTED);
        SliceGroup group = axial(64, 240, 4, 1);
        float[] clean = scanner.noiseless(group, 0);
        float[] noiseFree = scanner.acquire(group, Double.POSITIVE_INFINITY, 1).images().get(0).pixels();
        assertTrue(nrmse(clean, noiseFree) < 1e-6, "noise-free recon must reproduce the object");
        float[] noisy = scanner.acquire(group, 300, 1).images().get(0).pixels();
        double e = nrmse(clean, noisy);
        assertTrue(e < 0.01 && e > 0, "recon NRMSE at SNR 300 was " + e);
    }

    @Test
    void directSamplingEqualsSamplingThePrecomputedSignalVolume() {
        VirtualPatient patient = VirtualPatient.create(TestAnatomies.head(), 8, 3);
        SliceGroup group = new SliceGroup("tilted", new Vec3(5, -10, 25), new Vec3(1, 0, 1).normalized(), Vec3.P, 200, 200, 48, 48, 5, 0, 1,
                "2.25.1", "HFS");
        org.mrpilot.physics.patient.PlaneGrid grid = org.mrpilot.physics.patient.PlaneGrid.of(group, 0);
        float[] direct = patient.sampleSignal(PD_WEIGHTED, grid, 10);
        float[] viaVolume = patient.sample(patient.signalVolume(PD_WEIGHTED), grid, 10);
        assertArrayEquals(viaVolume, direct, 1e-6f);
    }

    @Test
    void noiseMatchesTheStatedSnr() {
        VirtualPatient patient = VirtualPatient.create(TestAnatomies.head(), 4, 3);
        ImagingSimulator scanner = new ImagingSimulator(patient, PD_WEIGHTED);
        SliceGroup group = axial(96, 240, 5, 1);
        float[] clean = scanner.noiseless(group, 0);
        ImagingSimulator.Acquisition a = scanner.acquire(group, 10, 5);
        assertEquals(ImagingSimulator.objectMean(clean) / 10, a.noiseSigmas()[0], 1e-12);
        // Complex recon minus the clean image is pure noise with sigma per channel.
        double[] complex = Fourier.inverse(a.kspace().get(0));
        double sum = 0;
        for (int i = 0; i < clean.length; i++) {
            double re = complex[2 * i] - clean[i], im = complex[2 * i + 1];
            sum += re * re + im * im;
        }
        double measured = Math.sqrt(sum / (2 * clean.length));
        assertEquals(a.noiseSigmas()[0], measured, 0.03 * a.noiseSigmas()[0]);
    }

    /**
     * A bright 3x3x3 marker at a known head position, a random pose, and a random oblique slice through the
     * marker: the marker's centroid in the image must be where the slice geometry says (< 0.5 pixel).
     */
    @Test
    void obliqueSliceShowsALandmarkAtItsPredictedPixel() {
        int n = 61;
        byte[] labels = new byte[n * n * n];
        double[] origin = {-30, -30, -30};
        for (int k = 29; k <= 31; k++) for (int j = 29; j <= 31; j++) for (int i = 29; i <= 31; i++) labels[i + n * (j + n * k)] = Label.VESSEL.code;
        Vec3 marker = new Vec3(0, 0, 0);
        Landmarks l = new Landmarks(marker, marker, marker, Vec3.L, marker, marker);
        Anatomy anatomy = new Anatomy("marker", n, n, n, origin, 1.0, labels, l);
        SeededRandom random = new SeededRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            VirtualPatient patient = VirtualPatient.create(anatomy, trial, 3);
            Vec3 target = patient.landmarks().anteriorCommissure();
            Vec3 read = new Vec3(random.nextGaussian(), random.nextGaussian(), random.nextGaussian()).normalized();
            Vec3 other = new Vec3(random.nextGaussian(), random.nextGaussian(), random.nextGaussian());
            Vec3 phase = other.minus(read.times(other.dot(read))).normalized();
            Vec3 centre = target.plus(read.times(random.uniform(-20, 20))).plus(phase.times(random.uniform(-20, 20)));
            SliceGroup group = new SliceGroup("oblique", centre, read, phase, 80, 80, 80, 80, 2, 0, 1, "2.25.1", "HFS");
            ImageSlice image = new ImagingSimulator(patient, PD_WEIGHTED).acquire(group, Double.POSITIVE_INFINITY, 1).images().get(0);
            Vec3 d = target.minus(image.positionMm());
            double predictedColumn = d.dot(image.rowDirection()) / image.columnSpacingMm();
            double predictedRow = d.dot(image.columnDirection()) / image.rowSpacingMm();
            double sum = 0, sc = 0, sr = 0;
            for (int r = 0; r < image.rows(); r++) {
                for (int c = 0; c < image.columns(); c++) {
                    double v = image.pixel(c, r);
                    sum += v;
                    sc += v * c;
                    sr += v * r;
                }
            }
            assertTrue(sum > 0, "marker not in the slice");
            assertEquals(predictedColumn, sc / sum, 0.5, "column, trial " + trial);
            assertEquals(predictedRow, sr / sum, 0.5, "row, trial " + trial);
        }
    }

    @Test
    void localizerHasThreeOrthogonalStacksWithDicomGeometry() {
        VirtualPatient patient = VirtualPatient.create(TestAnatomies.head(), 5, 3);
        List<ImagingSimulator.Acquisition> localizer = Localizer.acquire(patient);
        assertEquals(3, localizer.size());
        Vec3[] normals = {Vec3.S, Vec3.P, Vec3.L.times(-1)};
        for (int o = 0; o < 3; o++) {
            List<ImageSlice> images = localizer.get(o).images();
            assertEquals(Localizer.DEFAULT.slices(), images.size());
            for (ImageSlice s : images) {
                assertEquals(0, s.normal().minus(normals[o]).norm(), 1e-12);
                assertEquals(patient.frameOfReferenceUid(), s.frameOfReferenceUid());
                assertEquals(Localizer.DEFAULT.thicknessMm(), s.thicknessMm());
                assertEquals(Localizer.DEFAULT.fovMm() / Localizer.DEFAULT.matrix(), s.rowSpacingMm(), 1e-12);
            }
            // slices 10 mm apart along the normal, the middle one through the isocentre
            assertEquals(10, images.get(1).positionMm().minus(images.get(0).positionMm()).dot(normals[o]), 1e-9);
            ImageSlice middle = images.get(2);
            assertEquals(0, middle.pixelToPatient((Localizer.DEFAULT.matrix() - 1) / 2.0, (Localizer.DEFAULT.matrix() - 1) / 2.0).norm(), 1e-9);
        }
        // the same patient gives the same pixels; another noise seed does not
        float[] again = Localizer.acquire(patient).get(0).images().get(2).pixels();
        assertArrayEquals(localizer.get(0).images().get(2).pixels(), again);
        VirtualPatient other = VirtualPatient.create(TestAnatomies.head(), 6, 3);
        assertFalse(Arrays.equals(again, Localizer.acquire(other).get(0).images().get(2).pixels()));
    }

    @Test
    void refusesBadAcquisitions() {
        VirtualPatient patient = VirtualPatient.create(TestAnatomies.head(), 3, 3).withPose(RigidPose.identity());
        ImagingSimulator scanner = new ImagingSimulator(patient, PD_WEIGHTED);
        assertThrows(IllegalArgumentException.class, () -> scanner.acquire(axial(32, 200, 5, 1), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> scanner.acquire(axial(32, 200, 5, 1), Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> scanner.noiseless(axial(32, 200, 5, 2), 2));
    }
}
