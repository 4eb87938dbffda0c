package org.mrpilot.physics.anatomy;

import org.mrpilot.physics.random.SeededRandom;

/** Supplies the anatomy of the n-th virtual subject of a seeded collection from one source. */
public final class AnatomyFactory {
    private final AnatomySource source;

    public AnatomyFactory(AnatomySource source) {
        if (source != AnatomySource.PROCEDURAL) throw new IllegalArgumentException("anatomy source " + source.lowerName() + " is not available yet");
        this.source = source;
    }

    public AnatomySource source() {
        return source;
    }

    /** The anatomy of subject {@code index} of the collection {@code seed}. */
    public Anatomy anatomy(long seed, int index) {
        return ProceduralHead.generate(subjectSeed(seed, index));
    }

    public static long subjectSeed(long seed, int index) {
        return SeededRandom.mix(SeededRandom.derive(seed, "anatomy").nextLong() + index);
    }
}
