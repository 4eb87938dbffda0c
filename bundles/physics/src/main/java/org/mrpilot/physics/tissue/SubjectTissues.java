package org.mrpilot.physics.tissue;

import org.mrpilot.physics.random.SeededRandom;

/**
 * One virtual subject's tissue values (seed 001 section 4.2): each tissue's parameters drawn once per subject
 * from the normal distributions of the library, then varied per voxel by independent Gaussian texture.
 */
public final class SubjectTissues {
    /**
     * Relative voxel-wise spread. Section 4.2 adds voxel-wise Gaussian noise without giving its size; 5 % keeps
     * tissues distinct while giving the maps intra-tissue variation to recover.
     */
    public static final double VOXEL_CV = 0.05;
    /** Draws are truncated at this fraction of the mean so no time or density becomes zero or negative. */
    private static final double FLOOR_FRACTION = 0.2;

    private final double[][] means = new double[Tissue.values().length][Parameter.values().length];
    private final long voxelKey;

    public SubjectTissues(TissueLibrary library, long seed) {
        SeededRandom random = SeededRandom.derive(seed, "tissues");
        for (Tissue t : Tissue.values()) {
            TissueProperties p = library.get(t);
            double[] row = means[t.ordinal()];
            row[Parameter.PD.ordinal()] = draw(random, p.pdMean(), p.pdSd());
            row[Parameter.T1.ordinal()] = draw(random, p.t1MeanS(), p.t1SdS());
            row[Parameter.T2.ordinal()] = draw(random, p.t2MeanS(), p.t2SdS());
            // Drawn independently, but T2* can never exceed T2.
            row[Parameter.T2_STAR.ordinal()] = Math.min(draw(random, p.t2StarMeanS(), p.t2StarSdS()), row[Parameter.T2.ordinal()]);
        }
        voxelKey = SeededRandom.derive(seed, "voxel texture").nextLong();
    }

    private static double draw(SeededRandom random, double mean, double sd) {
        return Math.max(FLOOR_FRACTION * mean, mean + sd * random.nextGaussian());
    }

    /** This subject's mean value of a parameter in a tissue. */
    public double mean(Tissue tissue, Parameter parameter) {
        return means[tissue.ordinal()][parameter.ordinal()];
    }

    /**
     * The value at one voxel: the subject mean times (1 + VOXEL_CV * g), g a unit Gaussian that depends only on
     * (subject, voxel, parameter). T2* is capped by the voxel's T2.
     */
    public double voxelValue(Tissue tissue, Parameter parameter, long voxel) {
        double v = mean(tissue, parameter) * (1 + VOXEL_CV * SeededRandom.hashedGaussian(voxelKey + parameter.ordinal(), voxel));
        if (parameter == Parameter.T2_STAR) v = Math.min(v, voxelValue(tissue, Parameter.T2, voxel));
        return v;
    }
}
