package org.mrpilot.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;
import org.mrpilot.physics.acquisition.ImagingSimulator;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.acquisition.LocalizerArtefact;
import org.mrpilot.physics.anatomy.Anatomy;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.Landmarks;
import org.mrpilot.physics.io.NpyWriter;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.random.SeededRandom;
import org.mrpilot.planning.CanonicalGrid;
import org.mrpilot.planning.CanonicalVolume;
import org.mrpilot.planning.CommissureRefiner;
import org.mrpilot.planning.LandmarkSet;
import org.mrpilot.planning.LocalizerRejectedException;
import org.mrpilot.planning.LocalizerResampler;
import org.mrpilot.planning.Plane;

/**
 * Training data for the landmark net, resampled by the product's own {@link LocalizerResampler} so training and
 * inference see the same volumes. Per sample: a fresh subject (pose, tissues) on anatomy p / perAnatomy, a seeded
 * localizer variation (3-7 slices per plane, FOV, thickness, gap, off-centre, contrast, SNR, bias field).
 * Writes volume.npy float32 (P, 2, S, S, S) canonical image and coverage (x fastest, so numpy axes are z, y, x);
 * brain.npy uint8 (P, S, S, S) brain mask on the grid; landmarks.npy float64 (P, K, 3) the {@link LandmarkSet}
 * points in LPS mm; normal.npy float64 (P, 3) mid-sagittal unit normal; origin.npy float64 (P, 3) grid origin (LPS mm);
 * quality.npy uint8 (P) the {@link LocalizerArtefact} ordinal (0 = clean), for the quality net; meta.json (per sample the
 * artefact's name and what was done). A phantom sample (no brain) has an empty brain mask and meaningless landmarks.
 * With {@code commissureCrops} C > 0, also the commissure net's close-ups ({@link CommissureRefiner}): commissures.npy
 * float32 (P, C, 2, s, s, s) image and coverage on its fine grid, centred near the true AC-PC midpoint and aligned with a
 * slightly tilted true mid-sagittal plane (the jitter the first estimate and the symmetry plane leave), and
 * commissure_targets.npy float32 (P, C, 2, 3) the true AC and PC in the close-up's voxel indices (x, y, z).
 */
final class PlanningDataset {
    /** Head-coordinate positions (AC at the origin, mid-sagittal plane x = 0) of the extra mid-sagittal points. */
    static final Vec3[] MID_SAGITTAL_POINTS_HEAD = {new Vec3(0, -40, 30), new Vec3(0, 55, 30), new Vec3(0, 5, 60)};

    /**
     * @param artefactFraction share of samples that get one {@link LocalizerArtefact} (drawn evenly among the kinds), 0-1
     * @param commissureCrops  close-ups per sample for the commissure net, 0-16
     */
    record Spec(long seed, int count, int perAnatomy, double fieldStrengthT, double artefactFraction, int commissureCrops) {
        Spec {
            if (!(artefactFraction >= 0 && artefactFraction <= 1)) throw new IllegalArgumentException("--artefacts must be a fraction 0-1, got " + artefactFraction);
            if (commissureCrops < 0 || commissureCrops > 16) throw new IllegalArgumentException("--commissure-crops must be 0-16, got " + commissureCrops);
        }
    }

    /** Close-up centre jitter (mm): in the plane about the first estimate's midpoint error, across it the plane's. */
    private static final double CROP_JITTER_IN_PLANE_MM = 10, CROP_JITTER_ACROSS_MM = 2;
    /** Plane tilt (degrees) of most close-ups (the symmetry plane's error) and of the rest (the landmark net's fallback plane). */
    private static final double CROP_TILT_DEG = 1.5, CROP_TILT_FALLBACK_DEG = 8, CROP_FALLBACK_SHARE = 0.25;

    /** A corrupted localizer can fail the product's own checks (e.g. near-zero gain looks like no signal): draw again. */
    private static final int ATTEMPTS = 6;

    private final AnatomyFactory anatomies;
    private final CanonicalGrid grid = CanonicalGrid.DEFAULT;

    PlanningDataset(AnatomyFactory anatomies) {
        this.anatomies = anatomies;
    }

    /** The i-th subject of a planning collection (also used by the benchmark, so held-out seeds mean the same people). */
    static VirtualPatient patient(AnatomyFactory anatomies, long seed, int index, int perAnatomy, double fieldStrengthT) throws IOException {
        Anatomy anatomy = anatomies.anatomy(seed, index / perAnatomy);
        return VirtualPatient.create(anatomy, SeededRandom.mix(SeededRandom.derive(seed, "planning patient").nextLong() + index), fieldStrengthT);
    }

    static Localizer.Settings settings(VirtualPatient patient) {
        int slices = 3 + SeededRandom.derive(patient.seed(), "planning slices").nextInt(5);
        return Localizer.randomSettings(patient.seed(), 128, slices);
    }

    static List<ImageSlice> localizer(VirtualPatient patient, Localizer.Settings settings) {
        List<ImageSlice> slices = new ArrayList<>();
        for (ImagingSimulator.Acquisition a : Localizer.acquire(patient, settings)) slices.addAll(a.images());
        return slices;
    }

    /** The {@link LandmarkSet} points of a patient in scanner LPS mm. */
    static List<Vec3> landmarks(VirtualPatient patient) {
        Landmarks l = patient.landmarks();
        List<Vec3> points = new ArrayList<>(List.of(l.anteriorCommissure(), l.posteriorCommissure()));
        for (Vec3 head : MID_SAGITTAL_POINTS_HEAD) points.add(patient.pose().toScanner(head));
        return points;
    }

    void write(Spec spec, Path dir, Runnable progress) throws IOException {
        if (Files.exists(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) throw new IOException("output folder " + dir + " is not empty");
            }
        }
        Files.createDirectories(dir);
        int p = spec.count(), s = grid.size(), k = LandmarkSet.NAMES.size();
        List<Map<String, Object>> items = new ArrayList<>();
        LocalizerResampler resampler = new LocalizerResampler(grid);
        try (NpyWriterSet out = new NpyWriterSet(dir, p, s, k, spec.commissureCrops())) {
            for (int i = 0; i < p; i++) {
                VirtualPatient subject = patient(anatomies, spec.seed(), i, spec.perAnatomy(), spec.fieldStrengthT());
                Localizer.Settings settings = settings(subject);
                LocalizerArtefact artefact = artefact(subject, spec.artefactFraction());
                Sample sample = sample(resampler, subject, settings, artefact);
                VirtualPatient patient = sample.corrupted().patient();
                CanonicalVolume canonical = sample.canonical();
                Volume v = canonical.image();
                out.quality.write(new byte[] {(byte) artefact.ordinal()});
                out.volume.write(v.voxels());
                out.volume.write(canonical.coverage());
                out.brain.write(brainMask(patient, v));
                double[] points = new double[3 * k];
                List<Vec3> landmarks = landmarks(patient);
                for (int j = 0; j < k; j++) System.arraycopy(landmarks.get(j).toArray(), 0, points, 3 * j, 3);
                out.landmarks.write(points);
                out.normal.write(patient.landmarks().midSagittalNormal().toArray());
                out.origin.write(v.originMm().toArray());
                if (spec.commissureCrops() > 0) writeCloseUps(sample.corrupted().slices(), patient, spec.commissureCrops(), out);
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("index", i);
                item.put("anatomy", patient.anatomy().source());
                item.put("patient_seed", Long.toUnsignedString(patient.seed()));
                item.put("slices_per_plane", settings.slices());
                item.put("thickness_mm", settings.thicknessMm());
                item.put("snr", settings.snr());
                item.put("artefact", artefact.name().toLowerCase(java.util.Locale.ROOT));
                item.put("artefact_detail", sample.corrupted().detail());
                items.add(item);
                progress.run();
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("kind", "planning");
        meta.put("format_version", 1);
        meta.put("seed", spec.seed());
        meta.put("source", anatomies.source().toString());
        meta.put("grid_size", s);
        meta.put("grid_spacing_mm", grid.spacingMm());
        meta.put("grid_axes", "L, P, S; numpy index [z, y, x]");
        meta.put("landmarks", LandmarkSet.NAMES);
        meta.put("artefact_fraction", spec.artefactFraction());
        if (spec.commissureCrops() > 0) {
            meta.put("commissure_crops", spec.commissureCrops());
            meta.put("commissure_grid_size", CommissureRefiner.GRID.size());
            meta.put("commissure_grid_spacing_mm", CommissureRefiner.GRID.spacingMm());
        }
        meta.put("quality_classes", java.util.Arrays.stream(LocalizerArtefact.values()).map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).toList());
        meta.put("items", items);
        Files.writeString(dir.resolve("meta.json"), new GsonBuilder().setPrettyPrinting().create().toJson(meta));
    }

    /** Which artefact (if any) sample of this subject gets: NONE with probability 1 - fraction, else one kind evenly. */
    static LocalizerArtefact artefact(VirtualPatient subject, double fraction) {
        SeededRandom r = SeededRandom.derive(subject.seed(), "planning artefact");
        if (r.nextDouble() >= fraction) return LocalizerArtefact.NONE;
        return LocalizerArtefact.values()[1 + r.nextInt(LocalizerArtefact.values().length - 1)];
    }

    record Sample(LocalizerArtefact.Corrupted corrupted, CanonicalVolume canonical) {
    }

    /** The localizer of a subject with the artefact, resampled; redrawn (new artefact seed) when the product's checks refuse it. */
    static Sample sample(LocalizerResampler resampler, VirtualPatient subject, Localizer.Settings settings, LocalizerArtefact artefact) {
        LocalizerRejectedException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            LocalizerArtefact.Corrupted corrupted = artefact.acquire(subject, settings, SeededRandom.mix(subject.seed() + attempt));
            try {
                return new Sample(corrupted, resampler.resample(corrupted.slices()));
            } catch (LocalizerRejectedException e) {
                last = e;
            }
        }
        throw new IllegalStateException("subject " + Long.toUnsignedString(subject.seed()) + " with " + artefact + " refused " + ATTEMPTS + " times: "
                + last.getMessage());
    }

    /** Close-ups around the true commissures, as {@link CommissureRefiner} would cut them from a jittered first estimate. */
    private static void writeCloseUps(List<ImageSlice> slices, VirtualPatient patient, int crops, NpyWriterSet out) throws IOException {
        SeededRandom r = SeededRandom.derive(patient.seed(), "commissure close-ups");
        Vec3 ac = patient.landmarks().anteriorCommissure(), pc = patient.landmarks().posteriorCommissure();
        Vec3 normal = patient.landmarks().midSagittalNormal();
        for (int c = 0; c < crops; c++) {
            double maxTilt = r.nextDouble() < CROP_FALLBACK_SHARE ? CROP_TILT_FALLBACK_DEG : CROP_TILT_DEG;
            Plane tilted = new Plane(ac, tilt(normal, Math.toRadians(r.uniform(0, maxTilt)), r.uniform(0, 2 * Math.PI)));
            Vec3[] axes = CommissureRefiner.frame(tilted);
            Vec3 centre = ac.plus(pc).times(0.5).plus(axes[0].times(r.uniform(-CROP_JITTER_ACROSS_MM, CROP_JITTER_ACROSS_MM)))
                    .plus(axes[1].times(r.uniform(-CROP_JITTER_IN_PLANE_MM, CROP_JITTER_IN_PLANE_MM)))
                    .plus(axes[2].times(r.uniform(-CROP_JITTER_IN_PLANE_MM, CROP_JITTER_IN_PLANE_MM)));
            CanonicalVolume close = CommissureRefiner.closeUp(slices, centre, tilted);
            out.closeUps.write(close.image().voxels());
            out.closeUps.write(close.coverage());
            float[] target = new float[6];
            for (int j = 0; j < 2; j++) {
                double[] voxel = close.image().patientToVoxel(j == 0 ? ac : pc);
                for (int a = 0; a < 3; a++) target[3 * j + a] = (float) voxel[a];
            }
            out.closeUpTargets.write(target);
        }
    }

    /** {@code normal} turned by {@code angle} (radians) towards the direction at {@code azimuth} around it. */
    static Vec3 tilt(Vec3 normal, double angle, double azimuth) {
        Vec3 helper = Math.abs(normal.dot(Vec3.S)) < 0.9 ? Vec3.S : Vec3.P;
        Vec3 e1 = normal.cross(helper).normalized(), e2 = normal.cross(e1);
        Vec3 towards = e1.times(Math.cos(azimuth)).plus(e2.times(Math.sin(azimuth)));
        return normal.times(Math.cos(angle)).plus(towards.times(Math.sin(angle))).normalized();
    }

    static byte[] brainMask(VirtualPatient patient, Volume v) {
        byte[] mask = new byte[v.voxels().length];
        for (int z = 0; z < v.nz(); z++) {
            for (int y = 0; y < v.ny(); y++) {
                for (int x = 0; x < v.nx(); x++) if (patient.labelAt(v.voxelToPatient(x, y, z)).brain) mask[v.index(x, y, z)] = 1;
            }
        }
        return mask;
    }

    /** The dataset's arrays, closed together. */
    private static final class NpyWriterSet implements AutoCloseable {
        final NpyWriter volume, brain, landmarks, normal, origin, quality, closeUps, closeUpTargets;

        NpyWriterSet(Path dir, int p, int s, int k, int crops) throws IOException {
            var f32 = NpyWriter.Type.FLOAT32;
            var f64 = NpyWriter.Type.FLOAT64;
            volume = new NpyWriter(dir.resolve("volume.npy"), f32, p, 2, s, s, s);
            brain = new NpyWriter(dir.resolve("brain.npy"), NpyWriter.Type.UINT8, p, s, s, s);
            landmarks = new NpyWriter(dir.resolve("landmarks.npy"), f64, p, k, 3);
            normal = new NpyWriter(dir.resolve("normal.npy"), f64, p, 3);
            origin = new NpyWriter(dir.resolve("origin.npy"), f64, p, 3);
            quality = new NpyWriter(dir.resolve("quality.npy"), NpyWriter.Type.UINT8, p);
            int fine = CommissureRefiner.GRID.size();
            closeUps = crops == 0 ? null : new NpyWriter(dir.resolve("commissures.npy"), f32, p, crops, 2, fine, fine, fine);
            closeUpTargets = crops == 0 ? null : new NpyWriter(dir.resolve("commissure_targets.npy"), f32, p, crops, 2, 3);
        }

        @Override
        public void close() throws IOException {
            volume.close();
            brain.close();
            landmarks.close();
            normal.close();
            origin.close();
            quality.close();
            if (closeUps != null) {
                closeUps.close();
                closeUpTargets.close();
            }
        }
    }
}
