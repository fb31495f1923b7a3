package org.serialtracking.epcis.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The feed's identifiers: GS1 Digital Link for items with a GTIN, the base for the rest, one segment per value. */
class EpcisUrisTest {

    private final EpcisUris uris = EpcisUris.under("https://serials.example.com/epcis/");

    @Test
    void aSerialWithSlashPercentSpaceAndNonAsciiCharactersStaysOneSegmentOfItsDigitalLink() {
        String serial = "A/B%C D-é日~_.";
        String epc = uris.epc("04012345000016", "PUMP", serial);
        assertThat(epc).isEqualTo("https://id.gs1.org/01/04012345000016/21/A%2FB%25C%20D-%C3%A9%E6%97%A5~_.");
        assertThat(uris.parse(epc)).contains(new EpcisUris.Epc("04012345000016", null, serial));
        assertThat(EpcisDocumentShape.isUri(epc)).isTrue();
    }

    @Test
    void withoutAGtinASerialIsNamedUnderTheBaseBySkuAndSerial() {
        String epc = uris.epc(null, "SKU 1/A", "S#1?x=+");
        assertThat(epc).isEqualTo("https://serials.example.com/epcis/item/SKU%201%2FA/serial/S%231%3Fx%3D%2B");
        assertThat(uris.parse(epc)).contains(new EpcisUris.Epc(null, "SKU 1/A", "S#1?x=+"));
        assertThat(uris.epcClass(null, "SKU 1/A")).isEqualTo("https://serials.example.com/epcis/item/SKU%201%2FA");
        assertThat(uris.epcClass("04012345000016", "X")).isEqualTo("https://id.gs1.org/01/04012345000016");
    }

    @Test
    void everythingElseIsNamedUnderTheBase() {
        assertThat(uris.location("WH 1")).isEqualTo("https://serials.example.com/epcis/location/WH%201");
        assertThat(uris.company("ACME")).isEqualTo("https://serials.example.com/epcis/company/ACME");
        assertThat(uris.customer("C/1")).isEqualTo("https://serials.example.com/epcis/customer/C%2F1");
        assertThat(uris.supplier("S-1")).isEqualTo("https://serials.example.com/epcis/supplier/S-1");
        assertThat(uris.document("RCV-000001")).isEqualTo("https://serials.example.com/epcis/document/RCV-000001");
        assertThat(uris.transformation("BLD-000001")).isEqualTo("https://serials.example.com/epcis/transformation/BLD-000001");
        assertThat(uris.rma("RMA 1")).isEqualTo("https://serials.example.com/epcis/rma/RMA%201");
        assertThat(uris.event("SHP-000002", 3)).isEqualTo("https://serials.example.com/epcis/event/SHP-000002/3");
    }

    @Test
    void onlyTheFeedsOwnEpcsParse() {
        assertThat(uris.parse("https://id.gs1.org/01/04012345000016")).isEmpty();
        assertThat(uris.parse("https://id.gs1.org/01/0401234500001/21/X")).isEmpty();
        assertThat(uris.parse("https://id.gs1.org/01/04012345000016/10/LOT/21/X")).as("a lot before the serial")
                .contains(new EpcisUris.Epc("04012345000016", null, "X"));
        assertThat(uris.parse("https://resolver.example.com/01/04012345000016/21/AB%2F1")).as("another resolver")
                .contains(new EpcisUris.Epc("04012345000016", null, "AB/1"));
        assertThat(uris.parse("https://resolver.example.com/01/04012345000015/21/X")).as("a wrong check digit")
                .isEmpty();
        assertThat(uris.parse("https://id.gs1.org/01/04012345000016/21/A B")).as("a raw space").isEmpty();
        assertThat(uris.parse("https://id.gs1.org/01/04012345000016/21/A%2")).as("a cut escape").isEmpty();
        assertThat(uris.parse("https://id.gs1.org/01/04012345000016/21/%FF")).as("not UTF-8").isEmpty();
        assertThat(uris.parse("https://elsewhere.example/item/P/serial/1")).isEmpty();
        assertThat(uris.parse("urn:epc:id:sgtin:4012345.000001.1")).isEmpty();
        assertThat(uris.parse(" https://id.gs1.org/01/04012345000016/21/X ")).isPresent();
    }

    @Test
    void theBaseIsAnAbsoluteHttpUriWithoutQueryAndBlankMeansTheDefault() {
        assertThat(EpcisUris.under(" ").base()).isEqualTo(EpcisUris.DEFAULT_BASE);
        assertThat(EpcisUris.under(null).base()).isEqualTo("https://serials.example.invalid");
        assertThat(EpcisUris.under("http://x.example//").base()).isEqualTo("http://x.example");
        assertThatThrownBy(() -> EpcisUris.under("serials.example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EpcisUris.under("ftp://x.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EpcisUris.under("https://x.example/?a=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EpcisUris.under("https://x example")).isInstanceOf(IllegalArgumentException.class);
    }
}
