package io.augur.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.augur.stats.InvalidInputException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into an RFC 9457 {@code application/problem+json} answer naming the offending
 * field: validation, engine input errors, malformed or mistyped JSON, unknown resources, wrong media
 * types, and, as a last resort, unexpected failures (logged, never shown as a stack trace).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response.ResponseBuilder r = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(e.toProblem(request.path()));
        if (e.status() == 503 || e.status() == 429) {
            r.header("Retry-After", Long.toString(e.retryAfter()));
        }
        e.headers().forEach((name, values) -> values.forEach(v -> r.header(name, v)));
        return r.build();
    }

    @ServerExceptionMapper
    public Response engineInput(InvalidInputException e, HttpServerRequest request) {
        return respond(ProblemException.invalid(e.field(), e.reason()).toProblem(request.path()));
    }

    /**
     * The problem an HTTP answer would carry for {@code e}, for a computation that has no HTTP request of its
     * own (a job): the same mapping as this class's exception mappers, {@code instance} as the request path.
     */
    public static Problem problemOf(Throwable e, String instance) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ProblemException p) {
            return p.toProblem(instance);
        }
        if (t instanceof InvalidInputException i) {
            return ProblemException.invalid(i.field(), i.reason()).toProblem(instance);
        }
        if (t instanceof ConstraintViolationException c) {
            return validationProblem(c, instance);
        }
        if (t instanceof JsonProcessingException j) {
            return jsonProblem(j, instance);
        }
        if (t instanceof WebApplicationException w && w.getCause() instanceof JsonProcessingException j) {
            return jsonProblem(j, instance);
        }
        if (t instanceof CancellationException c) {
            return ProblemException.unavailable("the computation was cancelled: " + c.getMessage()).toProblem(instance);
        }
        ProblemException database = DatabaseProblems.classify(t);
        if (database != null) {
            return database.toProblem(instance);
        }
        LOG.errorf(t, "Unexpected failure of %s", instance);
        return new Problem("/problems/internal-error", "Internal error", 500,
                "the computation could not be completed; the failure was logged", instance, null, null);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        return respond(validationProblem(e, request.path()));
    }

    private static Problem validationProblem(ConstraintViolationException e, String instance) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldPath(v.getPropertyPath()), null, v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        Problem.FieldError first = errors.getFirst();
        String detail = errors.size() == 1 ? first.field() + ": " + first.message()
                : errors.size() + " invalid fields. First: " + first.field() + ": " + first.message();
        return new Problem("/problems/invalid-input", "Invalid input", 400, detail, instance, first.field(), errors);
    }

    /** Listed one by one: quarkus-rest-jackson has its own mappers for these, and the most specific type wins. */
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class })
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return respond(jsonProblem(e, request.path()));
    }

    private static Problem jsonProblem(JsonProcessingException e, String instance) {
        if (e instanceof JsonParseException) {
            return new Problem("/problems/malformed-json", "Malformed JSON", 400,
                    "the request body is not valid JSON: " + e.getOriginalMessage(), instance, null, null);
        }
        String field = e instanceof JsonMappingException m ? jsonPath(m) : null;
        field = field == null || field.isEmpty() ? null : field;
        String reason;
        if (e instanceof UnrecognizedPropertyException u) {
            field = field == null ? u.getPropertyName() : field;
            reason = "unknown field '" + u.getPropertyName() + "'; known fields: " + u.getKnownPropertyIds();
        } else if (e instanceof InvalidFormatException f) {
            reason = "cannot read " + describe(f.getValue()) + " as " + expected(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            reason = "expected " + expected(m.getTargetType());
        } else {
            reason = e.getOriginalMessage();
        }
        String detail = (field == null ? "request body" : field) + ": " + reason;
        List<Problem.FieldError> errors = field == null ? null : List.of(new Problem.FieldError(field, null, reason));
        return new Problem("/problems/invalid-input", "Invalid input", 400, detail, instance, field, errors);
    }

    /** The JSON shape a Java target type is read from, in the client's words. */
    private static String expected(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date";
        }
        return "a JSON object";
    }

    @ServerExceptionMapper
    public Response cancelled(CancellationException e, HttpServerRequest request) {
        return respond(ProblemException.unavailable("the computation was cancelled: " + e.getMessage())
                .toProblem(request.path()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            Problem parameter = RequestProblems.unreadableQueryParameter(e.getCause(), request);
            if (parameter != null) {
                return respond(parameter);
            }
        }
        if (status >= 500) {
            LOG.errorf(e, "HTTP %d on %s %s", status, request.method(), request.path());
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 404 -> "no resource at " + request.path();
            case 405 -> request.method() + " is not allowed on " + request.path();
            case 415 -> "unsupported media type " + request.getHeader("Content-Type")
                    + "; see the OpenAPI document for what this operation consumes";
            case 406 -> "cannot produce any of " + request.getHeader("Accept");
            case 413 -> "the request body is larger than the limit";
            default -> e.getMessage();
        };
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("/problems/" + slug, title, status, detail, request.path(), null, null));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        ProblemException database = DatabaseProblems.classify(e);
        if (database != null) {
            if (database.status() >= 500) {
                LOG.warnf("Database unavailable on %s %s: %s", request.method(), request.path(), e);
            }
            Response.ResponseBuilder r = Response.status(database.status()).type(Problem.MEDIA_TYPE)
                    .entity(database.toProblem(request.path()));
            if (database.status() == 503) {
                r.header("Retry-After", Integer.toString(DatabaseProblems.RETRY_AFTER_SECONDS));
            }
            return r.build();
        }
        Problem malformed = RequestProblems.malformedBody(e, request);
        if (malformed != null) {
            return respond(malformed);
        }
        LOG.errorf(e, "Unexpected failure on %s %s", request.method(), request.path());
        return respond(new Problem("/problems/internal-error", "Internal error", 500,
                "the request could not be completed; the failure was logged", request.path(), null, null));
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** {@code create.request.parameters} to {@code parameters}; {@code importJson.rows[3].value} to {@code [3].value}. */
    static String fieldPath(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder sb = new StringBuilder();
        boolean hasProperty = nodes.stream().anyMatch(n -> n.getKind() == ElementKind.PROPERTY
                || n.getKind() == ElementKind.CONTAINER_ELEMENT);
        for (Path.Node n : nodes) {
            if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (n.getKind() == ElementKind.PARAMETER && hasProperty) {
                continue;
            }
            if (n.getIndex() != null) {
                sb.append('[').append(n.getIndex()).append(']');
            } else if (n.getKey() != null) {
                sb.append('[').append(n.getKey()).append(']');
            }
            if (n.getName() != null && n.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(n.getName());
            }
        }
        return sb.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The rejected value as the problem shows it: at most 100 characters, so the problem stays small. */
    private static String describe(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
