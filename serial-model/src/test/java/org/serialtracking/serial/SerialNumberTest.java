package org.serialtracking.serial;

import org.junit.jupiter.api.Test;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerialNumberTest {

    @Test
    void trimsAndKeepsCaseButComparesCaseInsensitively() {
        SerialNumber sn = SerialNumber.of("  sn-1 ");
        assertThat(sn.value()).isEqualTo("sn-1");
        assertThat(sn.key()).isEqualTo(SerialNumber.of("SN-1").key());
    }

    @Test
    void refusesEmptyTooLongAndControlCharacters() {
        for (String bad : Arrays.asList("", "   ", null, "x".repeat(101), "A\tB", "A\u0000B", "A\u007fB")) {
            assertThatThrownBy(() -> SerialNumber.of(bad))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            v -> assertThat(v.code()).isEqualTo(ErrorCode.INVALID_SERIAL));
        }
        assertThat(SerialNumber.of("x".repeat(100)).value()).hasSize(100);
    }

    @Test
    void allOfNamesEveryBadSerial() {
        assertThatThrownBy(() -> SerialNumber.allOf(Arrays.asList("OK-1", "", "BAD\nX", "OK-2")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(ErrorCode.INVALID_SERIAL);
                    assertThat(v.serials()).containsExactly("", "BAD\nX");
                });
        assertThat(SerialNumber.allOf(List.of(" a ", "b"))).extracting(SerialNumber::value).containsExactly("a", "b");
    }
}
