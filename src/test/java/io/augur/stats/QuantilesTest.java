package io.augur.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void matchesNumpyLinearPercentiles() {
        double[] x = {7, 1, 3, 10, 4};
        // numpy.percentile([7,1,3,10,4], [0, 25, 50, 90, 100]) = 1, 3, 4, 8.8, 10
        assertEquals(1.0, Quantiles.of(x, 0.0), 1e-12);
        assertEquals(3.0, Quantiles.of(x, 0.25), 1e-12);
        assertEquals(4.0, Quantiles.of(x, 0.5), 1e-12);
        assertEquals(8.8, Quantiles.of(x, 0.9), 1e-12);
        assertEquals(10.0, Quantiles.of(x, 1.0), 1e-12);
    }

    @Test
    void percentileIntervalUsesBothTails() {
        double[] reps = new double[101];
        for (int i = 0; i <= 100; i++) {
            reps[100 - i] = i;
        }
        Interval ci = Quantiles.percentileInterval(reps, 0.9, "test");
        assertEquals(5.0, ci.lower(), 1e-12);
        assertEquals(95.0, ci.upper(), 1e-12);
    }

    @Test
    void streamsAreReproducibleAndDistinct() {
        assertEquals(RandomStreams.stream(42, 3).nextLong(), RandomStreams.stream(42, 3).nextLong());
        assertNotEquals(RandomStreams.stream(42, 3).nextLong(), RandomStreams.stream(42, 4).nextLong());
        assertNotEquals(RandomStreams.of(1).nextLong(), RandomStreams.of(2).nextLong());
    }
}
