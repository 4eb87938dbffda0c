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
import org.mrpilot.planning.LandmarkSet;
import org.mrpilot.planning.LocalizerRejectedException;
import org.mrpilot.planning.LocalizerResampler;

/**
 * Training data for the landmark net, resampled by the product's own {@link LocalizerResampler} so training and
 * inference see the same volumes. Per sample: a fresh subject (pose, tissues) on anatomy p / perAnatomy, a seeded
 * localizer variation (3-7 slices per plane, FOV, thickness, gap, off-centre, contrast, SNR, bias field).
 * Writes volume.npy float32 (P, 2, S, S, S) canonical image and coverage (x fastest, so numpy axes are z, y, x);
 * brain.npy uint8 (P, S, S, S) brain mask on the grid; landmarks.npy float64 (P, K, 3) the {@link LandmarkSet}
 * points in LPS mm; normal.npy float64 (P, 3) mid-sagittal unit normal; origin.npy float64 (P, 3) grid origin (LPS mm);
 * quality.npy uint8 (P) the {@link LocalizerArtefact} ordinal (0 = clean), for the quality net; meta.json (per sample the
 * artefact's name and what was done). A phantom sample (no brain) has an empty brain mask and meaningless landmarks.
 */
final class PlanningDataset {
    /** Head-coordinate positions (AC at the origin, mid-sagittal plane x = 0) of the extra mid-sagittal points. */
    static final Vec3[] MID_SAGITTAL_POINTS_HEAD = {new Vec3(0, -40, 30), new Vec3(0, 55, 30), new Vec3(0, 5, 60)};

    /** @param artefactFraction share of samples that get one {@link LocalizerArtefact} (drawn evenly among the kinds), 0-1 */
    record Spec(long seed, int count, int perAnatomy, double fieldStrengthT, double artefactFraction) {
        Spec {
            if (!(artefactFraction >= 0 && artefactFraction <= 1)) throw new IllegalArgumentException("--artefacts must be a fraction 0-1, got " + artefactFraction);
        }
    }

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
        try (NpyWriterSet out = new NpyWriterSet(dir, p, s, k)) {
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
        final NpyWriter volume, brain, landmarks, normal, origin, quality;

        NpyWriterSet(Path dir, int p, int s, int k) throws IOException {
            var f32 = NpyWriter.Type.FLOAT32;
            var f64 = NpyWriter.Type.FLOAT64;
            volume = new NpyWriter(dir.resolve("volume.npy"), f32, p, 2, s, s, s);
            brain = new NpyWriter(dir.resolve("brain.npy"), NpyWriter.Type.UINT8, p, s, s, s);
            landmarks = new NpyWriter(dir.resolve("landmarks.npy"), f64, p, k, 3);
            normal = new NpyWriter(dir.resolve("normal.npy"), f64, p, 3);
            origin = new NpyWriter(dir.resolve("origin.npy"), f64, p, 3);
            quality = new NpyWriter(dir.resolve("quality.npy"), NpyWriter.Type.UINT8, p);
        }

        @Override
        public void close() throws IOException {
            volume.close();
            brain.close();
            landmarks.close();
            normal.close();
            origin.close();
            quality.close();
        }
    }
}
