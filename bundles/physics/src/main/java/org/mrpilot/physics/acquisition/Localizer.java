package org.mrpilot.physics.acquisition;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.random.SeededRandom;
import org.mrpilot.physics.signal.SpoiledGradientEcho;

/**
 * A three-plane localizer as scanners make it: axial, coronal and sagittal stacks, spoiled gradient echo, low SNR.
 * Orientations follow DICOM habits: axial rows run L, columns P; coronal rows L, columns to the feet; sagittal
 * rows P, columns to the feet.
 */
public final class Localizer {
    /**
     * @param centreMm     centre of all three stacks (the isocentre unless the operator moved it)
     * @param biasStrength receive-field strength (0 = uniform), see {@link ReceiveField}
     */
    public record Settings(double fovMm, int matrix, int slices, double thicknessMm, double gapMm, Vec3 centreMm, SpoiledGradientEcho contrast,
                           double snr, double biasStrength) {
        public Settings {
            if (!(fovMm >= 100 && fovMm <= 500)) throw new IllegalArgumentException("localizer FOV must be 100-500 mm, got " + fovMm);
            if (matrix < 16 || matrix > 512) throw new IllegalArgumentException("localizer matrix must be 16-512, got " + matrix);
            if (slices < 1 || slices > 15) throw new IllegalArgumentException("localizer slices per plane must be 1-15, got " + slices);
        }
    }

    /** 5 slices per plane, 7 mm thick, 3 mm gaps, 256 mm FOV on 192 (1.33 mm), TR 8 ms, TE 3.5 ms, 20 deg, SNR 20. */
    public static final Settings DEFAULT = new Settings(256, 192, 5, 7, 3, Vec3.ZERO, new SpoiledGradientEcho(0.008, 0.0035, 20), 20, 0);

    private Localizer() {
    }

    /**
     * Seeded variation for training: FOV 220-300 mm, matrix as given, slices as given, thickness 5-10 mm, gap 0-5 mm,
     * centre up to 20 mm off the isocentre (partial coverage), flip 10-30 deg, TE 2.5-5 ms, SNR 8-40 (log-uniform),
     * bias-field strength 0-0.4.
     */
    public static Settings randomSettings(long seed, int matrix, int slices) {
        SeededRandom r = SeededRandom.derive(seed, "localizer settings");
        Vec3 centre = new Vec3(r.uniform(-20, 20), r.uniform(-20, 20), r.uniform(-20, 20));
        SpoiledGradientEcho contrast = new SpoiledGradientEcho(0.008, r.uniform(0.0025, 0.005), r.uniform(10, 30));
        return new Settings(r.uniform(220, 300), matrix, slices, r.uniform(5, 10), r.uniform(0, 5), centre, contrast, r.logUniform(8, 40),
                r.uniform(0, 0.4));
    }

    public static final List<String> ORIENTATIONS = List.of("axial", "coronal", "sagittal");

    /** Row and column directions of a scanner axial (0), coronal (1) or sagittal (2) image, as DICOM orders them. */
    public static Vec3[] axes(int orientation) {
        Vec3 feet = Vec3.S.times(-1);
        return switch (orientation) {
            case 0 -> new Vec3[] {Vec3.L, Vec3.P};
            case 1 -> new Vec3[] {Vec3.L, feet};
            case 2 -> new Vec3[] {Vec3.P, feet};
            default -> throw new IllegalArgumentException("orientation must be 0, 1 or 2, got " + orientation);
        };
    }

    /** The three slice groups, in the order axial, coronal, sagittal. */
    public static List<SliceGroup> plan(Settings s, String frameOfReferenceUid) {
        List<SliceGroup> groups = new ArrayList<>();
        for (int o = 0; o < 3; o++) {
            Vec3[] axes = axes(o);
            groups.add(new SliceGroup("localizer " + ORIENTATIONS.get(o), s.centreMm(), axes[0], axes[1], s.fovMm(), s.fovMm(), s.matrix(),
                    s.matrix(), s.thicknessMm(), s.gapMm(), s.slices(), frameOfReferenceUid, "HFS"));
        }
        return groups;
    }

    /** Acquires the default localizer of a patient; noise seeded from the patient's seed. */
    public static List<ImagingSimulator.Acquisition> acquire(VirtualPatient patient) {
        return acquire(patient, DEFAULT);
    }

    public static List<ImagingSimulator.Acquisition> acquire(VirtualPatient patient, Settings s) {
        ImagingSimulator scanner = new ImagingSimulator(patient, s.contrast());
        List<ImagingSimulator.Acquisition> out = new ArrayList<>();
        for (SliceGroup g : plan(s, patient.frameOfReferenceUid())) out.add(scanner.acquire(g, s.snr(), patient.seed(), receiveField(patient, s)));
        return out;
    }

    /**
     * One more localizer group of the same exam (e.g. the follow-up localizer a plan asked for): same contrast, SNR and
     * receive field as {@code s}; its noise differs from the other groups' as long as its name does.
     */
    public static ImagingSimulator.Acquisition acquireMore(VirtualPatient patient, Settings s, SliceGroup group) {
        return new ImagingSimulator(patient, s.contrast()).acquire(group, s.snr(), patient.seed(), receiveField(patient, s));
    }

    private static ReceiveField receiveField(VirtualPatient patient, Settings s) {
        return s.biasStrength() == 0 ? ReceiveField.UNIFORM : ReceiveField.random(patient.seed(), s.biasStrength());
    }
}
