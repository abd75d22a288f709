package io.augur.evaluation.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns every stored row of a workspace (a model, a benchmark, an evaluation) has: the sequential key, the
 * public id, the owning workspace, and when the row was created and last changed.
 */
@MappedSuperclass
public abstract class ScopedEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The random id the API shows (the sequential key is never shown). */
    @Column(name = "public_id", nullable = false, updatable = false)
    public UUID publicId;

    /** The owning workspace's key: set from the caller's {@link io.augur.platform.auth.Workspace} by the store. */
    @Column(name = "workspace_id", nullable = false, updatable = false)
    public Long workspaceId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
