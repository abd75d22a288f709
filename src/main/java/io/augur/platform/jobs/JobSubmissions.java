package io.augur.platform.jobs;

import io.augur.platform.auth.Workspace;
import io.augur.platform.jobs.store.JobStore;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.augur.platform.problem.ProblemMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Accepting a job, from {@code POST /api/v1/jobs} or from {@code Prefer: respond-async} on an endpoint: the
 * operation must be job-capable and its body must parse and validate as the endpoint's request (both checked
 * here, in time linear in the body, so bad input is a 400 at submission and never a failed job); the job is
 * then stored queued in the submitter's workspace (it runs there, and only that workspace sees it) and this
 * replica is asked to claim it.
 */
@ApplicationScoped
public class JobSubmissions {

    private final JobOperations operations;
    private final RequestBodies bodies;
    private final JobStore store;
    private final JobRunner runner;

    public JobSubmissions(JobOperations operations, RequestBodies bodies, JobStore store, JobRunner runner) {
        this.operations = operations;
        this.bodies = bodies;
        this.store = store;
        this.runner = runner;
    }

    /**
     * Validates and stores a job. {@code field} is where the body sits in the caller's request ("body" inside a
     * job request, null when it is the request itself), so a problem names the field the client sent.
     */
    public Uni<JobStore.StoredJob> submit(Workspace workspace, String operationId, byte[] body, String field,
            String instance) {
        JobOperation op = operations.byOperationId(operationId).orElse(null);
        if (op == null) {
            return Uni.createFrom().failure(ProblemException.invalid("operation", "'" + operationId
                    + "' is not an operation that runs as a job; job operations: " + operations.operationIds()));
        }
        return bodies.read(body, op.requestType())
                .onFailure().transform(f -> field == null ? f : prefixed(f, field, instance))
                .flatMap(valid -> store.create(workspace, UUID.randomUUID(), op.operationId(), body, "application/json",
                        sha256(body)))
                .invoke(job -> runner.claim());
    }

    /** The 400 problem of the body with every field path put under {@code field}. */
    private static Throwable prefixed(Throwable f, String field, String instance) {
        Problem p = ProblemMapper.problemOf(f, instance);
        if (p.status() != 400) {
            return f;
        }
        List<Problem.FieldError> errors = p.errors() == null ? null : p.errors().stream()
                .map(e -> new Problem.FieldError(under(field, e.field()), e.row(), e.message())).toList();
        String detail = p.field() != null && p.detail().startsWith(p.field())
                ? under(field, p.field()) + p.detail().substring(p.field().length()) : field + ": " + p.detail();
        return new ProblemException(400, p.type(), p.title(), detail, under(field, p.field()), errors);
    }

    private static String under(String field, String inner) {
        if (inner == null || inner.isEmpty()) {
            return field;
        }
        return inner.startsWith("[") ? field + inner : field + "." + inner;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
