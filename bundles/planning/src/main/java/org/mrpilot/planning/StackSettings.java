package org.mrpilot.planning;

/**
 * How the planned stacks are cut: slice thickness and gap, in-plane matrix, and the margin added around the brain on
 * every side (through-plane and in-plane) so small landmark errors do not clip it.
 */
public record StackSettings(double thicknessMm, double gapMm, int matrix, double marginMm) {
    public static final StackSettings DEFAULT = new StackSettings(4, 1, 256, 8);

    public StackSettings {
        if (!(thicknessMm > 0 && thicknessMm <= 20)) throw new IllegalArgumentException("thickness must be in (0, 20] mm, got " + thicknessMm);
        if (!(gapMm >= 0 && gapMm <= 20)) throw new IllegalArgumentException("gap must be 0-20 mm, got " + gapMm);
        if (matrix < 32 || matrix > 1024) throw new IllegalArgumentException("matrix must be 32-1024, got " + matrix);
        if (!(marginMm >= 0 && marginMm <= 50)) throw new IllegalArgumentException("margin must be 0-50 mm, got " + marginMm);
    }
}
