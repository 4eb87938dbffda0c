package org.mrpilot.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.patient.VirtualPatient;

class LocalizerResamplerTest {
    private static final LocalizerResampler RESAMPLER = new LocalizerResampler(CanonicalGrid.DEFAULT);

    /** A slice whose pixels hold f at their patient position. */
    private static ImageSlice slice(Vec3 centre, Vec3 row, Vec3 col, String frame, ToDoubleFunction<Vec3> f) {
        int n = 100;
        double spacing = 2.2;
        Vec3 position = centre.minus(row.times(spacing * (n - 1) / 2.0)).minus(col.times(spacing * (n - 1) / 2.0));
        float[] pixels = new float[n * n];
        ImageSlice empty = new ImageSlice(n, n, pixels, position, row, col, spacing, spacing, 6, frame);
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) pixels[r * n + c] = (float) f.applyAsDouble(empty.pixelToPatient(c, r));
        return empty;
    }

    /**
     * A field that varies along one axis only, seen by slices whose planes contain that axis: every covered voxel
     * must hold the field at its own position, which checks positions and orientations end to end. The field is
     * air (0) beyond 80 mm along the slices' other axis, as around a head.
     */
    @Test
    void voxelsHoldTheValueAtTheirPatientPosition() {
        Vec3[] axes = {Vec3.L, Vec3.P, Vec3.S};
        for (int a = 0; a < 3; a++) {
            Vec3 along = axes[a];
            ToDoubleFunction<Vec3> field = p -> 500 + p.dot(along);
            List<ImageSlice> slices = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                if (b == a) continue;
                Vec3 normal = axes[b];
                Vec3 other = along.cross(normal);
                ToDoubleFunction<Vec3> head = p -> Math.abs(p.dot(other)) > 80 ? 0 : field.applyAsDouble(p);
                for (int s = -1; s <= 1; s++) slices.add(slice(new Vec3(3, -7, 11).plus(normal.times(12.5 * s)), along, other, "1.2.3", head));
            }
            CanonicalVolume canonical = RESAMPLER.resample(slices);
            Volume v = canonical.image();
            double ratio = Double.NaN;
            int covered = 0;
            for (int k = 0; k < v.nz(); k++) {
                for (int j = 0; j < v.ny(); j++) {
                    for (int i = 0; i < v.nx(); i++) {
                        Vec3 p = v.voxelToPatient(i, j, k);
                        // away from the air boundary and the slice edges, where a voxel's footprint is cut
                        boolean inside = Math.abs(p.x()) < 74 && Math.abs(p.y()) < 74 && Math.abs(p.z()) < 74;
                        if (canonical.coverage()[v.index(i, j, k)] == 0 || !inside) continue;
                        covered++;
                        double r = v.voxel(i, j, k) / field.applyAsDouble(p);
                        if (Double.isNaN(ratio)) ratio = r;
                        assertEquals(ratio, r, 1e-4 * ratio, "axis " + a + " voxel " + i + "," + j + "," + k);
                    }
                }
            }
            assertTrue(covered > 1000, "covered voxels " + covered);
        }
    }

    /** The close-up grid (tilted axes, own centre and spacing) puts the same field values at its voxels' positions. */
    @Test
    void anObliqueCloseUpHoldsTheValueAtItsVoxelsPositions() {
        Vec3 along = Vec3.S;
        ToDoubleFunction<Vec3> field = p -> 500 + p.dot(along);
        List<ImageSlice> slices = new ArrayList<>();
        for (Vec3 normal : new Vec3[] {Vec3.L, Vec3.P}) {
            // air beyond 80 mm of the origin, as around a head; the close-up stays within 62 mm of it
            for (int s = -2; s <= 2; s++) slices.add(slice(normal.times(5.0 * s), along, along.cross(normal), "1.2.3", p -> p.norm() > 80 ? 0 : field.applyAsDouble(p)));
        }
        Plane tilted = new Plane(new Vec3(2, -3, 4), new Vec3(0.95, 0.2, 0.1).normalized());
        CanonicalVolume close = CommissureRefiner.closeUp(slices, new Vec3(2, -3, 4), tilted);
        Volume v = close.image();
        assertEquals(CommissureRefiner.GRID.size(), v.nx());
        assertEquals(0, v.voxelToPatient(15.5, 15.5, 15.5).minus(new Vec3(2, -3, 4)).norm(), 1e-9, "centred where asked");
        double ratio = Double.NaN;
        int covered = 0;
        for (int k = 0; k < v.nz(); k++) {
            for (int j = 0; j < v.ny(); j++) {
                for (int i = 0; i < v.nx(); i++) {
                    if (close.coverage()[v.index(i, j, k)] == 0) continue;
                    covered++;
                    double r = v.voxel(i, j, k) / field.applyAsDouble(v.voxelToPatient(i, j, k));
                    if (Double.isNaN(ratio)) ratio = r;
                    assertEquals(ratio, r, 1e-4 * ratio, "voxel " + i + "," + j + "," + k);
                }
            }
        }
        assertTrue(covered > 1000, "covered voxels " + covered);
    }

    @Test
    void physicsLocalizerFillsThreePlanesAroundItsCentre() {
        VirtualPatient patient = VirtualPatient.procedural(11, 3);
        CanonicalVolume canonical = RESAMPLER.resample(Patients.localizer(patient, Localizer.DEFAULT));
        Volume v = canonical.image();
        assertEquals(64, v.nx());
        // the default localizer is centred on the isocentre: the grid centre is there too
        Vec3 centre = v.voxelToPatient(31.5, 31.5, 31.5);
        assertEquals(0, centre.norm(), 1e-6);
        int covered = 0;
        for (float c : canonical.coverage()) covered += (int) c;
        // 3 planes x 5 slices x ~1.75 voxel layers x (256 mm / 4 mm)^2 voxels each, less overlaps
        assertTrue(covered > 60_000 && covered < 110_000, "covered " + covered);
        for (int i = 0; i < v.voxels().length; i++) {
            if (canonical.coverage()[i] == 0) assertEquals(0, v.voxels()[i]);
        }
    }

    @Test
    void refusesASingleSlice() {
        List<ImageSlice> one = Patients.localizer(VirtualPatient.procedural(12, 3), Localizer.DEFAULT).subList(0, 1);
        LocalizerRejectedException e = assertThrows(LocalizerRejectedException.class, () -> RESAMPLER.resample(one));
        assertTrue(e.getMessage().contains("1 slice"), e.getMessage());
    }

    @Test
    void refusesMixedFramesOfReference() {
        List<ImageSlice> a = Patients.localizer(VirtualPatient.procedural(13, 3), Localizer.DEFAULT);
        List<ImageSlice> b = Patients.localizer(VirtualPatient.procedural(14, 3), Localizer.DEFAULT);
        List<ImageSlice> mixed = new ArrayList<>(a.subList(0, 10));
        mixed.addAll(b.subList(10, 15));
        LocalizerRejectedException e = assertThrows(LocalizerRejectedException.class, () -> RESAMPLER.resample(mixed));
        assertTrue(e.getMessage().contains("FrameOfReferenceUID"), e.getMessage());
    }

    @Test
    void refusesParallelSlicesOnly() {
        List<ImageSlice> axial = Patients.localizer(VirtualPatient.procedural(15, 3), Localizer.DEFAULT).subList(0, 5);
        LocalizerRejectedException e = assertThrows(LocalizerRejectedException.class, () -> RESAMPLER.resample(axial));
        assertTrue(e.getMessage().contains("parallel"), e.getMessage());
    }

    @Test
    void refusesALocalizerOfEmptySpace() {
        // the operator centred the localizer 400 mm away from the head: the simulator sees only air
        Localizer.Settings d = Localizer.DEFAULT;
        Localizer.Settings away = new Localizer.Settings(d.fovMm(), 64, d.slices(), d.thicknessMm(), d.gapMm(), new Vec3(0, 0, 400), d.contrast(),
                d.snr(), 0);
        List<ImageSlice> air = Patients.localizer(VirtualPatient.procedural(16, 3), away);
        LocalizerRejectedException e = assertThrows(LocalizerRejectedException.class, () -> RESAMPLER.resample(air));
        assertTrue(e.getMessage().contains("no signal"), e.getMessage());
    }

    @Test
    void refusesPureNoise() {
        Random random = new Random(3);
        List<ImageSlice> noise = new ArrayList<>();
        Vec3[][] planes = {{Vec3.L, Vec3.P}, {Vec3.L, Vec3.S}, {Vec3.P, Vec3.S}};
        for (Vec3[] plane : planes) {
            // magnitude of complex Gaussian noise: Rayleigh, as an empty scanner room gives
            noise.add(slice(Vec3.ZERO, plane[0], plane[1], "9.9", p -> Math.hypot(random.nextGaussian(), random.nextGaussian())));
        }
        LocalizerRejectedException e = assertThrows(LocalizerRejectedException.class, () -> RESAMPLER.resample(noise));
        assertTrue(e.getMessage().contains("no signal"), e.getMessage());
    }
}
