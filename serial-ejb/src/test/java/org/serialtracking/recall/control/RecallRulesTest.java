package org.serialtracking.recall.control;

import org.junit.jupiter.api.Test;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.recall.RecallCommand;
import org.serialtracking.recall.RecallCommand.Component;
import org.serialtracking.serial.SerialNumber;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RecallRulesTest {

    private static RuleViolation refusal(RecallCommand command) {
        return catchThrowableOfType(() -> RecallRules.check(command), RuleViolation.class);
    }

    @Test
    void aRecallNeedsAReasonOfAtMostFiveHundredCharacters() {
        assertThat(refusal(new RecallCommand("  ", List.of("A"), null, null, null)).getMessage()).contains("reason");
        assertThat(refusal(new RecallCommand("x".repeat(501), List.of("A"), null, null, null)).getMessage())
                .contains("500");
        assertThat(RecallRules.check(new RecallCommand(" Cells overheat ", List.of("A"), null, null, null)).reason())
                .isEqualTo("Cells overheat");
    }

    @Test
    void aRecallNeedsAtLeastOneCriterion() {
        RuleViolation none = refusal(new RecallCommand("x", List.of(), List.of(), List.of(), null));
        assertThat(none.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(none.getMessage()).contains("serials, a component item with dates, a supplier or a receipt");
    }

    @Test
    void serialsAreCheckedAndCountedOncePerKeyInTheFirstSpelling() {
        RecallRules.Request r = RecallRules.check(new RecallCommand("x", List.of(" sn-1 ", "SN-1", "SN-2"), null, null,
                null));
        assertThat(r.serials()).extracting(SerialNumber::value).containsExactly("sn-1", "SN-2");
        assertThat(r.criteria().serials()).isEqualTo(2);
        assertThat(refusal(new RecallCommand("x", List.of("OK", "bad\u0007"), null, null, null)).code())
                .isEqualTo(ErrorCode.INVALID_SERIAL);
    }

    @Test
    void aComponentRangeTakesWholeDaysBothIncludedInUtc() {
        RecallRules.Window w = RecallRules.check(new RecallCommand("x", null,
                List.of(new Component(" RESIN ", "2026-01-01", "2026-01-31", " ")), null, null)).components().get(0);
        assertThat(w.sku()).isEqualTo("RESIN");
        assertThat(w.location()).isNull();
        assertThat(w.from()).isEqualTo(OffsetDateTime.parse("2026-01-01T00:00Z"));
        assertThat(w.until()).isEqualTo(OffsetDateTime.parse("2026-02-01T00:00Z"));
        assertThat(w.asked()).isEqualTo(new Component("RESIN", "2026-01-01", "2026-01-31", null));
    }

    @Test
    void aComponentRangeIsRefusedNamingTheItemWhenItsDatesAreMissingMalformedOrBackwards() {
        assertThat(refusal(new RecallCommand("x", null, List.of(new Component("RESIN", null, "2026-01-31", null)),
                null, null)).getMessage()).contains("RESIN").contains("'from' is required");
        assertThat(refusal(new RecallCommand("x", null, List.of(new Component("RESIN", "2026-01-01", "31/01/2026",
                null)), null, null)).getMessage()).contains("'to' must be a date").contains("31/01/2026");
        assertThat(refusal(new RecallCommand("x", null, List.of(new Component("RESIN", "2026-02-01", "2026-01-31",
                null)), null, null)).getMessage()).contains("before");
        assertThat(refusal(new RecallCommand("x", null, List.of(new Component(" ", "2026-01-01", "2026-01-31",
                null)), null, null)).getMessage()).contains("sku");
    }

    @Test
    void supplierAndReceiptCodesAreStrippedAndDistinctAndNeverEmpty() {
        RecallRules.Request r = RecallRules.check(new RecallCommand("x", null, null, List.of(" SUP ", "SUP"),
                List.of("RCV-000001")));
        assertThat(r.suppliers()).containsExactly("SUP");
        assertThat(r.receipts()).containsExactly("RCV-000001");
        assertThat(refusal(new RecallCommand("x", null, null, List.of(""), null)).getMessage()).contains("suppliers");
    }
}
