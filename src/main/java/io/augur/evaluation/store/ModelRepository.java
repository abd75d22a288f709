package io.augur.evaluation.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Models, with the lookups they share with benchmarks. */
@ApplicationScoped
public class ModelRepository implements PanacheRepository<ModelEntity> {

    public NamedEntities<ModelEntity> named() {
        return new NamedEntities<>(this, "model", e -> e.id);
    }
}
