package io.augur.platform.api;

import io.augur.platform.problem.Problem;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lets every operation take {@code Accept: application/problem+json}. Errors are always answered as
 * problem+json, whatever the Accept header (see ProblemMapper), so that type only says what the client can
 * read when things go wrong; generated clients send it, alone or beside the success type. Before routing,
 * it is taken out of the Accept list, and a list left empty becomes {@code *}{@code /*}: a success then
 * answers in its own media type. Other lists ({@code application/json, text/plain}, wildcards, q-values)
 * reach JAX-RS content negotiation unchanged.
 */
public class ContentNegotiation {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String accept = ctx.request().getHeader("Accept");
            if (accept != null) {
                String reduced = withoutProblem(accept);
                if (reduced != null) {
                    ctx.request().headers().set("Accept", reduced);
                }
            }
            ctx.next();
        });
    }

    /** The Accept header without problem+json, or null when it does not name problem+json. */
    static String withoutProblem(String accept) {
        List<String> kept = new ArrayList<>();
        boolean dropped = false;
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (type.equals(Problem.MEDIA_TYPE)) {
                dropped = true;
            } else if (!range.isBlank()) {
                kept.add(range.strip());
            }
        }
        if (!dropped) {
            return null;
        }
        return kept.isEmpty() ? "*/*" : String.join(", ", kept);
    }
}
