package io.augur.pairwise.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A top-1 choice: {@code chosen} was preferred to every model in {@code others}. */
@Schema(name = "ChoiceInput", description = "A top-1 choice of one model out of a set")
public record ChoiceInput(
        @NotBlank @Schema(required = true, example = "gpt-4") String chosen,
        @NotEmpty @Schema(required = true, example = "[\"claude-2\", \"llama-2-70b\"]") List<String> others) {
}
