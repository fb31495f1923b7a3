package org.serialtracking.common;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class RuleViolationTest {

    @Test
    void aMissingSerialIsNamedAsEmptyText() {
        RuleViolation v = new RuleViolation(ErrorCode.SERIALS_NOT_ALLOWED, "no serials here",
                Arrays.asList("A-1", null));
        assertThat(v.serials()).containsExactly("A-1", "");
    }

    @Test
    void atMostAThousandSerialsAreNamed() {
        RuleViolation v = new RuleViolation(ErrorCode.DUPLICATE_SERIAL, "many", Collections.nCopies(5000, "A"));
        assertThat(v.serials()).hasSize(RuleViolation.MAX_LISTED_SERIALS);
    }
}
