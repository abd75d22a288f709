package io.augur.evaluation.api;

import io.augur.platform.audit.Audited;
import io.augur.evaluation.store.ModelRepository;
import io.augur.evaluation.store.ModelEntity;
import io.augur.platform.api.Page;
import io.augur.platform.auth.CallerContext;
import io.augur.platform.problem.Problem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Models: create, read, replace, delete, list (what they share with benchmarks is {@link Catalog}). */
@Path("/api/v1/models")
@Tag(name = "models", description = "The models that were evaluated")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Audited
public class ModelResource {

    private final Catalog<ModelInput, ModelEntity, Model> catalog;

    public ModelResource(ModelRepository repository, CallerContext caller) {
        this.catalog = new Catalog<>(repository.named(), caller, "/api/v1/models", ModelEntity::new, Model::apply, Model::of);
    }

    @POST
    @WithTransaction
    @Operation(operationId = "createModel", summary = "Create a model")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Model.class)))
    @APIResponse(responseCode = "409", description = "A model with this name exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@NotNull @Valid ModelInput input) {
        return catalog.create(input);
    }

    @POST
    @Path("batch")
    @WithTransaction
    @Operation(operationId = "createModels", summary = "Create many models at once, all or nothing",
            description = "Up to 10000 models in one transaction: a name given twice in the batch is a 400, a name already "
                    + "stored a 409 naming every such name, and then nothing is created.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = ModelInput.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "two", value = "[{\"name\": \"pythia-160m\", \"family\": \"pythia\", \"parameters\": 162322944}, {\"name\": \"pythia-410m\", \"family\": \"pythia\", \"parameters\": 405334016}]")))
    @APIResponse(responseCode = "201", description = "Created, in the order given", content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = Model.class)))
    @APIResponse(responseCode = "409", description = "Some names exist", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createAll(@NotNull @jakarta.validation.constraints.Size(min = 1, max = 10_000) List<@NotNull @Valid ModelInput> inputs) {
        return catalog.createAll(inputs);
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(operationId = "getModel", summary = "Read a model")
    @APIResponse(responseCode = "200", description = "The model", content = @Content(schema = @Schema(implementation = Model.class)))
    @APIResponse(responseCode = "404", description = "No such model", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Model> get(@PathParam("id") UUID id) {
        return catalog.get(id);
    }

    @PUT
    @Path("{id}")
    @WithTransaction
    @Operation(operationId = "replaceModel", summary = "Replace a model's fields")
    @APIResponse(responseCode = "200", description = "The updated model", content = @Content(schema = @Schema(implementation = Model.class)))
    @APIResponse(responseCode = "404", description = "No such model", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another model has this name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Model> replace(@PathParam("id") UUID id, @NotNull @Valid ModelInput input) {
        return catalog.replace(id, input);
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    @Operation(operationId = "deleteModel", summary = "Delete a model and its evaluations")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such model", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return catalog.delete(id);
    }

    @GET
    @WithSession
    @Operation(operationId = "listModels", summary = "List models", description = "Ordered by id; filter by name or family.")
    @APIResponse(responseCode = "200", description = "One page of models")
    public Uni<Page<Model>> list(
            @Parameter(description = "Exact name") @QueryParam("name") String name,
            @Parameter(description = "Exact family") @QueryParam("family") String family,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 1000") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Map<String, String> equal = new LinkedHashMap<>();
        equal.put("name", name);
        equal.put("family", family);
        return catalog.list(equal, cursor, limit);
    }
}
