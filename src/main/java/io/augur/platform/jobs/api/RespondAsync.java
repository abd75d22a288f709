package io.augur.platform.jobs.api;

import io.augur.platform.problem.ProblemException;
import io.augur.platform.auth.Authenticator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.platform.jobs.JobOperation;
import io.augur.platform.jobs.JobOperations;
import io.augur.platform.jobs.JobSubmissions;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import io.vertx.core.buffer.Buffer;
import java.util.Locale;

/**
 * {@code Prefer: respond-async} (RFC 7240) on a job-capable computation endpoint: instead of computing while the
 * client waits, the request is submitted as a job exactly as {@code POST /api/v1/jobs} would (same checks, a 400
 * for a bad body) and answered 202 Accepted with the job, its Location and {@code Preference-Applied:
 * respond-async}. On any other request the preference is ignored and the endpoint answers as usual. Installed as a
 * route ahead of the REST layer, after the body-size limits.
 */
public class RespondAsync {

    void install(@Observes Router router, JobOperations operations, JobSubmissions submissions, ObjectMapper json,
            Authenticator authenticator) {
        router.route().order(Integer.MIN_VALUE + 10).handler(ctx -> {
            JobOperation op = ctx.request().method() == HttpMethod.POST && prefersAsync(ctx)
                    ? operations.byPath(ctx.request().path()).orElse(null) : null;
            String type = ctx.request().getHeader("Content-Type");
            if (op == null || type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                ctx.next();
                return;
            }
            String path = ctx.request().path();
            if (ctx.body().available()) { // a body handler ahead of this route read it already
                submit(ctx, authenticator, submissions, json, op, path, ctx.body().buffer().getBytes());
                return;
            }
            ctx.request().body().onComplete(read -> {
                if (read.failed()) {
                    ctx.fail(read.cause());
                    return;
                }
                submit(ctx, authenticator, submissions, json, op, path, read.result().getBytes());
            });
            ctx.request().resume(); // the HTTP layer pauses requests until a handler reads them
        });
    }

    /**
     * Authenticated like the endpoint itself (this route runs ahead of the REST layer): a reader's computation,
     * stored in the caller's workspace; a caller without one (anonymous) cannot submit a job.
     */
    private static void submit(RoutingContext ctx, Authenticator authenticator, JobSubmissions submissions,
            ObjectMapper json, JobOperation op, String path, byte[] body) {
        authenticator.admit(ctx.request().getHeader("X-API-Key"), ctx.request().getHeader("Authorization"),
                Authenticator.Need.COMPUTE).flatMap(caller -> {
                    if (caller.workspace() == null) {
                        throw Authenticator.unauthenticated("a job needs an API key or a bearer token: it is stored in "
                                + "the caller's workspace");
                    }
                    return submissions.submit(caller.workspace(), op.operationId(), body, null, path);
                }).subscribe().with(
                job -> {
                    ctx.response().putHeader("Location", "/api/v1/jobs/" + job.id())
                            .putHeader("Preference-Applied", "respond-async");
                    write(ctx, json, 202, "application/json", Job.of(job, null, null));
                },
                failure -> {
                    Problem p = ProblemMapper.problemOf(failure, path);
                    if (failure instanceof ProblemException pe) {
                        pe.headers().forEach((name, values) -> values.forEach(v -> ctx.response().headers().add(name, v)));
                        if (p.status() == 429 || p.status() == 503) {
                            ctx.response().putHeader("Retry-After", Long.toString(pe.retryAfter()));
                        }
                    } else if (p.status() == 503) {
                        ctx.response().putHeader("Retry-After", "1");
                    }
                    write(ctx, json, p.status(), Problem.MEDIA_TYPE, p);
                });
    }

    static boolean prefersAsync(RoutingContext ctx) {
        for (String prefer : ctx.request().headers().getAll("Prefer")) {
            for (String token : prefer.split(",")) {
                String name = token.split(";")[0].strip();
                if (name.equalsIgnoreCase("respond-async")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void write(RoutingContext ctx, ObjectMapper json, int status, String type, Object entity) {
        if (ctx.response().ended()) {
            return;
        }
        try {
            byte[] body = json.writeValueAsBytes(entity);
            ctx.response().setStatusCode(status).putHeader("Content-Type", type).end(Buffer.buffer(body));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }
}
