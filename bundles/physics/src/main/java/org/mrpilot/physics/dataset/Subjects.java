package org.mrpilot.physics.dataset;

import java.io.IOException;
import org.mrpilot.physics.anatomy.Anatomy;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.physics.random.SeededRandom;

/**
 * The virtual patients of a dataset, in order: sample p is a fresh subject (tissue values, B map, pose) on anatomy
 * p / perAnatomy, so anatomy generation (about a second) is shared by several samples. Walk it in order.
 */
final class Subjects {
    private final AnatomyFactory anatomies;
    private final long seed;
    private final int perAnatomy;
    private final String kind;
    private Anatomy anatomy;
    private int anatomyIndex = -1;

    Subjects(AnatomyFactory anatomies, long seed, int perAnatomy, String kind) {
        this.anatomies = anatomies;
        this.seed = seed;
        this.perAnatomy = perAnatomy;
        this.kind = kind;
    }

    VirtualPatient patient(int sample, double fieldStrengthT) throws IOException {
        int index = sample / perAnatomy;
        if (index != anatomyIndex) {
            anatomy = anatomies.anatomy(seed, index);
            anatomyIndex = index;
        }
        return VirtualPatient.create(anatomy, patientSeed(sample), fieldStrengthT);
    }

    long patientSeed(int sample) {
        return SeededRandom.mix(SeededRandom.derive(seed, kind + " patient").nextLong() + sample);
    }
}
