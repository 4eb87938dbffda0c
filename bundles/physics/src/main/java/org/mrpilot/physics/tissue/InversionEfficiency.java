package org.mrpilot.physics.tissue;

import org.mrpilot.physics.random.SeededRandom;

/**
 * The inversion-efficiency factor B of |A(1 - B e^(-TI/T1))| as a map. Seed 001 draws B = 2 - Gamma per patch,
 * Gamma half-normal with sigma 0.2, independent of tissue. We keep that draw per subject and let it vary
 * smoothly in space by up to +-15 % of Gamma (a transmit-field-like variation over ~20 cm), so a B map is
 * not always flat; B never exceeds 2 (perfect inversion).
 */
public final class InversionEfficiency {
    public static final double GAMMA_SIGMA = 0.2;
    private static final double SPATIAL_FRACTION = 0.15;
    private static final double WAVELENGTH_MM = 200;

    private final double gamma;
    private final double[] phases = new double[3];
    private final double[] direction = new double[3];

    public InversionEfficiency(long seed) {
        SeededRandom random = SeededRandom.derive(seed, "inversion efficiency");
        gamma = random.halfNormal(GAMMA_SIGMA);
        for (int i = 0; i < 3; i++) {
            phases[i] = random.uniform(0, 2 * Math.PI);
            direction[i] = random.uniform(0.5, 1.5);
        }
    }

    /** The subject's Gamma (B = 2 - Gamma where the spatial variation is zero). */
    public double gamma() {
        return gamma;
    }

    /** B at a point in head coordinates (mm). */
    public double at(double xMm, double yMm, double zMm) {
        double k = 2 * Math.PI / WAVELENGTH_MM;
        double s = (Math.sin(k * direction[0] * xMm + phases[0]) + Math.sin(k * direction[1] * yMm + phases[1])
                + Math.sin(k * direction[2] * zMm + phases[2])) / 3;
        return Math.min(2.0, 2.0 - gamma * (1 + SPATIAL_FRACTION * s));
    }
}
