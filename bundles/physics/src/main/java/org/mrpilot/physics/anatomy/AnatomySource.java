package org.mrpilot.physics.anatomy;

import java.util.Locale;

/** Where virtual patients' anatomy comes from. */
public enum AnatomySource {
    PROCEDURAL, ICBM152, BOTH;

    public static AnatomySource parse(String name) {
        for (AnatomySource s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(name)) return s;
        }
        throw new IllegalArgumentException("unknown anatomy source '" + name + "' (procedural, icbm152 or both)");
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
