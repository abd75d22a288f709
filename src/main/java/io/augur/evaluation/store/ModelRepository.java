package io.augur.evaluation.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Models, with the lookups they share with benchmarks. */
@ApplicationScoped
public class ModelRepository implements PanacheRepository<ModelEntity> {

    public NamedEntities<ModelEntity> named() {
        return new NamedEntities<>(this, "model", e -> e.id, (e, w) -> {
            e.workspaceId = w.id();
            e.publicId = UUID.randomUUID();
        });
    }
}
