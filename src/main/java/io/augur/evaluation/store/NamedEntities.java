package io.augur.evaluation.store;

import io.augur.platform.auth.Workspace;
import io.augur.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The lookups models and benchmarks share, every one scoped to a workspace: by public id (404 when absent or in
 * another workspace, so existence is not revealed), a free name within the workspace (409 when taken), cursor
 * pages filtered by exact column values, and creation in the workspace. Callers run inside a Hibernate Reactive
 * session.
 */
public final class NamedEntities<E extends PanacheEntityBase> {

    private final PanacheRepositoryBase<E, Long> repository;
    private final String what;
    private final Function<E, Long> id;
    private final BiConsumer<E, Workspace> place;

    /** {@code place} sets a new entity's workspace and public id. */
    public NamedEntities(PanacheRepositoryBase<E, Long> repository, String what, Function<E, Long> id,
            BiConsumer<E, Workspace> place) {
        this.repository = repository;
        this.what = what;
        this.id = id;
        this.place = place;
    }

    public Uni<E> find(Workspace workspace, UUID publicId) {
        return repository.find("workspaceId = ?1 and publicId = ?2", workspace.id(), publicId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound(what, publicId));
    }

    /** Fails with 409 when another entity of the workspace ({@code self} excluded) has {@code name}. */
    public Uni<Void> requireFreeName(Workspace workspace, String name, Long self) {
        return repository.find("workspaceId = ?1 and name = ?2", workspace.id(), name).firstResult().map(existing -> {
            if (existing != null && !id.apply(existing).equals(self)) {
                throw ProblemException.conflict("name", "a " + what + " named '" + name + "' exists");
            }
            return null;
        });
    }

    /** Persists a new entity in the workspace with a fresh random public id. */
    public Uni<E> create(Workspace workspace, E entity) {
        place.accept(entity, workspace);
        return repository.persist(entity);
    }

    /**
     * Up to limit + 1 entities of the workspace with id above {@code after}, ordered by id, whose columns equal
     * the non-null filters.
     */
    public Uni<List<E>> page(Workspace workspace, long after, int limit, Map<String, String> equal) {
        StringBuilder q = new StringBuilder("workspaceId = :workspace and id > :after");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("workspace", workspace.id());
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
    public Uni<List<E>> createAll(Workspace workspace, List<E> entities, Function<E, String> name) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            Integer first = seen.putIfAbsent(name.apply(entities.get(i)), i);
            if (first != null) {
                throw ProblemException.invalid("[" + i + "].name", "'" + name.apply(entities.get(i))
                        + "' is also given at [" + first + "]; names are unique");
            }
        }
        return repository.find("workspaceId = ?1 and name in ?2", workspace.id(), List.copyOf(seen.keySet())).list()
                .flatMap(existing -> {
            if (!existing.isEmpty()) {
                List<io.augur.platform.problem.Problem.FieldError> errors = existing.stream().limit(100)
                        .map(e -> new io.augur.platform.problem.Problem.FieldError("[" + seen.get(name.apply(e)) + "].name",
                                null, "a " + what + " named '" + name.apply(e) + "' exists (id " + id.apply(e) + ")"))
                        .toList();
                throw new ProblemException(409, "/problems/conflict", "Conflict", existing.size() + " " + what
                        + "(s) of the batch exist already, first '" + name.apply(existing.getFirst())
                        + "'; nothing was created", errors.getFirst().field(), errors);
            }
            entities.forEach(e -> place.accept(e, workspace));
            return repository.persist(entities).replaceWith(entities);
        });
    }
}
