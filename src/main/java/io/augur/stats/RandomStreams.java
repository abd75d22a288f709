package io.augur.stats;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible random streams. One user-visible seed gives a root stream, and stream {@code i} of a
 * seed (for bootstrap round i, or worker i) is independent of how many threads run the rounds, so a
 * parallel bootstrap returns the same answer as a sequential one. Sub-seeds are derived with the
 * SplitMix64 finaliser (Steele, Lea and Flood 2014), the generator is xoroshiro128++ (Blackman and
 * Vigna 2021) from Commons RNG.
 */
public final class RandomStreams {

    private RandomStreams() {
    }

    /** The root generator of a seed. */
    public static UniformRandomProvider of(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {mix(seed), mix(seed ^ 0x9E3779B97F4A7C15L)});
    }

    /** Stream number {@code index} of a seed: independent of the other streams of the same seed. */
    public static UniformRandomProvider stream(long seed, long index) {
        long s = mix(seed + 0x9E3779B97F4A7C15L * (index + 1));
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {mix(s), mix(s ^ 0xD1B54A32D192ED03L)});
    }

    /** SplitMix64 finaliser: a bijective scrambling of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
