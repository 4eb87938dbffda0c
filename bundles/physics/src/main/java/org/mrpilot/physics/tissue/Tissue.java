package org.mrpilot.physics.tissue;

/** Tissue classes of the virtual patients (rows of Table 1 of the RIM paper, seed 001). */
public enum Tissue {
    CSF, GREY_MATTER, WHITE_MATTER, FAT, MUSCLE, SKIN, SKULL, VESSEL, MARROW
}
