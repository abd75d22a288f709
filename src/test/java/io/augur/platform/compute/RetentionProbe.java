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
 * Test-only endpoint (test sources, hidden from the document) for {@link ComputeRetentionTest}: one request runs three
 * computations on the pool, as a streamed import runs one per chunk; the first returns 16 MB, which the request
 * drops at once. The third reports whether that array could be collected while the request is still open.
 */
@Path("/api/v1/test-only/compute-retention")
public class RetentionProbe {

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
        return Uni.createFrom().completionStage(first)
                .flatMap(ref -> pool.submit(() -> 1).flatMap(ignored -> pool.submit(() -> {
                    for (int i = 0; i < 20 && ref.get() != null; i++) {
                        System.gc();
                        Thread.sleep(50);
                    }
                    return ref.get() == null ? "released" : "held";
                })));
    }
}
