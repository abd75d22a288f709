package io.augur.pairwise.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A batch of battles to append to an arena: all or nothing. */
@Schema(name = "AppendBattlesInput", description = "A batch of up to 10000 battles, stored all or nothing")
public record AppendBattlesInput(
        @NotEmpty @Size(max = ArenaResource.MAX_BATCH) @Schema(required = true)
        List<@NotNull @Valid ArenaBattleInput> battles) {
}
