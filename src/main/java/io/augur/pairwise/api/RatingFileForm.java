package io.augur.pairwise.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.pipeline.Uploads;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;

/** A battle file to rate, with the bootstrap options of its intervals as form fields (see {@link BattleFileForm}). */
public abstract class RatingFileForm extends BattleFileForm {

    @RestForm
    @Schema(type = SchemaType.INTEGER, format = "int32", description = "Bootstrap rounds, 2 to 10000; default 1000", example = "100")
    public String rounds;

    @RestForm
    @Schema(type = SchemaType.INTEGER, format = "int64", description = "Seed; default 42", example = "42")
    public String seed;

    @RestForm
    @Schema(type = SchemaType.NUMBER, format = "double", description = "Confidence level in (0, 1); default 0.95", example = "0.95")
    public String level;

    /** The bootstrap settings, defaults filled in; a bad field is a 400 naming it. */
    BootstrapSettings.Used bootstrap() {
        Long r = Uploads.integer("rounds", rounds, 2, LeaderboardResource.MAX_ROUNDS);
        return BootstrapSettings.resolve(r == null ? null : r.intValue(),
                Uploads.integer("seed", seed, Long.MIN_VALUE, Long.MAX_VALUE),
                Uploads.number("level", level, 0, false, 1, false), 2, LeaderboardResource.MAX_ROUNDS, "rounds");
    }
}
