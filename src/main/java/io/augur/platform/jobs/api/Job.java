package io.augur.platform.jobs.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.augur.platform.jobs.store.JobStore;
import io.augur.platform.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job's status: what it runs, how far it is, when it started and ends, and where its result is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection(targets = { Job.class, Job.JobProgress.class, Problem.class, Problem.FieldError.class })
@Schema(name = "Job", description = "An asynchronous job and its progress")
public record Job(
        @Schema(example = "0b9f2c1e-4b1a-4c55-9a57-2f1f0f7b9f10") UUID id,
        @Schema(description = "operationId of the computation", example = "computeBradleyTerryLeaderboard") String operation,
        @Schema(description = "queued, running, succeeded, failed or cancelled", example = "running",
                enumeration = { "queued", "running", "succeeded", "failed", "cancelled" }) String status,
        @Schema(description = "Units done of units asked in the current phase (bootstrap rounds, lines read)") JobProgress progress,
        @Schema(description = "A cancel was asked; a running job stops at its next check") boolean cancelRequested,
        @Schema(description = "Times a replica started it (more than 1 when a replica died mid-job and it ran again)", example = "1") int attempts,
        @Schema(description = "SHA-256 of the request body, hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String bodySha256,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "When the result is deleted (augur.jobs.retention after the end)") OffsetDateTime expiresAt,
        @Schema(description = "Why it failed or was cancelled: the problem the synchronous call would have answered") Problem problem,
        @Schema(description = "Where the result is, once succeeded", example = "/api/v1/jobs/0b9f2c1e-4b1a-4c55-9a57-2f1f0f7b9f10/result") String result,
        @Schema(description = "Progress as Server-Sent Events", example = "/api/v1/jobs/0b9f2c1e-4b1a-4c55-9a57-2f1f0f7b9f10/events") String events) {

    /**
     * {@code done} of {@code total} {@code unit}; fraction = done / total. Total 0 (and no fraction) when it is not
     * known: a run file's lines are counted as read (in steps of 65,536), their number is not known ahead.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JobProgress")
    public record JobProgress(@Schema(example = "rounds") String unit, @Schema(example = "2500") long done,
            @Schema(example = "10000") long total, @Schema(example = "0.25") Double fraction) {
    }

    static Job of(JobStore.StoredJob j, Problem problem, io.augur.stats.Progress.Snapshot live) {
        String self = "/api/v1/jobs/" + j.id();
        String unit = j.progressUnit();
        long done = j.progressDone();
        long total = j.progressTotal();
        if (live != null && live.unit() != null) { // this replica runs it: fresher than the last heartbeat
            unit = live.unit();
            done = live.done();
            total = live.total();
        }
        JobProgress progress = new JobProgress(unit, done, total, total > 0 ? (double) done / total : null);
        return new Job(j.id(), j.operation(), j.status().sql(), progress, j.cancelRequested(), j.attempts(),
                j.bodySha256(), j.createdAt(), j.startedAt(), j.finishedAt(), j.expiresAt(), problem,
                j.hasResult() ? self + "/result" : null, self + "/events");
    }
}
