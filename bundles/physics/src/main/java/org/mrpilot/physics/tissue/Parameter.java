package org.mrpilot.physics.tissue;

/** Tissue parameters that vary per subject and per voxel. Times in seconds; PD (A) relative to CSF. */
public enum Parameter {
    PD, T1, T2, T2_STAR
}
