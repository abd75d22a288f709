package io.augur.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the API answers with a given problem: thrown by resources and stores, turned into
 * {@code application/problem+json} by {@link ProblemMapper}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final List<Problem.FieldError> errors;
    private long retryAfter = 1;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    public ProblemException(int status, String type, String title, String detail, String field,
            List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.errors = errors;
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, "/problems/invalid-input", "Invalid input", field + ": " + detail, field,
                List.of(new Problem.FieldError(field, null, detail)));
    }

    public static ProblemException invalidRows(List<Problem.FieldError> errors) {
        Problem.FieldError first = errors.getFirst();
        String detail = errors.size() + " invalid row(s); nothing was stored. First: "
                + (first.row() != null ? "row " + first.row() + ", " : "") + first.field() + ": " + first.message();
        return new ProblemException(400, "/problems/invalid-input", "Invalid input", detail, first.field(), errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "/problems/not-found", "Not found", what + " " + id + " does not exist",
                null, null);
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(409, "/problems/conflict", "Conflict", detail, field, null);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "/problems/busy", "Service busy", detail, null, null);
    }

    /** Sets the Retry-After seconds of a 503 (default 1). */
    public ProblemException retryAfter(long seconds) {
        this.retryAfter = Math.max(1, seconds);
        return this;
    }

    /** Adds a response header (for instance WWW-Authenticate on a 401); a name may be added more than once. */
    public ProblemException header(String name, String value) {
        headers.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
        return this;
    }

    /** The response headers added with {@link #header}. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Seconds a client should wait before retrying a 503 or a 429. */
    public long retryAfter() {
        return retryAfter;
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, field, errors);
    }

    public int status() {
        return status;
    }
}
