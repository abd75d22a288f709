package io.augur.aggregate.api;

import io.augur.platform.api.BootstrapReport;
import io.augur.stats.Interval;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fraction of run x task scores above each tau, per system, with pointwise bands. */
@Schema(name = "PerformanceProfileResponse")
public record PerformanceProfileResponse(TableSummary table, BootstrapReport bootstrap, List<Double> taus,
        List<SystemProfile> systems) {

    @Schema(name = "SystemProfile")
    public record SystemProfile(@Schema(example = "SPR") String system, List<ProfilePoint> points) {
    }

    @Schema(name = "ProfilePoint", description = "Fraction of run x task scores strictly above tau, with its band")
    public record ProfilePoint(@Schema(example = "0.5") double tau, @Schema(example = "0.31") double fraction, Interval interval) {
    }
}
