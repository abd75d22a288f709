package io.augur.evaluation.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A model that was evaluated: table {@code model}. */
@Entity
@Table(name = "model")
public class ModelEntity extends NamedEntity {

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
}
