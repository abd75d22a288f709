package io.augur.platform.problem;

import io.augur.platform.text.StorableText;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Request checks that need no knowledge of the operation, run before any resource is matched, and the
 * problems for requests the framework fails to read:
 * <ul>
 * <li>a Content-Type that is not a media type ({@code garbage}): 415 on every endpoint;</li>
 * <li>a query parameter whose text cannot be stored ({@link StorableText}): 400 naming the parameter;</li>
 * <li>a query parameter that cannot be converted to its declared type ({@code limit=abc}): 400 naming it
 * (JAX-RS would answer 404);</li>
 * <li>a multipart body that ends early or does not use its declared boundary: 400 (and a body cut off by
 * the client closing its connection: 400, not a logged failure).</li>
 * </ul>
 * An Accept header naming {@code application/problem+json} is handled earlier, by
 * {@link io.augur.platform.api.ContentNegotiation}.
 */
public class RequestProblems {

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext context) {
        String path = context.getUriInfo().getRequestUri().getRawPath();
        String contentType = context.getHeaderString("Content-Type");
        if (contentType != null && !contentType.isBlank()) {
            try {
                MediaType.valueOf(contentType);
            } catch (IllegalArgumentException e) {
                return ProblemMapper.respond(new Problem("/problems/unsupported-media-type", "Unsupported Media Type",
                        415, "Content-Type '" + contentType.strip() + "' is not a media type (type/subtype);"
                                + " see the OpenAPI document for what this operation consumes",
                        path, null, null));
            }
        }
        MultivaluedMap<String, String> query = context.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String nameProblem = StorableText.problem(parameter.getKey());
            if (nameProblem != null) {
                return ProblemMapper.respond(invalid(path, "query", "parameter name " + nameProblem));
            }
            for (String value : parameter.getValue()) {
                String problem = value == null ? null : StorableText.problem(value);
                if (problem != null) {
                    return ProblemMapper.respond(invalid(path, parameter.getKey(), problem));
                }
            }
        }
        return null;
    }

    private static Problem invalid(String path, String field, String reason) {
        return new Problem("/problems/invalid-input", "Invalid input", 400, field + ": " + reason, path, field,
                List.of(new Problem.FieldError(field, null, reason)));
    }

    /**
     * The query parameter a JAX-RS conversion failure is about, found by the rejected value the converter
     * names in its message ({@code For input string: "abc"}); null when no query value matches (a path
     * parameter, which stays a 404: no resource has that id).
     */
    static Problem unreadableQueryParameter(Throwable cause, HttpServerRequest request) {
        String message = cause.getMessage();
        if (message == null) {
            return null;
        }
        String name = null;
        String value = null;
        for (Map.Entry<String, String> e : request.params()) {
            String v = e.getValue();
            if (v != null && (message.contains("\"" + v + "\"") || message.contains(v) && !v.isBlank())
                    && (value == null || v.length() > value.length())) {
                name = e.getKey();
                value = v;
            }
        }
        if (name == null) {
            return null;
        }
        String reason = "cannot read '" + value + "' as " + (cause instanceof NumberFormatException
                ? "a number" : "a value of this parameter") + " (" + message + ")";
        return invalid(request.path(), name, reason);
    }

    /** The problem for a body the framework could not read before any resource saw it, or null. */
    static Problem malformedBody(Throwable e, HttpServerRequest request) {
        String contentType = request.getHeader("Content-Type");
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof io.vertx.core.http.HttpClosedException) {
                // the client closed the connection before its body was complete: nobody reads this answer
                return new Problem("/problems/incomplete-body", "Incomplete body", 400,
                        "the connection was closed before the request body was complete", request.path(), null, null);
            }
            if (t instanceof IOException && (multipart || message.toLowerCase().contains("multipart"))) {
                return new Problem("/problems/malformed-multipart", "Malformed multipart body", 400,
                        "the multipart/form-data body could not be read (" + message + "); check that every part"
                                + " is delimited by the boundary declared in Content-Type and that the body ends"
                                + " with the closing boundary",
                        request.path(), null, null);
            }
            if (t instanceof IllegalArgumentException && message.startsWith("Failed to parse media type")) {
                return new Problem("/problems/unsupported-media-type", "Unsupported Media Type", 415,
                        message + "; see the OpenAPI document for what this operation consumes", request.path(),
                        null, null);
            }
        }
        return null;
    }
}
