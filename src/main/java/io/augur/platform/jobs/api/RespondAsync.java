package io.augur.platform.jobs.api;

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
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * {@code Prefer: respond-async} (RFC 7240) on a job-capable computation endpoint: instead of computing while the
 * client waits, the request is submitted as a job exactly as {@code POST /api/v1/jobs} would (same checks, a 400
 * for a bad body) and answered 202 Accepted with the job, its Location and {@code Preference-Applied:
 * respond-async}. On any other request the preference is ignored and the endpoint answers as usual. Installed as a
 * route ahead of the REST layer, after the body-size limits.
 */
public class RespondAsync {

    void install(@Observes Router router, JobOperations operations, JobSubmissions submissions, ObjectMapper json) {
        router.route().order(Integer.MIN_VALUE + 10).handler(ctx -> {
            JobOperation op = ctx.request().method() == HttpMethod.POST && prefersAsync(ctx)
                    ? operations.byPath(ctx.request().path()).orElse(null) : null;
            String type = ctx.request().getHeader("Content-Type");
            if (op == null || type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                ctx.next();
                return;
            }
            String path = ctx.request().path();
            ctx.request().body().onComplete(read -> {
                if (read.failed()) {
                    ctx.fail(read.cause());
                    return;
                }
                submissions.submit(op.operationId(), read.result().getBytes(), null, path).subscribe().with(
                        job -> write(ctx, json, JobResource.accepted(job, true)),
                        failure -> {
                            Problem p = ProblemMapper.problemOf(failure, path);
                            write(ctx, json, Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build());
                        });
            });
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

    private static void write(RoutingContext ctx, ObjectMapper json, Response r) {
        if (ctx.response().ended()) {
            return;
        }
        try {
            byte[] body = json.writeValueAsBytes(r.getEntity());
            ctx.response().setStatusCode(r.getStatus());
            r.getHeaders().forEach((name, values) -> values.forEach(v -> ctx.response().headers().add(name, String.valueOf(v))));
            if (r.getMediaType() != null) {
                ctx.response().putHeader("Content-Type", r.getMediaType().toString());
            } else {
                ctx.response().putHeader("Content-Type", "application/json");
            }
            ctx.response().end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }
}
