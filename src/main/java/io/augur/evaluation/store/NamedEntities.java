package io.augur.evaluation.store;

import io.augur.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The lookups models and benchmarks share: by id (404 when absent), a free unique name (409 when taken),
 * and cursor pages filtered by exact column values. Callers run inside a Hibernate Reactive session.
 */
public final class NamedEntities<E extends PanacheEntityBase> {

    private final PanacheRepositoryBase<E, Long> repository;
    private final String what;
    private final Function<E, Long> id;

    public NamedEntities(PanacheRepositoryBase<E, Long> repository, String what, Function<E, Long> id) {
        this.repository = repository;
        this.what = what;
        this.id = id;
    }

    public Uni<E> find(long key) {
        return repository.findById(key).onItem().ifNull().failWith(() -> ProblemException.notFound(what, key));
    }

    /** Fails with 409 when another entity ({@code self} excluded) has {@code name}. */
    public Uni<Void> requireFreeName(String name, Long self) {
        return repository.find("name", name).firstResult().map(existing -> {
            if (existing != null && !id.apply(existing).equals(self)) {
                throw ProblemException.conflict("name",
                        "a " + what + " named '" + name + "' exists (id " + id.apply(existing) + ")");
            }
            return null;
        });
    }

    /** Up to limit + 1 entities with id above {@code after}, ordered by id, whose columns equal the non-null filters. */
    public Uni<List<E>> page(long after, int limit, Map<String, String> equal) {
        StringBuilder q = new StringBuilder("id > :after");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("after", after);
        equal.forEach((column, value) -> {
            if (value != null) {
                q.append(" and ").append(column).append(" = :").append(column);
                params.put(column, value);
            }
        });
        return repository.find(q + " order by id", params).range(0, limit).list();
    }

    /**
     * Persists new entities all or nothing: a name given twice in the batch is a 400 naming both positions, a
     * name already stored a 409 naming every such name (up to 100). Call inside a transaction.
     */
    public Uni<List<E>> createAll(List<E> entities, Function<E, String> name) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            Integer first = seen.putIfAbsent(name.apply(entities.get(i)), i);
            if (first != null) {
                throw ProblemException.invalid("[" + i + "].name", "'" + name.apply(entities.get(i))
                        + "' is also given at [" + first + "]; names are unique");
            }
        }
        return repository.find("name in ?1", List.copyOf(seen.keySet())).list().flatMap(existing -> {
            if (!existing.isEmpty()) {
                List<io.augur.platform.problem.Problem.FieldError> errors = existing.stream().limit(100)
                        .map(e -> new io.augur.platform.problem.Problem.FieldError("[" + seen.get(name.apply(e)) + "].name",
                                null, "a " + what + " named '" + name.apply(e) + "' exists (id " + id.apply(e) + ")"))
                        .toList();
                throw new ProblemException(409, "/problems/conflict", "Conflict", existing.size() + " " + what
                        + "(s) of the batch exist already, first '" + name.apply(existing.getFirst())
                        + "'; nothing was created", errors.getFirst().field(), errors);
            }
            return repository.persist(entities).replaceWith(entities);
        });
    }
}
