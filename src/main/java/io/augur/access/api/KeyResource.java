package io.augur.access.api;

import io.augur.platform.api.Page;
import io.augur.platform.audit.Audited;
import io.augur.platform.auth.Access;
import io.augur.platform.auth.AccessStore;
import io.augur.platform.auth.CallerContext;
import io.augur.platform.auth.Workspace;
import io.augur.platform.auth.KeySecrets;
import io.augur.platform.auth.Role;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API keys of the caller's workspace (admin only): create (the key is in the answer this once, then only its
 * salted hash is kept), list, read, revoke. A revoked key is refused at once on this replica and within
 * augur.auth.key-cache (5 s by default) on the others.
 */
@Path("/api/v1/keys")
@Audited
@Access(Role.ADMIN)
@Tag(name = "keys", description = "API keys of the caller's workspace (admin)")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RegisterForReflection(targets = { ApiKeyInput.class })
public class KeyResource {

    private final AccessStore store;
    private final CallerContext caller;
    private final RequestBodies bodies;

    public KeyResource(AccessStore store, CallerContext caller, RequestBodies bodies) {
        this.store = store;
        this.caller = caller;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createKey", summary = "Create an API key (shown once)",
            description = "The answer holds the key itself, the only time it is shown; store it then.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiKeyInput.class),
            examples = @ExampleObject(name = "writer key", value = """
                    {"name": "nightly evaluation import", "role": "writer"}""")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = NewApiKey.class)))
    public Uni<Response> create(byte[] body) {
        Workspace workspace = caller.workspace();
        return bodies.read(body, ApiKeyInput.class).flatMap(in -> {
            String key = KeySecrets.newKey();
            return store.createKey(workspace, in.name().strip(), Role.of(in.role()), in.requestsPerSecond(),
                    in.maxComputations(), key).map(k -> Response.created(URI.create("/api/v1/keys/" + k.id()))
                            .entity(new NewApiKey(key, ApiKey.of(k))).build());
        });
    }

    @GET
    @Operation(operationId = "listKeys", summary = "List the workspace's API keys", description = "Ordered by creation; revoked keys included.")
    @APIResponse(responseCode = "200", description = "One page of keys")
    public Uni<Page<ApiKey>> list(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 1000") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Workspace workspace = caller.workspace();
        return store.keys(workspace, Page.after(cursor), limit)
                .map(rows -> Page.of(rows, limit, AccessStore.Paged::cursor, r -> ApiKey.of(r.item())));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getKey", summary = "Read an API key (not its secret)")
    @APIResponse(responseCode = "200", description = "The key", content = @Content(schema = @Schema(implementation = ApiKey.class)))
    @APIResponse(responseCode = "404", description = "No such key in this workspace", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ApiKey> get(@PathParam("id") UUID id) {
        Workspace workspace = caller.workspace();
        return store.key(workspace, id).map(ApiKey::of);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeKey", summary = "Revoke an API key", description = "Idempotent; the key stays listed with its revokedAt.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key in this workspace", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> revoke(@PathParam("id") UUID id) {
        Workspace workspace = caller.workspace();
        return store.revoke(workspace, id).map(h -> Response.noContent().build());
    }
}
