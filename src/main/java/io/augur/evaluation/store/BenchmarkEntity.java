package io.augur.evaluation.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A benchmark (task) models are evaluated on: table {@code benchmark}. */
@Entity
@Table(name = "benchmark")
public class BenchmarkEntity extends NamedEntity {

    @Column(nullable = false)
    public String metric;

    @Column(name = "higher_is_better", nullable = false)
    public boolean higherIsBetter;

    @Column(name = "chance_level")
    public Double chanceLevel;

    @Column(columnDefinition = "text")
    public String description;
}
