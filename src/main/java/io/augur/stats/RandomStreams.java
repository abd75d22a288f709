package io.augur.stats;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Reproducible random streams. One user-visible seed gives a root stream, and stream {@code i} of a
 * seed (for bootstrap round i, or worker i) is independent of how many threads run the rounds, so a
 * parallel bootstrap returns the same answer as a sequential one. Sub-seeds are derived with the
 * SplitMix64 finaliser (Steele, Lea and Flood 2014), the generator is xoroshiro128++ (Blackman and
 * Vigna 2021) from Commons RNG core.
 */
public final class RandomStreams {

    private RandomStreams() {
    }

    /** The root generator of a seed. */
    public static UniformRandomProvider of(long seed) {
        return generator(mix(seed), mix(seed ^ 0x9E3779B97F4A7C15L));
    }

    /** Stream number {@code index} of a seed: independent of the other streams of the same seed. */
    public static UniformRandomProvider stream(long seed, long index) {
        long s = mix(seed + 0x9E3779B97F4A7C15L * (index + 1));
        return generator(mix(s), mix(s ^ 0xD1B54A32D192ED03L));
    }

    /**
     * Built with its constructor rather than RandomSource.create, which instantiates generators by
     * reflection (a native image would need them registered). A zero state cannot occur in practice
     * (both words would have to be zero), but is guarded anyway.
     */
    private static UniformRandomProvider generator(long s0, long s1) {
        return new XoRoShiRo128PlusPlus(s0, (s0 | s1) == 0 ? 0x9E3779B97F4A7C15L : s1);
    }

    /** SplitMix64 finaliser: a bijective scrambling of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
