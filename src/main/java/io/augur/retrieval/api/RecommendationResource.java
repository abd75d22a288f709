package io.augur.retrieval.api;

import io.augur.platform.auth.Computation;
import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.jobs.JobOperation;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.augur.retrieval.engine.recommendation.RecommendationEvaluation;
import io.augur.retrieval.engine.recommendation.UserRecommendations;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Top-k evaluation of recommendation lists against what users found relevant. */
@Computation
@Path("/api/v1/recommendations/evaluations")
@Tag(name = "recommendations", description = "Ranking quality and popularity bias of recommendation lists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// Request bodies are read by RequestBodies (Jackson outside RESTEasy): registered for a native image
@RegisterForReflection(targets = { RecommendationEvaluationRequest.class, RecommendationEvaluationRequest.UserList.class })
public class RecommendationResource implements JobOperation.Source {

    static final int DEFAULT_K = 10;

    static final String EXAMPLE = """
            {"lists": [{"user": "u1", "items": ["i1", "i2", "i3"]}, {"user": "u2", "items": ["i3", "i2", "i1"]},
                       {"user": "u3", "items": ["i4", "i1", "i2"]}],
             "relevance": {"u1": {"i1": 1, "i3": 2}, "u2": {"i2": 1}, "u3": {"i5": 1}},
             "popularity": {"i1": 120, "i2": 40, "i3": 5, "i4": 1},
             "catalog": ["i1", "i2", "i3", "i4", "i5"], "k": 3, "bootstrap": {"seed": 7}, "perUser": true}""";

    private final ComputePool compute;
    private final RequestBodies bodies;

    public RecommendationResource(ComputePool compute, RequestBodies bodies) {
        this.compute = compute;
        this.bodies = bodies;
    }

    @POST
    @Operation(operationId = "evaluateRecommendations", summary = "Evaluate recommendation lists at k",
            description = "Per user with at least one relevant item: P@k, R@k, nDCG@k (graded gains, log2 discount) and"
                    + " MRR@k; their means over users with percentile bootstrap intervals over users (`bootstrap`: rounds 1 to 100000,"
                    + " default 1000, seed 42). Beyond"
                    + " accuracy: item coverage of the catalogue, average recommendation popularity and the Gini index of"
                    + " recommendation counts. A list with an item twice, or an item outside the given catalogue, is a 400.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecommendationEvaluationRequest.class),
            examples = @ExampleObject(name = "three users", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The evaluation",
            content = @Content(schema = @Schema(implementation = RecommendationEvaluationResult.class)))
    @APIResponse(responseCode = "503", description = "Compute pool busy or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RecommendationEvaluationResult> evaluate(byte[] body) {
        return bodies.read(body, RecommendationEvaluationRequest.class).flatMap(request -> evaluate(request));
    }

    private Uni<RecommendationEvaluationResult> evaluate(RecommendationEvaluationRequest request) {
        int k = request.k() == null ? DEFAULT_K : request.k();
        BootstrapSettings.Used b = BootstrapSettings.resolve(request.bootstrap(), 1, BootstrapSettings.MAX_ROUNDS,
                "bootstrap.rounds");
        List<UserRecommendations> lists = request.lists().stream()
                .map(l -> new UserRecommendations(l.user(), l.items())).toList();
        Map<String, Long> popularity = request.popularity() == null ? Map.of() : request.popularity();
        List<String> catalog = request.catalog() == null ? List.of() : request.catalog();
        return compute.submit(() -> RecommendationEvaluation.evaluate(lists, request.relevance(), popularity,
                new LinkedHashSet<>(catalog), k, b.level(), b.seed(), b.rounds()))
                .map(r -> RecommendationEvaluationResult.of(r, b, Boolean.TRUE.equals(request.perUser())));
    }

    /** The operations of this resource that also run as jobs (POST /api/v1/jobs, or Prefer: respond-async). */
    @Override
    public List<JobOperation> jobOperations() {
        return List.of(
                JobOperation.of("evaluateRecommendations", "/api/v1/recommendations/evaluations", RecommendationEvaluationRequest.class,
                        this::evaluate));
    }
}
