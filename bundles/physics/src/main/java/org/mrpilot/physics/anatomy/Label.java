package org.mrpilot.physics.anatomy;

import org.mrpilot.physics.tissue.Tissue;

/**
 * Voxel labels of a virtual patient; the code is the byte stored in label volumes and exported datasets.
 * Labels map onto tissues; the eye's vitreous has no row in Table 1 and takes CSF's (free-water) values.
 */
public enum Label {
    BACKGROUND(0, null, false),
    CSF(1, Tissue.CSF, true),
    GREY_MATTER(2, Tissue.GREY_MATTER, true),
    WHITE_MATTER(3, Tissue.WHITE_MATTER, true),
    FAT(4, Tissue.FAT, false),
    MUSCLE(5, Tissue.MUSCLE, false),
    SKIN(6, Tissue.SKIN, false),
    SKULL(7, Tissue.SKULL, false),
    VESSEL(8, Tissue.VESSEL, false),
    MARROW(9, Tissue.MARROW, false),
    EYE(10, Tissue.CSF, false);

    private static final Label[] BY_CODE = values();

    public final byte code;
    /** Null for background (air): no signal. */
    public final Tissue tissue;
    /** Part of the brain mask (intracranial CSF, grey and white matter). */
    public final boolean brain;

    Label(int code, Tissue tissue, boolean brain) {
        this.code = (byte) code;
        this.tissue = tissue;
        this.brain = brain;
    }

    public static Label of(byte code) {
        if (code < 0 || code >= BY_CODE.length) throw new IllegalArgumentException("no label with code " + code);
        return BY_CODE[code];
    }

    public String lowerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
