package org.serialtracking.platform.screen;

import org.serialtracking.common.Page;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging on a screen: the services page by cursor (fast at any depth, even millions of rows
 * deep), so the screen keeps the cursors of the pages behind it to go back. Page numbers are
 * counted, not used for seeking.
 *
 * @param <T> the row type
 */
public class KeysetPager<T> implements Serializable {

    private final Deque<String> behind = new ArrayDeque<>();
    private String current;
    private String next;
    private List<T> rows = List.of();

    /** Back to the first page (a new filter or sort). */
    public void first(Function<String, Page<T>> fetch) {
        behind.clear();
        load(null, fetch);
    }

    public void next(Function<String, Page<T>> fetch) {
        if (next == null) {
            return;
        }
        behind.push(current == null ? "" : current);
        load(next, fetch);
    }

    public void previous(Function<String, Page<T>> fetch) {
        if (behind.isEmpty()) {
            return;
        }
        String cursor = behind.pop();
        load(cursor.isEmpty() ? null : cursor, fetch);
    }

    private void load(String cursor, Function<String, Page<T>> fetch) {
        Page<T> page = fetch.apply(cursor);
        current = cursor;
        next = page.next();
        rows = page.items();
    }

    public List<T> getRows() {
        return rows;
    }

    public boolean isHasNext() {
        return next != null;
    }

    public boolean isHasPrevious() {
        return !behind.isEmpty();
    }

    /** 1-based number of the page shown. */
    public int getPageNumber() {
        return behind.size() + 1;
    }
}
