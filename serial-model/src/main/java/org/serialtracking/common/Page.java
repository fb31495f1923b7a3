package org.serialtracking.common;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paged list; {@code next} is the cursor of the following page, or null at the end. */
public record Page<T>(List<T> items, String next) {

    /**
     * The page of {@code size} rows out of {@code fetched}, which a query read with a limit of
     * {@code size + 1}: one row more than the page means there is a next page, after the last row shown.
     *
     * @param keyOf the keyset key of a row, which the cursor carries
     */
    public static <T> Page<T> of(List<T> fetched, int size, Function<T, String> keyOf) {
        if (fetched.size() <= size) {
            return new Page<>(fetched, null);
        }
        List<T> shown = List.copyOf(fetched.subList(0, size));
        return new Page<>(shown, Cursor.encode(keyOf.apply(shown.get(size - 1))));
    }
}
