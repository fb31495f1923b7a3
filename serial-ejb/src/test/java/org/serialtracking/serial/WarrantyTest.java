package org.serialtracking.serial;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A unit's warranty starts at its first shipment and lasts its item's warranty days (issue 14). */
class WarrantyTest {

    static final OffsetDateTime SHIPPED = OffsetDateTime.parse("2026-03-01T10:00:00Z");

    @Test
    void anItemWithoutWarrantyGivesNone() {
        assertThat(Warranty.of(null, SHIPPED, SHIPPED)).isNull();
    }

    @Test
    void itStartsOnlyWhenTheUnitIsShipped() {
        Warranty w = Warranty.of(365, null, SHIPPED);
        assertThat(w.status()).isEqualTo(Warranty.Status.NOT_STARTED);
        assertThat(w.start()).isNull();
        assertThat(w.covers(SHIPPED)).isFalse();
    }

    @Test
    void itLastsItsDaysFromTheFirstShipment() {
        Warranty w = Warranty.of(30, SHIPPED, SHIPPED.plusDays(29));
        assertThat(w.status()).isEqualTo(Warranty.Status.ACTIVE);
        assertThat(w.end()).isEqualTo(OffsetDateTime.parse("2026-03-31T10:00:00Z"));
        assertThat(w.covers(SHIPPED)).isTrue();
        assertThat(w.covers(w.end().minusSeconds(1))).isTrue();
        assertThat(w.covers(w.end())).isFalse();
        assertThat(w.covers(SHIPPED.minusSeconds(1))).isFalse();
        assertThat(Warranty.of(30, SHIPPED, SHIPPED.plusDays(30)).status()).isEqualTo(Warranty.Status.EXPIRED);
    }
}
