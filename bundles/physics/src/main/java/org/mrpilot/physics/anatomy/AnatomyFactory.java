package org.mrpilot.physics.anatomy;

import java.io.IOException;
import java.nio.file.Path;
import org.mrpilot.physics.random.SeededRandom;

/**
 * Supplies the anatomy of the n-th virtual subject of a seeded collection. Procedural subjects differ per index;
 * ICBM152 subjects all share the one template anatomy (they differ in pose and tissue values); BOTH alternates,
 * even indices procedural, odd ones ICBM152.
 */
public final class AnatomyFactory {
    private final AnatomySource source;
    private final Path icbmDir;
    private Anatomy icbm;

    /** @param icbmDir ICBM152 template folder, or null to look in the project's .venv */
    public AnatomyFactory(AnatomySource source, Path icbmDir) {
        this.source = source;
        this.icbmDir = icbmDir;
    }

    public AnatomySource source() {
        return source;
    }

    /** The anatomy of subject {@code index} of the collection {@code seed}. */
    public Anatomy anatomy(long seed, int index) throws IOException {
        boolean template = source == AnatomySource.ICBM152 || (source == AnatomySource.BOTH && index % 2 == 1);
        return template ? icbm() : ProceduralHead.generate(subjectSeed(seed, index));
    }

    private synchronized Anatomy icbm() throws IOException {
        if (icbm == null) icbm = Icbm152Templates.load(Icbm152Templates.locate(icbmDir));
        return icbm;
    }

    public static long subjectSeed(long seed, int index) {
        return SeededRandom.mix(SeededRandom.derive(seed, "anatomy").nextLong() + index);
    }
}
