package io.augur.evaluation.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Benchmarks, with the lookups they share with models. */
@ApplicationScoped
public class BenchmarkRepository implements PanacheRepository<BenchmarkEntity> {

    public NamedEntities<BenchmarkEntity> named() {
        return new NamedEntities<>(this, "benchmark", e -> e.id, (e, w) -> {
            e.workspaceId = w.id();
            e.publicId = UUID.randomUUID();
        });
    }
}
