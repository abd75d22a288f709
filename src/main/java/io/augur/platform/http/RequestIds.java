package io.augur.platform.http;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The id of the request being handled: the caller's {@code X-Request-Id} when it is a plain token (at most 128
 * characters of letters, digits and {@code . _ : - / + =}), otherwise a new random UUID. It is kept in the
 * logging MDC under {@link #MDC_KEY}, which Quarkus stores in the request's Vert.x context, so every log line
 * written while the request is handled (on the event loop, a worker, or a compute thread, see ComputePool)
 * carries it; problems carry it as their {@code requestId} member and responses as the {@code X-Request-Id}
 * header.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The attribute of the request's server span (OpenTelemetry) that carries the id, to find a problem's trace. */
    public static final String SPAN_ATTRIBUTE = "augur.request_id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

    private RequestIds() {
    }

    /** The caller's id when acceptable (no spaces, quotes or control characters that could forge log lines), else a new one. */
    static String accept(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id of the request handled on this context or thread, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
