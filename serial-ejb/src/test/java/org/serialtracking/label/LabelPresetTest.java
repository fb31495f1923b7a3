package org.serialtracking.label;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The presets' names as a request gives them, and their geometry. */
class LabelPresetTest {

    @ParameterizedTest
    @ValueSource(strings = {"A4_3X8", "a4_3x8", " A4_3x8 ", "a4-3x8"})
    void takesAPresetsNameInAnyCase(String name) {
        assertThat(LabelPreset.fromParam(name)).isEqualTo(LabelPreset.A4_3X8);
    }

    @Test
    void anUnknownOrMissingNameIsRefusedWithThePresetsThereAre() {
        assertThatThrownBy(() -> LabelPreset.fromParam("A5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown label preset 'A5'; the presets are ROLL_50X25, ROLL_100X50, A4_3X8, LETTER_3X10");
        assertThatThrownBy(() -> LabelPreset.fromParam(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no label preset given; the presets are ROLL_50X25");
        assertThatThrownBy(() -> LabelPreset.fromParam("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rollsPrintOneLabelAPageTheSizeOfTheLabel() {
        assertThat(LabelPreset.ROLL_50X25.labelsPerPage()).isOne();
        assertThat(LabelPreset.ROLL_50X25.area(0)).isEqualTo(new LabelPreset.Area(0, 0, 50, 25));
        assertThat(LabelPreset.ROLL_100X50.area(0)).isEqualTo(new LabelPreset.Area(0, 0, 100, 50));
        assertThat(LabelPreset.ROLL_100X50.pageWidth()).isEqualTo(100);
    }

    @Test
    void anA4SheetHasThreeColumnsOfEightLabelsOf70By37() {
        LabelPreset a4 = LabelPreset.A4_3X8;

        assertThat(a4.labelsPerPage()).isEqualTo(24);
        assertThat(a4.area(0)).isEqualTo(new LabelPreset.Area(0, 0.5, 70, 37));
        assertThat(a4.area(2)).isEqualTo(new LabelPreset.Area(140, 0.5, 70, 37));
        assertThat(a4.area(3)).isEqualTo(new LabelPreset.Area(0, 37.5, 70, 37));
        assertThat(a4.area(23)).isEqualTo(new LabelPreset.Area(140, 259.5, 70, 37));
        assertThatThrownBy(() -> a4.area(24)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest
    @EnumSource(LabelPreset.class)
    void everyLabelLiesOnThePageAndNoTwoOverlap(LabelPreset preset) {
        for (int i = 0; i < preset.labelsPerPage(); i++) {
            LabelPreset.Area a = preset.area(i);
            assertThat(a.x()).isGreaterThanOrEqualTo(0);
            assertThat(a.y()).isGreaterThanOrEqualTo(0);
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(preset.pageWidth() + 1e-9);
            assertThat(a.y() + a.height()).isLessThanOrEqualTo(preset.pageHeight() + 1e-9);
            for (int j = 0; j < i; j++) {
                LabelPreset.Area b = preset.area(j);
                boolean apart = a.x() >= b.x() + b.width() - 1e-9 || b.x() >= a.x() + a.width() - 1e-9
                        || a.y() >= b.y() + b.height() - 1e-9 || b.y() >= a.y() + a.height() - 1e-9;
                assertThat(apart).as("%s labels %d and %d", preset, j, i).isTrue();
            }
        }
        // the padding leaves room for a label's content
        assertThat(preset.labelHeight() - 2 * preset.padding()).isGreaterThan(15);
        assertThat(preset.labelWidth() - 2 * preset.padding()).isGreaterThan(40);
    }

    @Test
    void aLetterSheetIsTheCommonThirtyLabelLayout() {
        LabelPreset letter = LabelPreset.LETTER_3X10;
        LabelPreset.Area last = letter.area(29);

        assertThat(letter.labelsPerPage()).isEqualTo(30);
        assertThat(last.x() + last.width()).isCloseTo(215.9 - 4.7625, within(1e-9));   // symmetric margins
        assertThat(last.y() + last.height()).isCloseTo(279.4 - 12.7, within(1e-9));
    }
}
