package io.augur.platform.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.List;

/**
 * Step 1 of the pipeline: a JSON request body, already buffered by the HTTP layer within the size limit,
 * is parsed and validated on the compute pool, never on the event loop. Parsing (Jackson, streaming) and
 * validation ({@link BoundedValidator}) take time linear in the body's size; validation stops after
 * {@value #MAX_VIOLATIONS} violations, so the problem body is bounded too ("the first 20 of 21+ invalid
 * fields"). Jackson's own errors (malformed JSON, unknown fields, wrong types) become 400 problems naming
 * the field through the shared exception mappers.
 *
 * <p>Resources take the body as {@code byte[]} and declare its schema with {@code @RequestBody}; the
 * request records are registered for reflection by that annotation's schema and by
 * {@code @RegisterForReflection} where a native image needs it.
 */
// Created at start, on the main thread: its ObjectMapper (a CDI producer that reads config-mapping beans)
// must not be created lazily on a compute-pool thread, where that creation fails (seen as a 500 on the
// first Plackett-Luce request after start).
@Startup
@ApplicationScoped
public class RequestBodies {

    /** Violations listed in one problem; more are summarised as "N+". */
    public static final int MAX_VIOLATIONS = 20;

    private final ObjectMapper json;
    private final BoundedValidator validator;
    private final ComputePool compute;

    public RequestBodies(ObjectMapper json, Validator validator, ComputePool compute) {
        this.json = json;
        this.validator = new BoundedValidator(validator);
        this.compute = compute;
    }

    /** Parses and validates {@code body} as {@code type} on the compute pool. */
    public <T> Uni<T> read(byte[] body, Class<T> type) {
        return compute.submit(() -> parse(body, type));
    }

    /** Parses and validates {@code body} on the calling thread (a compute task that goes on to run the engine). */
    public <T> T parse(byte[] body, Class<T> type) throws IOException {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("body", "the request body is empty; send a JSON object");
        }
        T value = json.readValue(body, type);
        if (value == null) {
            throw ProblemException.invalid("body", "expected a JSON object, not null");
        }
        validate(value);
        return value;
    }

    /** Validates a parsed body, throwing a 400 problem with at most {@value #MAX_VIOLATIONS} field errors. */
    public void validate(Object value) {
        BoundedValidator.Result r = validator.validate(value, MAX_VIOLATIONS);
        if (r.errors().isEmpty()) {
            return;
        }
        throw invalid(r.errors(), r.more());
    }

    static ProblemException invalid(List<Problem.FieldError> errors, boolean more) {
        Problem.FieldError first = errors.getFirst();
        String detail;
        if (more) {
            detail = "the first " + errors.size() + " of " + (errors.size() + 1) + "+ invalid fields are listed; "
                    + "validation stopped there. First: " + first.field() + ": " + first.message();
        } else if (errors.size() == 1) {
            detail = first.field() + ": " + first.message();
        } else {
            detail = errors.size() + " invalid fields. First: " + first.field() + ": " + first.message();
        }
        return new ProblemException(400, "/problems/invalid-input", "Invalid input", detail, first.field(), errors);
    }
}
