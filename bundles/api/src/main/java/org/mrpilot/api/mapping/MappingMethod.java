package org.mrpilot.api.mapping;

/** How maps are estimated. */
public enum MappingMethod {
    /** Recurrent inference machine through the inference service; falls back to MLE when the model is unavailable. */
    RIM,
    /** Voxel-wise maximum-likelihood fit (Gaussian noise). */
    MLE
}
