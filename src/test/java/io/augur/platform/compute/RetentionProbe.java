package io.augur.platform.compute;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoint (test sources, hidden from the document) for {@link ComputeRetentionTest}: one request runs
 * computations on the pool one after the other, as a streamed import runs one per chunk; the first returns 16 MB,
 * which the request drops at once. Later computations of the same request report whether that array could be
 * collected while the request is still open. Between checks, another computation runs, so that nothing a worker
 * thread happens to keep from its last task (not the request's doing) is taken for the request's hold.
 */
@Path("/api/v1/test-only/compute-retention")
public class RetentionProbe {

    private static final int CHECKS = 10;

    @Inject
    ComputePool pool;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public Uni<String> probe() {
        // the first computation is subscribed on its own, as an import's earlier chunk is a finished step of its own
        CompletableFuture<WeakReference<byte[]>> first = new CompletableFuture<>();
        pool.submit(() -> new byte[16 << 20]).subscribe().with(big -> first.complete(new WeakReference<>(big)),
                first::completeExceptionally);
        return Uni.createFrom().completionStage(first).flatMap(ref -> check(ref, 0));
    }

    private Uni<String> check(WeakReference<byte[]> ref, int attempt) {
        return pool.submit(() -> new byte[1024].length).flatMap(flushed -> pool.submit(() -> {
            for (int i = 0; i < 5 && ref.get() != null; i++) {
                System.gc();
                Thread.sleep(20);
            }
            return ref.get() == null;
        })).flatMap(released -> released ? Uni.createFrom().item("released")
                : attempt + 1 < CHECKS ? check(ref, attempt + 1) : Uni.createFrom().item("held"));
    }
}
