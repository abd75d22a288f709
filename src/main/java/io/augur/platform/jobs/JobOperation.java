package io.augur.platform.jobs;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/**
 * A computation endpoint that can also run as a job: its operationId, its path (for {@code Prefer:
 * respond-async} on the endpoint itself; null for a GET, whose job body carries its path and query parameters
 * and which runs as a job through {@code POST /api/v1/jobs} only), the JSON request type (checked at submission, so a malformed or
 * invalid body is a 400 there and not a failed job), and the endpoint's own code path from the raw body to
 * the response entity, and the media type of a text answer ({@code produces}; entities are written as JSON).
 * The job runs that same function, so its result is the synchronous call's body.
 */
public record JobOperation(String operationId, String path, Class<?> requestType, String produces,
        Function<byte[], Uni<?>> run) {

    /** An operation answering JSON. */
    public static JobOperation of(String operationId, String path, Class<?> requestType, Function<byte[], Uni<?>> run) {
        return new JobOperation(operationId, path, requestType, "application/json", run);
    }

    /** Resources that offer job-capable operations list them here; {@link JobOperations} collects them. */
    public interface Source {
        List<JobOperation> jobOperations();
    }
}
