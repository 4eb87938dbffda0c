package org.mrpilot.physics.random;

/**
 * A small deterministic generator (SplitMix64) whose output is fixed by this file alone, so exports stay
 * bit-identical for a seed across JDK versions (java.util generators do not promise that for Gaussians).
 */
public final class SeededRandom {
    private long state;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** A generator for one purpose of a seed, independent of the generators for other purposes. */
    public static SeededRandom derive(long seed, String purpose) {
        return new SeededRandom(mix(seed ^ mix(purpose.hashCode() * 0x9E3779B97F4A7C15L)));
    }

    /** SplitMix64 finaliser: a bijective 64-bit hash with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    public int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** Standard normal by Box-Muller (one value per call keeps the stream simple to reason about). */
    public double nextGaussian() {
        double u = 1.0 - nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * nextDouble());
    }

    /** |N(0, sigma^2)|, the half-normal distribution. */
    public double halfNormal(double sigma) {
        return Math.abs(nextGaussian()) * sigma;
    }

    /** Log-uniform in [low, high]. */
    public double logUniform(double low, double high) {
        return Math.exp(uniform(Math.log(low), Math.log(high)));
    }

    /**
     * An approximately standard-normal value that is a pure function of (key, index): the sum of four
     * uniforms (Irwin-Hall, rescaled to unit variance, bounded at +-3.46). Voxel-wise texture uses it so a
     * voxel's value never depends on which other voxels were asked for first.
     */
    public static double hashedGaussian(long key, long index) {
        long h = mix(key + index * 0x9E3779B97F4A7C15L);
        double sum = (h & 0xFFFF) + ((h >>> 16) & 0xFFFF) + ((h >>> 32) & 0xFFFF) + (h >>> 48);
        return (sum / 65536.0 - 2.0) * 1.7320508075688772;
    }
}
