package io.augur.aggregate.api;

import io.augur.platform.auth.Computation;
import io.augur.platform.jobs.JobOperation;
import java.util.List;
import io.augur.aggregate.engine.RankAgreement;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agreement between two rankings of the same systems: Kendall tau-b and Spearman rho. */
@Computation
@Path("/api/v1/rankings")
@Tag(name = "rankings", description = "Compare rankings of systems")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input, naming the field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Compute pool full or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// Request bodies are read by RequestBodies (Jackson outside RESTEasy): registered for a native image
@RegisterForReflection(targets = { RankAgreementRequest.class })
public class RankAgreementResource implements JobOperation.Source {

    private final ComputePool compute;
    private final RequestBodies bodies;

    public RankAgreementResource(ComputePool compute, RequestBodies bodies) {
        this.compute = compute;
        this.bodies = bodies;
    }

    @POST
    @Path("agreement")
    @Operation(operationId = "computeRankAgreement", summary = "Kendall tau-b and Spearman rho between two rankings",
            description = "Each ranking maps every system to a value that orders it: scores, or positions (1 = best); both "
                    + "rankings must cover the same systems (at least two) and be oriented the same way. Equal values are ties. "
                    + "Answers tau-b with its concordant, discordant and tied pair counts, and Spearman's rho on average ranks. "
                    + "These are exact statistics of the two given rankings (no sampling, so no interval or seed).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RankAgreementRequest.class),
            examples = @ExampleObject(name = "one swap", value = Examples.AGREEMENT)))
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RankAgreementResponse.class)))
    public Uni<RankAgreementResponse> agreement(byte[] body) {
        return bodies.read(body, RankAgreementRequest.class).flatMap(request -> agreement(request));
    }

    private Uni<RankAgreementResponse> agreement(RankAgreementRequest request) {
        return compute.submit(() -> {
            RankAgreement a = RankAgreement.between(request.first(), request.second());
            return new RankAgreementResponse(a.systems(), a.kendallTauB(), a.spearmanRho(), a.concordantPairs(),
                    a.discordantPairs(), a.tiedInFirst(), a.tiedInSecond(), a.tiedInBoth());
        });
    }

    /** The operations of this resource that also run as jobs (POST /api/v1/jobs, or Prefer: respond-async). */
    @Override
    public List<JobOperation> jobOperations() {
        return List.of(
                JobOperation.of("computeRankAgreement", "/api/v1/rankings/agreement", RankAgreementRequest.class,
                        this::agreement));
    }
}
