package io.augur.evaluation.store;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A named row of a workspace's catalog (a model, a benchmark): the name is unique within the workspace. Written only
 * through {@link NamedEntities}, which scopes every read and write to a workspace.
 */
@MappedSuperclass
public abstract class NamedEntity extends ScopedEntity {

    @Column(nullable = false, length = 200)
    public String name;
}
