package org.serialtracking.epcis.control;

import org.junit.jupiter.api.Test;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Page tokens (round trip, tampering, other filters), the query's parameters, and where a page ends. */
class EpcisPagingTest {

    private static final FeedQuery QUERY = FeedQuery.of("2026-11-01T00:00:00+01:00", null,
            List.of("https://id.gs1.org/01/04012345000016/21/A"), List.of("shipping"), 10, null);

    @Test
    void aTokenGivesBackItsPositionForTheSameFilters() {
        FeedPosition end = new FeedPosition(123456789012L, 42, 1, 7);
        String token = QUERY.token(end);
        assertThat(token).matches("[A-Za-z0-9_-]+");
        FeedQuery next = FeedQuery.of("2026-10-31T23:00:00Z", "", List.of(" https://id.gs1.org/01/04012345000016/21/A"),
                List.of("https://ref.gs1.org/cbv/BizStep-shipping"), 500, token);
        assertThat(next.after()).isEqualTo(end);
        assertThat(next.perPage()).as("the page size may change from page to page").isEqualTo(500);
        FeedPosition whole = new FeedPosition(5, 6, 0, FeedPosition.WHOLE);
        assertThat(PageToken.decode(PageToken.encode(whole, "f"), "f")).isEqualTo(whole);
    }

    @Test
    void aTamperedMadeUpOrForeignTokenIsABadRequest() {
        String token = QUERY.token(new FeedPosition(900, 42, 0, 3));
        String payload = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        String moved = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace(".42.", ".41.").getBytes(StandardCharsets.US_ASCII));
        for (String bad : List.of(moved, token.substring(1), token + "A", "not a token", "AAAA", "%%%",
                Base64.getUrlEncoder().encodeToString("1.1.1.0.0.x.y".getBytes(StandardCharsets.US_ASCII)))) {
            assertThatThrownBy(() -> FeedQuery.of("2026-11-01T00:00:00+01:00", null,
                    List.of("https://id.gs1.org/01/04012345000016/21/A"), List.of("shipping"), 10, bad))
                    .as(bad).isInstanceOfSatisfying(RuleViolation.class,
                            v -> assertThat(v.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        }
        // a good token with other filters
        assertThatThrownBy(() -> FeedQuery.of(null, null, null, null, 10, token))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(v.getMessage()).contains("other parameters");
                });
    }

    @Test
    void theParametersAreCheckedAtTheEdge() {
        assertThatThrownBy(() -> FeedQuery.of("yesterday", null, null, null, null, null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(v.getMessage()).contains("GE_eventTime");
                });
        assertThatThrownBy(() -> FeedQuery.of(null, "2026-11-01T00:00:00", null, null, null, null))
                .as("no offset").isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        for (int size : new int[]{0, -1, FeedQuery.MAX_PER_PAGE + 1}) {
            assertThatThrownBy(() -> FeedQuery.of(null, null, null, null, size, null))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION));
        }
        FeedQuery q = FeedQuery.of(null, null, List.of("a,b", " c "), List.of("shipping,urn:epcglobal:cbv:bizstep:receiving",
                "https://example.com/own-step"), null, null);
        assertThat(q.perPage()).isEqualTo(FeedQuery.DEFAULT_PER_PAGE);
        assertThat(q.epcs()).containsExactly("a", "b", "c");
        assertThat(q.bizSteps()).containsExactlyInAnyOrder("shipping", "receiving", FeedQuery.NO_STEP);
        assertThat(q.after()).isEqualTo(FeedPosition.START);
    }

    @Test
    void positionsOrderByTransactionDocumentPartAndEvent() {
        assertThat(List.of(new FeedPosition(2, 1, 0, 0), new FeedPosition(1, 9, 1, 0), new FeedPosition(1, 9, 0, 5),
                new FeedPosition(1, 9, 0, 4), new FeedPosition(1, 3, 1, FeedPosition.WHOLE)).stream().sorted().toList())
                .containsExactly(new FeedPosition(1, 3, 1, FeedPosition.WHOLE), new FeedPosition(1, 9, 0, 4),
                        new FeedPosition(1, 9, 0, 5), new FeedPosition(1, 9, 1, 0), new FeedPosition(2, 1, 0, 0));
    }

    @Test
    void aPageTakesWholeEntriesWhileTheyFitAndCutsTheOneThatDoesNotByEventNumber() {
        List<PagePlanner.Entry> entries = List.of(new PagePlanner.Entry(10, 1, 0, 2), new PagePlanner.Entry(10, 2, 0, 5),
                new PagePlanner.Entry(11, 1, 1, 1));
        PagePlanner.Plan plan = PagePlanner.plan(FeedPosition.START, entries, 4, 5);
        assertThat(plan.end()).isEqualTo(new FeedPosition(10, 2, 0, 1));
        assertThat(plan.more()).isTrue();
        assertThat(plan.entries()).isEqualTo(2);

        // the next page goes on in the cut entry, right after its last event
        PagePlanner.Plan next = PagePlanner.plan(plan.end(), entries.subList(1, 3), 4, 5);
        assertThat(next.end()).as("3 left of the cut entry, and the last fills the page to 4")
                .isEqualTo(new FeedPosition(11, 1, 1, 0));
        assertThat(next.more()).isTrue();
        PagePlanner.Plan last = PagePlanner.plan(next.end(), entries.subList(2, 3), 4, 5);
        assertThat(last.entries()).isEqualTo(1);
        assertThat(last.end()).isEqualTo(new FeedPosition(11, 1, 1, FeedPosition.WHOLE));
        assertThat(last.more()).as("fewer entries than asked for: the end of the feed").isFalse();
        PagePlanner.Plan roomy = PagePlanner.plan(plan.end(), entries.subList(1, 3), 5, 6);
        assertThat(roomy.end()).isEqualTo(new FeedPosition(11, 1, 1, FeedPosition.WHOLE));
        assertThat(roomy.more()).isFalse();

        // as many entries as asked for: more may follow, from after the last whole entry
        PagePlanner.Plan full = PagePlanner.plan(FeedPosition.START, entries, 100, 3);
        assertThat(full.more()).isTrue();
        assertThat(full.end()).isEqualTo(new FeedPosition(11, 1, 1, FeedPosition.WHOLE));

        PagePlanner.Plan exact = PagePlanner.plan(FeedPosition.START, List.of(new PagePlanner.Entry(10, 1, 0, 3)), 3, 4);
        assertThat(exact.end()).isEqualTo(new FeedPosition(10, 1, 0, 2));
        assertThat(exact.more()).isTrue();

        PagePlanner.Plan empty = PagePlanner.plan(FeedPosition.START, List.of(), 10, 11);
        assertThat(empty.empty()).isTrue();
        assertThat(empty.more()).isFalse();
    }
}
