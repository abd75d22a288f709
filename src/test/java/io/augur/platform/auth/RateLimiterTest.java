package io.augur.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves: burst, refill at the rate, Retry-After in whole seconds. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThenTheRateWithTheWaitUntilTheNextToken() {
        AtomicLong now = new AtomicLong(5 * SECOND);
        RateLimiter limiter = new RateLimiter(2, now::get); // bursts of 2 s worth
        for (int i = 0; i < 20; i++) { // 10 per second: a full bucket holds 20
            assertEquals(0, limiter.acquire("k", 10), "request " + i);
        }
        assertEquals(1, limiter.acquire("k", 10)); // 0.1 s until one token: rounded up to 1 s
        now.addAndGet(SECOND / 2); // half a second: 5 tokens back
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.acquire("k", 10));
        }
        assertEquals(1, limiter.acquire("k", 10));
        // another key has its own bucket
        assertEquals(0, limiter.acquire("other", 10));
    }

    @Test
    void aSlowRateHoldsOneTokenAndSaysHowLongToWait() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, now::get);
        assertEquals(0, limiter.acquire("k", 0.1)); // capacity max(1, 0.2) = 1
        assertEquals(10, limiter.acquire("k", 0.1)); // one token per 10 s
        now.addAndGet(4 * SECOND);
        assertEquals(6, limiter.acquire("k", 0.1));
        now.addAndGet(6 * SECOND);
        assertEquals(0, limiter.acquire("k", 0.1));
    }
}
