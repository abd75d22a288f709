package io.augur.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.augur.platform.http.RequestIds;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json} for every error. Besides the
 * standard members it names the offending {@code field} (a path into the request, e.g.
 * {@code [12].value} or {@code parameters}) and, for batch input, every {@code errors} entry with its
 * {@code row} (1-based data row of a CSV, or 1-based element of a JSON array), and the {@code requestId} of
 * the request (an extension member, RFC 9457 section 3.2). Registered for
 * reflection because it is also written outside RESTEasy (the 413 handler), which a native image needs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection(targets = { Problem.class, Problem.FieldError.class })
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(description = "URI reference identifying the problem type", example = "/problems/invalid-input") String type,
        @Schema(description = "Short summary of the problem type", example = "Invalid input") String title,
        @Schema(description = "HTTP status code", example = "400") int status,
        @Schema(description = "Human explanation of this occurrence", example = "parameters: must be greater than 0") String detail,
        @Schema(description = "The request path", example = "/api/v1/models") String instance,
        @Schema(description = "Path of the offending input field", example = "parameters") String field,
        @Schema(description = "Every offending field, for input with several errors") List<FieldError> errors,
        @Schema(description = "The id of the request (its X-Request-Id header), to find it in the service's logs",
                example = "5f0c6d1e-8b8a-4c1e-9f55-2b6f1d0e7a41") String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem about the request being handled: its {@code requestId} is that request's (see RequestIds). */
    public Problem(String type, String title, int status, String detail, String instance, String field,
            List<FieldError> errors) {
        this(type, title, status, detail, instance, field, errors, RequestIds.current());
    }

    /** One offending field; {@code row} is set for batch input. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "value") String field,
            @Schema(description = "1-based row of a batch (CSV data row or JSON array element)", example = "5017") Long row,
            @Schema(example = "must be a finite number") String message) {
    }
}
