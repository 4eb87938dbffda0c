package org.mrpilot.physics.acquisition;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.signal.SpoiledGradientEcho;

/**
 * A three-plane localizer as scanners make it: axial, coronal and sagittal stacks centred on the isocentre,
 * 5 slices each, 7 mm thick with 3 mm gaps, 256 mm FOV on a 192 matrix (1.33 mm pixels), spoiled gradient echo
 * (TR 8 ms, TE 3.5 ms, 20 degrees), SNR 20. Orientations follow DICOM habits: axial rows run L, columns P;
 * coronal rows L, columns to the feet; sagittal rows P, columns to the feet.
 */
public final class Localizer {
    public static final SpoiledGradientEcho CONTRAST = new SpoiledGradientEcho(0.008, 0.0035, 20);
    public static final double SNR = 20;
    static final double FOV_MM = 256, THICKNESS_MM = 7, GAP_MM = 3;
    static final int MATRIX = 192, SLICES = 5;

    private Localizer() {
    }

    /** The three slice groups, in the order axial, coronal, sagittal. */
    public static List<SliceGroup> plan(String frameOfReferenceUid) {
        Vec3 feet = Vec3.S.times(-1);
        List<SliceGroup> groups = new ArrayList<>();
        groups.add(group("localizer axial", Vec3.L, Vec3.P, frameOfReferenceUid));
        groups.add(group("localizer coronal", Vec3.L, feet, frameOfReferenceUid));
        groups.add(group("localizer sagittal", Vec3.P, feet, frameOfReferenceUid));
        return groups;
    }

    private static SliceGroup group(String name, Vec3 read, Vec3 phase, String frameOfReferenceUid) {
        return new SliceGroup(name, Vec3.ZERO, read, phase, FOV_MM, FOV_MM, MATRIX, MATRIX, THICKNESS_MM, GAP_MM, SLICES, frameOfReferenceUid, "HFS");
    }

    /** Acquires the localizer of a patient; noise seeded from the patient's seed. */
    public static List<ImagingSimulator.Acquisition> acquire(VirtualPatient patient) {
        ImagingSimulator scanner = new ImagingSimulator(patient, CONTRAST);
        List<ImagingSimulator.Acquisition> out = new ArrayList<>();
        for (SliceGroup g : plan(patient.frameOfReferenceUid())) out.add(scanner.acquire(g, SNR, patient.seed()));
        return out;
    }
}
