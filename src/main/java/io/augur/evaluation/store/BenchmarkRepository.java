package io.augur.evaluation.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Benchmarks; the workspace-scoped reads and writes they share with models are {@link NamedEntities}. */
@ApplicationScoped
public class BenchmarkRepository implements PanacheRepository<BenchmarkEntity> {

    public NamedEntities<BenchmarkEntity> named() {
        return new NamedEntities<>(this, "benchmark");
    }
}
