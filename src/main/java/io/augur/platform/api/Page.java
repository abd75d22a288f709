package io.augur.platform.api;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a listing ordered by id. {@code nextCursor} is passed back as {@code cursor} to get the
 * next page; it is absent on the last page. Cursor paging stays stable while rows are added.
 */
@Schema(name = "Page", description = "One page of a listing; pass nextCursor as ?cursor= for the next one")
public record Page<T>(
        List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page", example = "1042") String nextCursor) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** {@code fetched} holds up to limit + 1 rows; the extra row only says that another page exists. */
    public static <T> Page<T> of(List<T> fetched, int limit, ToLongFunction<T> id) {
        if (fetched.size() > limit) {
            List<T> items = fetched.subList(0, limit);
            return new Page<>(List.copyOf(items), Long.toString(id.applyAsLong(items.getLast())));
        }
        return new Page<>(List.copyOf(fetched), null);
    }

    /**
     * A page of rows mapped to items: {@code cursor} gives a row's internal key (the listing's order), which the
     * next page starts after; the items show only public ids.
     */
    public static <S, T> Page<T> of(List<S> fetched, int limit, ToLongFunction<S> cursor, Function<S, T> item) {
        List<S> rows = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
        String next = fetched.size() > limit ? Long.toString(cursor.applyAsLong(rows.getLast())) : null;
        return new Page<>(rows.stream().map(item).toList(), next);
    }

    /** The id after which the page starts, from a cursor given by a previous page. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw io.augur.platform.problem.ProblemException.invalid("cursor", "not a cursor returned by this listing");
        }
    }
}
