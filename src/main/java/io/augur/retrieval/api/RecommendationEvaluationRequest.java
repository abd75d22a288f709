package io.augur.retrieval.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.validation.Finite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Recommendation lists per user and what each user found relevant. */
@Schema(name = "RecommendationEvaluationRequest", description = "Ranked recommendation lists per user, graded relevance"
        + " per user, and optionally item popularity and the catalogue")
public record RecommendationEvaluationRequest(
        @NotNull @Size(min = 1) @Schema(required = true, description = "One ranked list per user, best first")
        List<@NotNull @Valid UserList> lists,
        @NotNull @Schema(required = true, description = "Per user, item to gain (> 0 is relevant; graded gains feed nDCG)",
                example = "{\"u1\": {\"i1\": 1, \"i3\": 2}, \"u2\": {\"i2\": 1}}")
        Map<@NotBlank String, @NotNull Map<@NotBlank String, @NotNull @Finite Double>> relevance,
        @Schema(description = "Item to interaction count in training, for popularity bias (absent items count 0)",
                example = "{\"i1\": 120, \"i2\": 40, \"i3\": 5, \"i4\": 1}")
        Map<@NotBlank String, @NotNull @PositiveOrZero Long> popularity,
        @Schema(description = "Every recommendable item, for coverage (default: the items named anywhere in the request)",
                example = "[\"i1\", \"i2\", \"i3\", \"i4\", \"i5\"]") List<@NotBlank String> catalog,
        @Min(1) @Max(100_000) @Schema(description = "Cutoff k (default 10)", example = "3") Integer k,
        @Valid BootstrapSettings bootstrap,
        @Schema(description = "Also report each user (default false)", example = "true") Boolean perUser) {

    @Schema(name = "UserRecommendationList")
    public record UserList(
            @NotBlank @Schema(required = true, example = "u1") String user,
            @NotNull @Schema(required = true, description = "Recommended items, best first", example = "[\"i1\", \"i2\", \"i3\"]")
            List<@NotBlank String> items) {
    }
}
