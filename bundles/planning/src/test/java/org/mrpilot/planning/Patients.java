package org.mrpilot.planning;

import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.physics.acquisition.ImagingSimulator;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.patient.VirtualPatient;

/** Physics-made test subjects: localizers, ground-truth mid-sagittal points and brain points in scanner LPS. */
final class Patients {
    private Patients() {
    }

    static List<ImageSlice> localizer(VirtualPatient patient, Localizer.Settings settings) {
        List<ImageSlice> slices = new ArrayList<>();
        for (ImagingSimulator.Acquisition a : Localizer.acquire(patient, settings)) slices.addAll(a.images());
        return slices;
    }

    /** Points on the mid-sagittal plane (head x = 0) spread over the brain, in scanner coordinates. */
    static List<Vec3> midSagittalPoints(VirtualPatient patient) {
        List<Vec3> points = new ArrayList<>();
        for (double y = -50; y <= 60; y += 27.5) for (double z = -10; z <= 50; z += 30) points.add(patient.pose().toScanner(new Vec3(0, y, z)));
        return points;
    }

    /** Centres of the brain voxels of a 4 mm scanner grid around the head. */
    static List<Vec3> brainPoints(VirtualPatient patient) {
        List<Vec3> points = new ArrayList<>();
        for (double x = -130; x <= 130; x += 4) {
            for (double y = -130; y <= 150; y += 4) {
                for (double z = -130; z <= 150; z += 4) {
                    Vec3 p = new Vec3(x, y, z);
                    if (patient.labelAt(p).brain) points.add(p);
                }
            }
        }
        return points;
    }
}
