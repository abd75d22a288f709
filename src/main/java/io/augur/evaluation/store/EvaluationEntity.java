package io.augur.evaluation.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One measured value: table {@code evaluation}. Identity (model, benchmark, metric, seed, step) is
 * unique with absent seed/step counting as one value, so importing the same identity replaces it.
 */
@Entity
@Table(name = "evaluation")
public class EvaluationEntity extends ScopedEntity {

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
}
