package org.mrpilot.planning;

/**
 * The fixed low-resolution grid the nets see: {@code size}^3 voxels of {@code spacingMm}, axes L, P, S, centred on
 * the localizer's centre. 64 x 4 mm = 256 mm holds any adult head at any pose the localizer can see.
 */
public record CanonicalGrid(int size, double spacingMm) {
    public static final CanonicalGrid DEFAULT = new CanonicalGrid(64, 4);

    public CanonicalGrid {
        if (size < 8 || size > 256) throw new IllegalArgumentException("canonical grid size must be 8-256, got " + size);
        if (!(spacingMm >= 0.5 && spacingMm <= 16)) throw new IllegalArgumentException("canonical spacing must be 0.5-16 mm, got " + spacingMm);
    }

    public int voxels() {
        return size * size * size;
    }
}
