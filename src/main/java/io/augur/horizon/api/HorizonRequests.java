package io.augur.horizon.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request records of the horizon endpoints. */
public final class HorizonRequests {

    private HorizonRequests() {
    }

    public static final int MAX_RUNS = 1_000_000;

    @Schema(name = "AgentRunInput", description = "One agent run, in METR's terms")
    public record Run(
            @NotBlank @Size(max = 500) @Schema(required = true, description = "Agent (METR's alias)", example = "o1") String agent,
            @NotBlank @Size(max = 500) @Schema(required = true, description = "Task id", example = "crossword/5x5_verify") String taskId,
            @NotBlank @Size(max = 500) @Schema(required = true, description = "Task family", example = "crossword") String taskFamily,
            @Size(max = 500) @Schema(description = "Run id (orders runs canonically)", example = "r1") String runId,
            @NotNull @Finite @Schema(required = true, description = "Minutes a human expert needs, above 0", example = "12.5") Double humanMinutes,
            @NotNull @Finite @Schema(required = true, description = "Score in [0, 1] (METR fits score_binarized)", example = "1") Double score,
            @Finite @Schema(description = "Weight (METR's invsqrt_task_weight); required unless weighting computes it", example = "0.02") Double weight) {
    }

    @Schema(name = "TimeHorizonsRequest", description = "Agent runs and the fit's settings (METR's defaults)")
    public record TimeHorizons(
            @NotNull @Size(min = 1, max = MAX_RUNS) @Schema(required = true, description = "The runs") List<@NotNull @Valid Run> runs,
            @Finite @DecimalMin(value = "0", inclusive = false) @Schema(description = "L2 penalty on the slope (sklearn C = 1 / this); default 0.1", example = "0.1") Double regularization,
            @Size(max = 20) @Schema(description = "Success levels of the horizons, each in (0, 1); default [0.5, 0.8]", example = "[0.5, 0.8]") List<@NotNull @Finite Double> successLevels,
            @Pattern(regexp = "given|invsqrt-task-family|equal-task", message = "must be given, invsqrt-task-family or equal-task")
            @Schema(description = "given (default: each run's weight), invsqrt-task-family (computed as METR does) or equal-task", example = "given") String weighting,
            @Schema(description = "What to do with an agent whose runs all succeed or all fail: reject (default, 400) or report (its horizon is reported unbounded, without a number)", example = "reject")
            @Pattern(regexp = "reject|report", message = "must be reject or report") String degenerateAgents,
            @Valid BootstrapSettings bootstrap) {
    }

    @Schema(name = "ModelHorizonInput", description = "A model's 50% horizon and release date")
    public record ModelPoint(
            @NotBlank @Size(max = 500) @Schema(required = true, example = "o1") String model,
            @NotNull @Schema(required = true, example = "2024-12-05") LocalDate releaseDate,
            @NotNull @Finite @Schema(required = true, description = "Horizon in human minutes, above 0", example = "39.2") Double minutes) {
    }

    @Schema(name = "HorizonTrendRequest", description = "Models' horizons and release dates; what to fit and forecast")
    public record Trend(
            @NotNull @Size(min = 2, max = 10_000) @Schema(required = true) List<@NotNull @Valid ModelPoint> models,
            @Schema(description = "Fit only METR's frontier (a model whose horizon is at least the best released on or before its date); default true", example = "true") Boolean frontierOnly,
            @Schema(description = "Only models released on or after this date (METR: 2019-01-01)", example = "2019-01-01") LocalDate releasedOnOrAfter,
            @Schema(description = "Only models released before this date", example = "2025-03-01") LocalDate releasedBefore,
            @Size(max = 20) @Schema(description = "Horizons (minutes) whose date of reaching to forecast", example = "[480]") List<@NotNull @Finite Double> targetMinutes,
            @Schema(description = "Backtest: fit on models released before this date, predict the later ones", example = "2024-06-01") LocalDate backtestCutoff,
            @Valid BootstrapSettings bootstrap) {
    }
}
