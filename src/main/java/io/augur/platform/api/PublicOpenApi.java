package io.augur.platform.api;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The OpenAPI document on the public port, at {@code /api/openapi}, for the clients' generators: the operations
 * endpoints ({@code /q/openapi} among them) are on the management interface only, which callers outside the
 * cluster do not reach. The same document as {@code /q/openapi}: YAML, or JSON with {@code ?format=json} or
 * {@code Accept: application/json}. Not an operation of the document itself.
 */
public class PublicOpenApi {

    public static final String PATH = "/api/openapi";

    @Inject
    OpenApiDocumentService documents;

    void install(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        Format format = json(ctx) ? Format.JSON : Format.YAML;
        byte[] document = documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, format);
        ctx.response().putHeader("Content-Type", format == Format.JSON ? "application/json;charset=UTF-8"
                : "application/yaml;charset=UTF-8").end(io.vertx.core.buffer.Buffer.buffer(document));
    }

    private static boolean json(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        if (format != null) {
            return format.equalsIgnoreCase("json");
        }
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }
}
