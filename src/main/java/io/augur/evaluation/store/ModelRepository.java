package io.augur.evaluation.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Models; the workspace-scoped reads and writes they share with benchmarks are {@link NamedEntities}. */
@ApplicationScoped
public class ModelRepository implements PanacheRepository<ModelEntity> {

    public NamedEntities<ModelEntity> named() {
        return new NamedEntities<>(this, "model");
    }
}
