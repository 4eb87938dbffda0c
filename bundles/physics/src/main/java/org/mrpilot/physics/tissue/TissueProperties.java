package org.mrpilot.physics.tissue;

/**
 * Between-subject distribution of one tissue's parameters: means and standard deviations, seconds for times,
 * proton density A as a fraction of CSF's.
 */
public record TissueProperties(Tissue tissue, double t1MeanS, double t1SdS, double t2MeanS, double t2SdS,
                               double t2StarMeanS, double t2StarSdS, double pdMean, double pdSd) {
    public TissueProperties {
        if (!(t1MeanS > 0 && t2MeanS > 0 && t2StarMeanS > 0 && pdMean > 0)) throw new IllegalArgumentException("means must be positive for " + tissue);
        if (t1SdS < 0 || t2SdS < 0 || t2StarSdS < 0 || pdSd < 0) throw new IllegalArgumentException("spreads must be non-negative for " + tissue);
    }
}
