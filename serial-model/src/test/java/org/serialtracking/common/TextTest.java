package org.serialtracking.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "tab\there", "line\nbreak", "cr\r", "del\u007f", "c1\u0085",
            "c1\u009f"})
    void controlCharactersAreRefusedInEveryKindOfText(String bad) {
        assertThatThrownBy(() -> Text.field("reference", bad)).isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("reference must not contain control characters (U+")
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo(ErrorCode.VALIDATION);
        assertThatThrownBy(() -> Text.code("location code", bad)).hasMessageStartingWith("location code must not");
        // names are trimmed first: only what is left counts
        assertThatThrownBy(() -> Text.name("x" + bad + "x", "fallback")).hasMessageStartingWith("name must not");
        assertThatThrownBy(() -> Text.name("company name", "x" + bad + "x", "fallback"))
                .hasMessageStartingWith("company name must not");
        assertThatThrownBy(() -> Text.likeEscape(bad)).hasMessageStartingWith("q must not");
    }

    @Test
    void theMessageNamesTheFirstOffendingCodePoint() {
        assertThatThrownBy(() -> Text.field("reference", "PO\u0000-7")).hasMessage(
                "reference must not contain control characters (U+0000)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zero\u200bwidth", "\u202eevil", "soft\u00adhyphen", "\ufeffbom", "tag\uDB40\uDC01"})
    void formatCharactersAreRefusedInCodesOnly(String text) {
        assertThat(Text.field("reference", text)).isEqualTo(text);
        assertThat(Text.name(text, "x")).isEqualTo(text.strip());
        assertThatThrownBy(() -> Text.code("sku", text)).hasMessageStartingWith("sku must not contain format characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"half\uD800", "\uDC00half", "\uDBFF"})
    void loneSurrogatesAreRefused(String bad) {
        assertThatThrownBy(() -> Text.field("name", bad)).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> Text.code("sku", bad)).hasMessageContaining("surrogate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "Série-é", "日本語", "emoji \uD83D\uDE00", "SN/001 A\\B 50% Q?1 H#1 S;1"})
    void everythingElseIsAccepted(String good) {
        assertThat(Text.field("reference", good)).isEqualTo(good);
        assertThat(Text.code("sku", good)).isEqualTo(good);
        assertThat(Text.problemWith(good, true)).isEmpty();
    }

    @Test
    void nullPassesAndNamesKeepTheirRules() {
        assertThat(Text.field("reference", null)).isNull();
        assertThat(Text.code("sku", null)).isNull();
        assertThat(Text.name("  ", "SKU-1")).isEqualTo("SKU-1");
        assertThat(Text.name("  Pump  ", "SKU-1")).isEqualTo("Pump");
        assertThat(Text.name("Pump\n", "SKU-1")).isEqualTo("Pump");
        assertThatThrownBy(() -> Text.name("x".repeat(201), "SKU-1")).hasMessage("name must be at most 200 characters");
        assertThat(Text.likeEscape("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
    }
}
