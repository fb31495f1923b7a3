package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An item receipt through the screens: generated ranges shown collapsed, the count in the
 * header, Save held back on a mismatch, scanner-style entry with a duplicate, and a serial the
 * system already has marked before saving.
 */
class ReceiptScreenIT extends ScreenTest {

    @Test
    void aReceiptTakesGeneratedAndScannedSerialsAndPostsThem() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String known = Api.serials(1)[0];
        Api.post("RECEIPT", sku, location, known);
        String prefix = Api.unique("R") + "-";

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("transaction-new.xhtml?type=RECEIPT");
            assertThat(b.text("title")).isEqualTo("New Item Receipt");
            b.type("document:reference", "PO-77");
            enterLine(b, 0, sku, location, "10");
            assertThat(b.text("document:lines:0:serialState")).isEqualTo("0 / 10");
            assertThat(b.isDisabled("document:save")).isTrue();

            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");
            assertThat(b.text("serialModalForm:title")).isEqualTo("Serial numbers (0 / 10)");

            // (B) generate: End defaults to Start + required - 1
            b.tab("Generate range");
            b.type("serialModalForm:ways:prefix", prefix);
            b.typeNumber("serialModalForm:ways:padding", "4");
            assertThat(b.byId("serialModalForm:ways:end_input").getAttribute("value")).isEqualTo("10");
            b.waitUntil(d -> b.text("serialModalForm:ways:preview").contains(prefix + "0001")
                    && b.text("serialModalForm:ways:preview").contains(prefix + "0010"));
            b.typeNumber("serialModalForm:ways:end", "5");
            b.click("serialModalForm:ways:generate");
            assertThat(b.text("serialModalForm:title")).isEqualTo("Serial numbers (5 / 10)");
            assertThat(b.text("serialModalForm:ranges")).contains(prefix + "0001 – " + prefix + "0005 (5)");
            assertThat(b.isDisabled("serialModalForm:save")).as("Save waits for 10 serials").isTrue();
            b.screenshot("05-serial-modal-generated");

            // (C) scan: Enter adds; the same serial again is refused as a duplicate
            b.tab("Type or scan");
            b.visible("serialModalForm:ways:scan").sendKeys(prefix + "0006", Keys.ENTER);
            b.settle();
            b.waitUntil(d -> b.text("serialModalForm:title").equals("Serial numbers (6 / 10)"));
            assertThat(b.byId("serialModalForm:ways:scan").getAttribute("value")).isEmpty();
            b.visible("serialModalForm:ways:scan").sendKeys(prefix + "0006", Keys.ENTER);
            b.settle();
            b.waitUntil(d -> b.text("serialModalForm:refusedScans").contains("Duplicate: " + prefix + "0006 is already in the list"));
            assertThat(b.text("serialModalForm:title")).isEqualTo("Serial numbers (6 / 10)");

            // a serial the system already has is marked before saving, and blocks Save
            b.visible("serialModalForm:ways:scan").sendKeys(known, Keys.ENTER);
            b.settle();
            b.waitUntil(d -> b.present("serialModalForm:problems"));
            assertThat(b.text("serialModalForm:problems")).contains(known).contains("already in the system");

            b.tab("Generate range");
            b.typeNumber("serialModalForm:ways:start", "7");
            b.typeNumber("serialModalForm:ways:end", "9");
            b.click("serialModalForm:ways:generate");
            assertThat(b.text("serialModalForm:title")).isEqualTo("Serial numbers (10 / 10)");
            assertThat(b.isDisabled("serialModalForm:save")).as("a known serial blocks Save").isTrue();
            b.screenshot("06-serial-modal-known-serial");
            b.click("serialModalForm:toggleShowAll");
            b.clickXpath("//tbody[@id='serialModalForm:all_data']/tr[td[normalize-space(.)='" + known + "']]//button");
            b.click("serialModalForm:toggleShowAll");
            assertThat(b.present("serialModalForm:problems")).isFalse();
            b.tab("Generate range");
            b.typeNumber("serialModalForm:ways:start", "10");
            b.typeNumber("serialModalForm:ways:end", "10");
            b.click("serialModalForm:ways:generate");
            assertThat(b.text("serialModalForm:ranges")).contains(prefix + "0001 – " + prefix + "0010 (10)");
            assertThat(b.isDisabled("serialModalForm:save")).isFalse();
            b.click("serialModalForm:save");

            b.waitUntil(d -> b.text("document:lines:0:serialState").equals("10 / 10"));
            b.click("document:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
            assertThat(b.text("view:docNumber")).startsWith("RCV-");
            assertThat(b.text("view:docLines")).contains(prefix + "0001 – " + prefix + "0010 (10)");
            b.screenshot("07-receipt-posted");
        }
        Api.as("viewer").get("/api/serials/" + prefix + "0010").then().statusCode(200)
                .body("status", equalTo("IN_STOCK")).body("location", equalTo(location));
    }

    /** Fills line {@code i} of a document form: item, location, quantity. */
    static void enterLine(Browser b, int i, String sku, String location, String quantity) {
        String line = "document:lines:" + i + ":";
        b.visible(line + "sku_input").sendKeys(sku, Keys.TAB);
        b.settle();
        b.selectOne(line + "location", location);
        b.typeNumber(line + "quantity", quantity);
    }
}
