package io.augur.access.api;

import io.augur.platform.api.Page;
import io.augur.platform.audit.Audited;
import io.augur.platform.auth.Access;
import io.augur.platform.auth.AccessStore;
import io.augur.platform.auth.CallerContext;
import io.augur.platform.auth.KeySecrets;
import io.augur.platform.auth.Role;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Workspaces: the caller's own (any role), and for admins the list and the creation of new ones, each with its
 * first admin key (shown once), which is then the only way into it: an admin of one workspace can create
 * another but sees none of its data.
 */
@Path("/api/v1/workspaces")
@Audited
@Tag(name = "workspaces", description = "Workspaces: every stored resource belongs to one")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RegisterForReflection(targets = { WorkspaceInput.class })
public class WorkspaceResource {

    private final AccessStore store;
    private final CallerContext caller;
    private final RequestBodies bodies;

    public WorkspaceResource(AccessStore store, CallerContext caller, RequestBodies bodies) {
        this.store = store;
        this.caller = caller;
        this.bodies = bodies;
    }

    @GET
    @Path("current")
    @Operation(operationId = "getCurrentWorkspace", summary = "The caller's workspace")
    @APIResponse(responseCode = "200", description = "The workspace the caller's key or token acts in", content = @Content(schema = @Schema(implementation = WorkspaceView.class)))
    public WorkspaceView current() {
        var w = caller.workspace();
        return new WorkspaceView(w.publicId(), w.name(), null);
    }

    @GET
    @Access(Role.ADMIN)
    @Operation(operationId = "listWorkspaces", summary = "List workspaces (admin)", description = "Ordered by creation.")
    @APIResponse(responseCode = "200", description = "One page of workspaces")
    public Uni<Page<WorkspaceView>> list(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 1000") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return store.workspaces(Page.after(cursor), limit).map(rows -> Page.of(rows, limit, AccessStore.Paged::cursor,
                r -> new WorkspaceView(r.item().id(), r.item().name(), r.item().createdAt())));
    }

    @POST
    @Access(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWorkspace", summary = "Create a workspace with its first admin key (admin)",
            description = "The answer holds the new workspace's admin key, the only time it is shown.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkspaceInput.class),
            examples = @ExampleObject(name = "workspace", value = """
                    {"name": "vision-team"}""")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = NewWorkspace.class)))
    @APIResponse(responseCode = "409", description = "A workspace with this name exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(byte[] body) {
        return bodies.read(body, WorkspaceInput.class).flatMap(in -> {
            String key = KeySecrets.newKey();
            return store.createWorkspace(in.name().strip(), key).map(c -> {
                WorkspaceView w = new WorkspaceView(c.workspace().id(), c.workspace().name(),
                        c.workspace().createdAt());
                return Response.status(Response.Status.CREATED)
                        .entity(new NewWorkspace(w, new NewApiKey(key, ApiKey.of(c.adminKey())))).build();
            });
        });
    }
}
