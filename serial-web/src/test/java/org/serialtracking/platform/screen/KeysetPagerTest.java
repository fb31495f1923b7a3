package org.serialtracking.platform.screen;

import org.junit.jupiter.api.Test;
import org.serialtracking.common.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class KeysetPagerTest {

    /** 0..24 in pages of 10, the cursor being the last number of the page before. */
    private final List<String> asked = new ArrayList<>();
    private final Function<String, Page<Integer>> numbers = cursor -> {
        asked.add(cursor);
        int from = cursor == null ? 0 : Integer.parseInt(cursor) + 1;
        List<Integer> rows = IntStream.range(from, Math.min(from + 10, 25)).boxed().toList();
        return new Page<>(rows, from + 10 < 25 ? String.valueOf(from + 9) : null);
    };

    @Test
    void goesForwardByCursorAndBackByTheCursorsItKept() {
        KeysetPager<Integer> pager = new KeysetPager<>();
        pager.first(numbers);
        assertThat(pager.getRows()).startsWith(0).endsWith(9);
        assertThat(pager.isHasPrevious()).isFalse();
        pager.next(numbers);
        pager.next(numbers);
        assertThat(pager.getRows()).containsExactly(20, 21, 22, 23, 24);
        assertThat(pager.isHasNext()).isFalse();
        assertThat(pager.getPageNumber()).isEqualTo(3);
        pager.next(numbers);
        assertThat(pager.getPageNumber()).as("no page after the last").isEqualTo(3);

        pager.previous(numbers);
        assertThat(pager.getRows()).startsWith(10);
        pager.previous(numbers);
        assertThat(pager.getRows()).startsWith(0);
        assertThat(pager.isHasPrevious()).isFalse();
        assertThat(asked).containsExactly(null, "9", "19", "9", null);
    }

    @Test
    void aNewFilterStartsAgainAtTheFirstPage() {
        KeysetPager<Integer> pager = new KeysetPager<>();
        pager.first(numbers);
        pager.next(numbers);
        pager.first(numbers);
        assertThat(pager.getPageNumber()).isEqualTo(1);
        assertThat(pager.getRows()).startsWith(0);
    }
}
