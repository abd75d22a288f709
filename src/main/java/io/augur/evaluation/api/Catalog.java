package io.augur.evaluation.api;

import io.augur.evaluation.store.NamedEntities;
import io.augur.evaluation.store.NamedEntity;
import io.augur.platform.api.Page;
import io.augur.platform.auth.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the model and benchmark resources do behind their own JAX-RS methods and OpenAPI annotations, in the caller's
 * workspace: create one (201 with its Location) or a batch all or nothing, read, replace, delete (204) and list in
 * cursor pages. Maps the input record {@code I} onto the entity {@code E} and the entity onto the response record
 * {@code R}; the workspace scoping, the name checks and their problems are {@link NamedEntities}'.
 */
final class Catalog<I, E extends NamedEntity, R> {

    private final NamedEntities<E> entities;
    private final CallerContext caller;
    private final String path;
    private final Supplier<E> blank;
    private final BiConsumer<I, E> apply;
    private final Function<E, R> view;

    /**
     * {@code path} is the collection's path ("/api/v1/models"); {@code apply} sets an entity's fields from an input,
     * {@code view} makes the response record of an entity.
     */
    Catalog(NamedEntities<E> entities, CallerContext caller, String path, Supplier<E> blank, BiConsumer<I, E> apply,
            Function<E, R> view) {
        this.entities = entities;
        this.caller = caller;
        this.path = path;
        this.blank = blank;
        this.apply = apply;
        this.view = view;
    }

    Uni<Response> create(I input) {
        return entities.create(caller.workspace(), entity(input))
                .map(e -> Response.created(URI.create(path + "/" + e.publicId)).entity(view.apply(e)).build());
    }

    /** Answers the created records in the order given. */
    Uni<Response> createAll(List<I> inputs) {
        return entities.createAll(caller.workspace(), inputs.stream().map(this::entity).toList())
                .map(created -> Response.status(Response.Status.CREATED).entity(created.stream().map(view).toList()).build());
    }

    Uni<R> get(UUID id) {
        return entities.find(caller.workspace(), id).map(view);
    }

    Uni<R> replace(UUID id, I input) {
        // the name as it is stored (stripped), to check before the stored entity changes
        String name = entity(input).name;
        return entities.replace(caller.workspace(), id, name, e -> apply.accept(input, e)).map(view);
    }

    Uni<Response> delete(UUID id) {
        return entities.delete(caller.workspace(), id).map(deleted -> Response.noContent().build());
    }

    /** One page ordered by id, of the entities whose columns equal the non-null values of {@code equal}. */
    Uni<Page<R>> list(Map<String, String> equal, String cursor, int limit) {
        return entities.page(caller.workspace(), Page.after(cursor), limit, equal)
                .map(rows -> Page.of(rows, limit, e -> e.id, view));
    }

    private E entity(I input) {
        E e = blank.get();
        apply.accept(input, e);
        return e;
    }
}
