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
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A model that was evaluated: table {@code model}. */
@Entity
@Table(name = "model")
public class ModelEntity extends PanacheEntityBase {

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

    public String family;

    public Long parameters;

    @Column(name = "training_tokens")
    public Double trainingTokens;

    @Column(name = "training_compute")
    public Double trainingCompute;

    @Column(name = "release_date")
    public LocalDate releaseDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> attributes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
