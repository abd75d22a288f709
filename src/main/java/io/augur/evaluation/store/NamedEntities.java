package io.augur.evaluation.store;

import io.augur.platform.auth.Workspace;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The reads and writes models and benchmarks share, every one scoped to a workspace: by public id (404 when absent
 * or in another workspace, so existence is not revealed), names unique within the workspace (409 when taken),
 * cursor pages filtered by exact column values, creation one at a time or all or nothing, replacement and
 * deletion. It sets the workspace, the public id and the timestamps. Callers run inside a Hibernate Reactive
 * session; the writes inside a transaction.
 */
public final class NamedEntities<E extends NamedEntity> {

    private final PanacheRepositoryBase<E, Long> repository;
    private final String what;

    /** {@code what} names one entity in problem details ("model"). */
    public NamedEntities(PanacheRepositoryBase<E, Long> repository, String what) {
        this.repository = repository;
        this.what = what;
    }

    public Uni<E> find(Workspace workspace, UUID publicId) {
        return repository.find("workspaceId = ?1 and publicId = ?2", workspace.id(), publicId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound(what, publicId));
    }

    /** Persists a new entity in the workspace with a fresh random public id; 409 when its name is taken. */
    public Uni<E> create(Workspace workspace, E entity) {
        return requireFreeName(workspace, entity.name, null).flatMap(free -> {
            place(entity, workspace, Instant.now());
            return repository.persist(entity);
        });
    }

    /**
     * Persists new entities all or nothing: a name given twice in the batch is a 400 naming both positions, a
     * name already stored a 409 naming every such name (up to 100).
     */
    public Uni<List<E>> createAll(Workspace workspace, List<E> entities) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            String name = entities.get(i).name;
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                throw ProblemException.invalid("[" + i + "].name", "'" + name + "' is also given at [" + first
                        + "]; names are unique");
            }
        }
        return repository.find("workspaceId = ?1 and name in ?2", workspace.id(), List.copyOf(seen.keySet())).list()
                .flatMap(existing -> {
            if (!existing.isEmpty()) {
                List<Problem.FieldError> errors = existing.stream().limit(100)
                        .map(e -> new Problem.FieldError("[" + seen.get(e.name) + "].name", null,
                                "a " + what + " named '" + e.name + "' exists (id " + e.publicId + ")"))
                        .toList();
                throw new ProblemException(409, "/problems/conflict", "Conflict", existing.size() + " " + what
                        + "(s) of the batch exist already, first '" + existing.getFirst().name
                        + "'; nothing was created", errors.getFirst().field(), errors);
            }
            Instant now = Instant.now();
            entities.forEach(e -> place(e, workspace, now));
            return repository.persist(entities).replaceWith(entities);
        });
    }

    /**
     * Replaces the fields of the entity with {@code publicId}: 404 when the workspace has none, 409 when another of
     * its entities is named {@code name}; otherwise {@code change} sets the fields (name included), and the change
     * is written when the transaction commits.
     */
    public Uni<E> replace(Workspace workspace, UUID publicId, String name, Consumer<E> change) {
        // the name is checked before the entity changes: the check's query would flush a changed entity first
        return find(workspace, publicId).call(e -> requireFreeName(workspace, name, e.id)).map(e -> {
            change.accept(e);
            e.updatedAt = Instant.now();
            return e;
        });
    }

    /** Deletes the entity with {@code publicId}; 404 when the workspace has none. */
    public Uni<Void> delete(Workspace workspace, UUID publicId) {
        return find(workspace, publicId).flatMap(repository::delete);
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

    /** Fails with 409 when another entity of the workspace ({@code self} excluded) has {@code name}. */
    private Uni<Void> requireFreeName(Workspace workspace, String name, Long self) {
        return repository.find("workspaceId = ?1 and name = ?2", workspace.id(), name).firstResult().map(existing -> {
            if (existing != null && !existing.id.equals(self)) {
                throw ProblemException.conflict("name", "a " + what + " named '" + name + "' exists");
            }
            return null;
        });
    }

    private static void place(NamedEntity entity, Workspace workspace, Instant now) {
        entity.workspaceId = workspace.id();
        entity.publicId = UUID.randomUUID();
        entity.createdAt = now;
        entity.updatedAt = now;
    }
}
