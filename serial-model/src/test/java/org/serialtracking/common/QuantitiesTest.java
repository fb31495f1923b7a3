package org.serialtracking.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class QuantitiesTest {

    @Test
    void quantitiesAreShownAsPeopleWriteThem() {
        assertThat(Quantities.display(new BigDecimal("3E+5"))).isEqualTo("300,000");
        assertThat(Quantities.display(new BigDecimal("200.0000"))).isEqualTo("200");
        assertThat(Quantities.display(new BigDecimal("2.5000"))).isEqualTo("2.5");
        assertThat(Quantities.display(new BigDecimal("1234567.125"))).isEqualTo("1,234,567.125");
        assertThat(Quantities.display(BigDecimal.ZERO)).isEqualTo("0");
        assertThat(Quantities.text(new BigDecimal("3E+5"))).isEqualTo("300000");
    }
}
