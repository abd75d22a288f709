package io.augur.platform.jobs.api;

import io.augur.platform.auth.Access;
import io.augur.platform.auth.CallerContext;
import io.augur.platform.auth.Computation;
import io.augur.platform.auth.Role;
import io.augur.platform.auth.Workspace;
import io.augur.platform.audit.Audited;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.platform.jobs.JobRunner;
import io.augur.platform.jobs.JobSubmissions;
import io.augur.platform.jobs.store.JobStore;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Asynchronous jobs: any job-capable computation (its operationId and body) runs in the background with
 * progress, on whichever replica claims it; any replica answers its status, result, events and cancel. The same
 * submission is available on each computation endpoint with the header {@code Prefer: respond-async}
 * ({@link RespondAsync}).
 */
@Computation
@Path("/api/v1/jobs")
@Tag(name = "jobs", description = "Run long computations asynchronously, with progress, cancellation and a kept result")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class JobResource {

    private static final String NOT_FOUND = "; finished jobs are kept for augur.jobs.retention, then deleted";

    private final JobSubmissions submissions;
    private final JobStore store;
    private final JobRunner runner;
    private final RequestBodies bodies;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Duration eventsInterval;

    private final CallerContext caller;

    public JobResource(JobSubmissions submissions, JobStore store, JobRunner runner, RequestBodies bodies,
            ObjectMapper json, Vertx vertx, CallerContext caller,
            @ConfigProperty(name = "augur.jobs.events-interval", defaultValue = "500MS") Duration eventsInterval) {
        this.caller = caller;
        this.submissions = submissions;
        this.store = store;
        this.runner = runner;
        this.bodies = bodies;
        this.json = json;
        this.vertx = vertx;
        this.eventsInterval = eventsInterval;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createJob", summary = "Run a computation as an asynchronous job",
            description = "Queues the computation named by operation (an operationId of this document) with body, the "
                    + "request body that operation takes; the operation and the body are checked now (an unknown "
                    + "operation or an invalid body is a 400 here, its fields named under body). The job runs on the "
                    + "compute pool with the job time budget (augur.jobs.time-budget), reports progress, can be "
                    + "cancelled, and its result, once succeeded, is the synchronous call's response body, kept for "
                    + "augur.jobs.retention. Equivalent: POST the body to the operation's own path with the header "
                    + "Prefer: respond-async.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobRequest.class),
            examples = @ExampleObject(name = "Bradley-Terry bootstrap", value = """
                    {"operation": "computeBradleyTerryLeaderboard",
                     "body": {"battles": [{"modelA": "gpt-4", "modelB": "claude-2", "outcome": "a"},
                                          {"modelA": "claude-2", "modelB": "llama-2-70b", "outcome": "a"},
                                          {"modelA": "llama-2-70b", "modelB": "gpt-4", "outcome": "tie"},
                                          {"modelA": "claude-2", "modelB": "gpt-4", "outcome": "a"},
                                          {"modelA": "llama-2-70b", "modelB": "claude-2", "outcome": "a"},
                                          {"modelA": "gpt-4", "modelB": "llama-2-70b", "outcome": "a"}],
                              "bootstrap": {"rounds": 1000, "seed": 7}}}""")))
    @APIResponse(responseCode = "202", description = "Accepted: the job is queued",
            headers = @Header(name = "Location", description = "The job", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "400", description = "Unknown operation or invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Database unavailable or compute pool full", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(byte[] body) {
        Workspace workspace = caller.workspace();
        return bodies.read(body, JobRequest.class)
                .flatMap(r -> {
                    byte[] inner;
                    try {
                        inner = json.writeValueAsBytes(r.body());
                    } catch (Exception e) {
                        return Uni.createFrom().failure(e);
                    }
                    return submissions.submit(workspace, r.operation(), inner, "body", "/api/v1/jobs");
                })
                .map(j -> accepted(j, false));
    }

    /** 202 with the job and its Location; {@code preferenceApplied} for {@code Prefer: respond-async}. */
    static Response accepted(JobStore.StoredJob j, boolean preferenceApplied) {
        Response.ResponseBuilder r = Response.accepted(Job.of(j, null, null))
                .location(URI.create("/api/v1/jobs/" + j.id()));
        if (preferenceApplied) {
            r.header("Preference-Applied", "respond-async");
        }
        return r.build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getJob", summary = "Read a job's status and progress",
            description = "Any replica answers: the status is in the database, progress as of the running replica's "
                    + "last heartbeat (augur.jobs.heartbeat).")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Job> get(@Parameter(description = "Job id") @PathParam("id") UUID id) {
        return load(caller.workspace(), id);
    }

    @GET
    @Path("{id}/result")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN })
    @Operation(operationId = "getJobResult", summary = "Read a finished job's result",
            description = "Succeeded: the operation's response body, as the synchronous call answers it. Failed: the "
                    + "problem the synchronous call would have answered, with its status. Queued or running: 409. "
                    + "Cancelled: 409. Past its retention: 410, and 404 once the record is deleted.")
    @APIResponse(responseCode = "200", description = "The operation's response body",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not finished, or cancelled", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The result expired", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> result(@Parameter(description = "Job id") @PathParam("id") UUID id) {
        String instance = "/api/v1/jobs/" + id + "/result";
        Workspace workspace = caller.workspace();
        return stored(workspace, id).flatMap(j -> {
            if (j.expired()) {
                throw new ProblemException(410, "/problems/gone", "Gone", "the result of job " + id + " expired at "
                        + j.expiresAt() + " (augur.jobs.retention)", null, null);
            }
            switch (j.status()) {
                case QUEUED, RUNNING -> throw new ProblemException(409, "/problems/job-not-finished", "Job not finished",
                        "job " + id + " is " + j.status().sql() + "; follow /api/v1/jobs/" + id + "/events or read its "
                                + "status until it ends", null, null);
                case CANCELLED -> throw new ProblemException(409, "/problems/job-cancelled", "Job cancelled",
                        "job " + id + " was cancelled; it has no result", null, null);
                case FAILED -> {
                    Problem p = problem(j.problem(), instance);
                    return Uni.createFrom().item(Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build());
                }
                default -> {
                    return store.result(workspace, id).map(r -> r.map(res -> Response.ok(res.text(), res.mediaType()).build())
                            .orElseThrow(() -> ProblemException.notFound("result of job", id)));
                }
            }
        });
    }

    @DELETE
    @Path("{id}")
    @Access(Role.READER) // a reader submits jobs, so it may cancel its workspace's
    @Operation(operationId = "deleteJob", summary = "Cancel a job",
            description = "A queued job is cancelled at once; a running one has its cancellation token tripped (at "
                    + "once on the replica answering, within a heartbeat on another) and ends cancelled. A finished job "
                    + "is left as it is. Answers the job as it then stands.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Job> delete(@Parameter(description = "Job id") @PathParam("id") UUID id) {
        String cancelled;
        try {
            cancelled = json.writeValueAsString(new Problem("/problems/job-cancelled", "Job cancelled", 409,
                    "the job was cancelled before it started", "/api/v1/jobs/" + id, null, null));
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        return store.cancel(caller.workspace(), id, cancelled, runner.retention()).map(o -> o.orElseThrow(() -> notFound(id)))
                .invoke(j -> runner.cancelLocally(id)).map(this::job);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "listJobEvents", summary = "Follow a job's progress as Server-Sent Events",
            description = "One event each time the job's status or progress changes (checked every "
                    + "augur.jobs.events-interval): event progress while queued or running, then one event named by "
                    + "the final status (succeeded, failed, cancelled), after which the stream ends. Each event's data "
                    + "is the job (as getJob answers it).")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = Job.class)))
    public Multi<OutboundSseEvent> events(@Parameter(description = "Job id") @PathParam("id") UUID id, @Context Sse sse) {
        Workspace workspace = caller.workspace(); // the polls run on timers, outside the request's context
        return Multi.createFrom().emitter(em -> {
            AtomicReference<Job> last = new AtomicReference<>();
            AtomicBoolean polling = new AtomicBoolean();
            AtomicBoolean ended = new AtomicBoolean();
            AtomicLong timer = new AtomicLong(-1);
            AtomicLong sequence = new AtomicLong();
            Runnable poll = () -> {
                if (ended.get() || !polling.compareAndSet(false, true)) {
                    return;
                }
                load(workspace, id).subscribe().with(job -> {
                    polling.set(false);
                    boolean finished = !job.status().equals("queued") && !job.status().equals("running");
                    if (!job.equals(last.getAndSet(job))) {
                        em.emit(sse.newEventBuilder().name(finished ? job.status() : "progress")
                                .id(Long.toString(sequence.incrementAndGet()))
                                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Job.class, job).build());
                    }
                    if (finished && ended.compareAndSet(false, true)) {
                        vertx.cancelTimer(timer.get());
                        em.complete();
                    }
                }, failure -> {
                    polling.set(false);
                    if (ended.compareAndSet(false, true)) {
                        vertx.cancelTimer(timer.get());
                        em.fail(failure);
                    }
                });
            };
            timer.set(vertx.setPeriodic(eventsInterval.toMillis(), t -> poll.run()));
            em.onTermination(() -> {
                ended.set(true);
                vertx.cancelTimer(timer.get());
            });
            poll.run();
        });
    }

    private Uni<JobStore.StoredJob> stored(Workspace workspace, UUID id) {
        return store.find(workspace, id).map(o -> o.orElseThrow(() -> notFound(id)));
    }

    private Uni<Job> load(Workspace workspace, UUID id) {
        return stored(workspace, id).map(this::job);
    }

    private Job job(JobStore.StoredJob j) {
        boolean running = j.status() == JobStore.Status.RUNNING && runner.replica().equals(j.owner());
        return Job.of(j, j.problem() == null ? null : problem(j.problem(), "/api/v1/jobs/" + j.id()),
                running ? runner.localProgress(j.id()) : null);
    }

    private Problem problem(String stored, String instance) {
        try {
            Problem p = json.readValue(stored, Problem.class);
            return new Problem(p.type(), p.title(), p.status(), p.detail(), instance, p.field(), p.errors());
        } catch (Exception e) {
            throw new IllegalStateException("stored problem unreadable", e);
        }
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(404, "/problems/not-found", "Not found", "job " + id + " does not exist" + NOT_FOUND,
                null, null);
    }
}
