package io.augur.platform.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Latency distributions of the HTTP server and the compute pool: Prometheus histogram buckets
 * ({@code http_server_requests_seconds_bucket}, {@code augur_compute_time_seconds_bucket}) from 1 ms to 2 min, so
 * p95 and p99 per route can be computed across replicas with {@code histogram_quantile}, and the per-instance
 * p95/p99 as {@code quantile="0.95"} / {@code "0.99"} series. The route label is the route template only (see
 * {@link HttpOperations}).
 */
public class HttpMetrics {

    @Produces
    @Singleton
    MeterFilter latencyDistributions() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("http.server.requests") || id.getName().equals("augur.compute.time")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).percentiles(0.95, 0.99)
                            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                            .maximumExpectedValue((double) Duration.ofMinutes(2).toNanos()).build().merge(config);
                }
                return config;
            }
        };
    }
}
