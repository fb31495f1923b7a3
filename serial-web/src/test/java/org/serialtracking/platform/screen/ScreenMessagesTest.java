package org.serialtracking.platform.screen;

import org.junit.jupiter.api.Test;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenMessagesTest {

    @Test
    void aRefusalNamesTheSerialsAtFault() {
        RuleViolation v = new RuleViolation(ErrorCode.DUPLICATE_SERIAL, "2 serials already exist", List.of("A-1", "A-2"));
        assertThat(ScreenMessages.describe(v)).isEqualTo("2 serials already exist. Serials: A-1, A-2");
    }

    @Test
    void serialsTheSentenceAlreadyNamesAreNotRepeated() {
        RuleViolation v = new RuleViolation(ErrorCode.SERIAL_NOT_AVAILABLE, "A-1 is not in stock at WH-1", List.of("A-1"));
        assertThat(ScreenMessages.describe(v)).isEqualTo("A-1 is not in stock at WH-1");
    }

    @Test
    void aLongListIsShortenedAndCounted() {
        List<String> many = IntStream.rangeClosed(1, 25).mapToObj(i -> "S-" + i).toList();
        assertThat(ScreenMessages.listed(many)).startsWith("S-1, S-2").endsWith("S-20 and 5 more");
    }

    @Test
    void theApisFieldNamesReadAsAClerkSaysThem() {
        assertThat(ScreenMessages.inWords("initialStock.location is required with an initial quantity"))
                .isEqualTo("The initial stock's location is required with an initial quantity");
        assertThat(ScreenMessages.inWords("sku is required")).isEqualTo("The SKU is required");
        assertThat(ScreenMessages.inWords("line 2: toLocation is required")).isEqualTo("Line 2: the To location is required");
        assertThat(ScreenMessages.inWords("line 1: quantity must be positive")).isEqualTo("Line 1: the quantity must be positive");
    }

    @Test
    void aSentenceWithoutAFieldNameIsLeftAsItIs() {
        assertThat(ScreenMessages.inWords("Company 'X' already exists")).isEqualTo("Company 'X' already exists");
        assertThat(ScreenMessages.inWords("The end number 5 is before the start number 9."))
                .isEqualTo("The end number 5 is before the start number 9.");
        assertThat(ScreenMessages.inWords("unknownField is required")).isEqualTo("unknownField is required");
    }
}
