package org.serialtracking.platform.screen;

import org.serialtracking.common.Page;

import java.io.Serializable;

/**
 * A list screen over a keyset-paged service: the filter fields live in the subclass, which says
 * how to fetch one page after a cursor; searching, paging forward and back live here.
 *
 * @param <T> the row type
 */
public abstract class PagedListScreen<T> implements Serializable {

    private final KeysetPager<T> pager = new KeysetPager<>();

    /** One page of rows after {@code cursor} (null: the first page), with the current filter. */
    protected abstract Page<T> fetch(String cursor);

    /** A new filter: back to the first page. */
    public void search() {
        pager.first(this::fetch);
    }

    public void next() {
        pager.next(this::fetch);
    }

    public void previous() {
        pager.previous(this::fetch);
    }

    public KeysetPager<T> getPager() {
        return pager;
    }

    protected static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
