package io.augur.evaluation.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One measured value: table {@code evaluation}. Identity (model, benchmark, metric, seed, step) is
 * unique with absent seed/step counting as one value, so importing the same identity replaces it.
 */
@Entity
@Table(name = "evaluation")
public class EvaluationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The random id the API shows (the sequential key is never shown). */
    @Column(name = "public_id", nullable = false, updatable = false)
    public UUID publicId;

    /** The owning workspace's key: set from the caller's {@link io.augur.platform.auth.Workspace} by the store. */
    @Column(name = "workspace_id", nullable = false, updatable = false)
    public Long workspaceId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "model_id")
    public ModelEntity model;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "benchmark_id")
    public BenchmarkEntity benchmark;

    @Column(nullable = false)
    public String metric;

    public Long seed;

    public Long step;

    @Column(nullable = false)
    public double value;

    @Column(name = "std_error")
    public Double stdError;

    public Long successes;

    public Long attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
