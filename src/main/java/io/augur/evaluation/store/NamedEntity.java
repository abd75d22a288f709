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
 * The columns the named rows of a workspace's catalog (models, benchmarks) share: the sequential key, the public id,
 * the owning workspace, a name unique within it, and when the row was created and last replaced. Written only
 * through {@link NamedEntities}, which scopes every read and write to a workspace.
 */
@MappedSuperclass
public abstract class NamedEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The random id the API shows (the sequential key is never shown). */
    @Column(name = "public_id", nullable = false, updatable = false)
    public UUID publicId;

    /** The owning workspace's key: set from the caller's {@link io.augur.platform.auth.Workspace} by the store. */
    @Column(name = "workspace_id", nullable = false, updatable = false)
    public Long workspaceId;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
