package io.augur.evaluation.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A benchmark (task) models are evaluated on: table {@code benchmark}. */
@Entity
@Table(name = "benchmark")
public class BenchmarkEntity extends PanacheEntityBase {

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

    @Column(nullable = false)
    public String metric;

    @Column(name = "higher_is_better", nullable = false)
    public boolean higherIsBetter;

    @Column(name = "chance_level")
    public Double chanceLevel;

    @Column(columnDefinition = "text")
    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
