package io.augur.platform.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per second per caller: a token bucket per quota key (Turner's leaky bucket as a meter, RFC 2697's
 * single-rate scheme without colours). A bucket holds at most {@code max(1, rate * burstSeconds)} tokens,
 * refills at {@code rate} per second and starts full; a request takes one token, or is refused with the
 * seconds until one is back. Counted per replica: n replicas admit up to n times the rate.
 */
final class RateLimiter {

    private static final int MAX_BUCKETS = 100_000;

    private final double burstSeconds;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double burstSeconds, LongSupplier nanos) {
        this.burstSeconds = burstSeconds;
        this.nanos = nanos;
    }

    /** 0 when the request may go ahead, else the whole seconds (at least 1) until it may be retried. */
    long acquire(String key, double ratePerSecond) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear(); // a flood of distinct keys: forgetting buckets only makes the limit more lenient
        }
        double capacity = Math.max(1, ratePerSecond * burstSeconds);
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanos.getAsLong()));
        synchronized (b) {
            long now = nanos.getAsLong();
            b.tokens = Math.min(capacity, b.tokens + (now - b.last) / 1e9 * ratePerSecond);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / ratePerSecond));
        }
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }
}
