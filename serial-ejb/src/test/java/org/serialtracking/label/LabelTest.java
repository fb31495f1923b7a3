package org.serialtracking.label;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a label needs: a serial of at most 100 characters, a GTIN-14 with its check digit if any. */
class LabelTest {

    @Test
    void aSerialIsRequiredAndBlankOptionalTextIsAbsent() {
        assertThatThrownBy(() -> Label.of(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serial");
        assertThatThrownBy(() -> Label.of("  ")).isInstanceOf(IllegalArgumentException.class);

        Label label = new Label("SN-1", " ", "", null, "\t", LocalDate.of(2026, 1, 2));

        assertThat(label).isEqualTo(new Label("SN-1", null, null, null, null, LocalDate.of(2026, 1, 2)));
    }

    @Test
    void aSerialHasAtMostAHundredCharactersCountedAsCodePoints() {
        String emoji = "\uD83D\uDE00";
        assertThat(Label.of(emoji.repeat(100)).serial()).hasSize(200);
        assertThatThrownBy(() -> Label.of("x".repeat(101))).hasMessageContaining("at most 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"09506000134352", "04012345000009", "00000000000000", "10614141000415"})
    void acceptsAGtin14WithItsCheckDigit(String gtin) {
        assertThat(Label.isGtin14(gtin)).isTrue();
        assertThat(new Label("S", null, null, gtin, null, null).gtin()).isEqualTo(gtin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"09506000134353", "9506000134352", "095060001343520", "0950600013435A", "０9506000134352"})
    void refusesAnythingElseAsAGtin(String gtin) {
        assertThat(Label.isGtin14(gtin)).isFalse();
        assertThatThrownBy(() -> new Label("S", null, null, gtin, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GTIN").hasMessageContaining(gtin);
    }
}
