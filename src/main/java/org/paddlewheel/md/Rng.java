package org.paddlewheel.md;

/**
 * xoshiro256** pseudo-random generator (Blackman &amp; Vigna 2018) seeded by SplitMix64, with
 * Box–Muller normal deviates. Its whole state (four longs and the spare normal) can be saved and
 * restored, so a resumed simulation draws exactly the numbers an uninterrupted one would.
 */
public final class Rng {
    private long s0, s1, s2, s3;
    private boolean hasSpare;
    private double spare;

    public Rng(long seed) {
        long z = seed;
        s0 = mix(z += 0x9E3779B97F4A7C15L);
        s1 = mix(z += 0x9E3779B97F4A7C15L);
        s2 = mix(z += 0x9E3779B97F4A7C15L);
        s3 = mix(z + 0x9E3779B97F4A7C15L);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long r = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return r;
    }

    /** Uniform in [0, 1). */
    public double nextDouble() { return (nextLong() >>> 11) * 0x1.0p-53; }

    /** Standard normal deviate (Box–Muller, pairs). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = 1.0 - nextDouble(), u2 = nextDouble();
        double r = Math.sqrt(-2 * Math.log(u1)), t = 2 * Math.PI * u2;
        spare = r * Math.sin(t);
        hasSpare = true;
        return r * Math.cos(t);
    }

    /** State: 4 longs, spare flag (0/1) and the spare's bits. */
    public long[] state() {
        return new long[] {s0, s1, s2, s3, hasSpare ? 1 : 0, Double.doubleToRawLongBits(spare)};
    }

    public void restore(long[] st) {
        s0 = st[0]; s1 = st[1]; s2 = st[2]; s3 = st[3];
        hasSpare = st[4] != 0;
        spare = Double.longBitsToDouble(st[5]);
    }
}
