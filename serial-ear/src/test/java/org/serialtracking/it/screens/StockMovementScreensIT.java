package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.serialtracking.it.screens.ReceiptScreenIT.enterLine;

/** Serials leaving and moving through the screens: shipment with Auto Select, transfer, build. */
class StockMovementScreensIT extends ScreenTest {

    @Test
    void shipWithAutoSelectTransferByPickingAndBuildConsumingAComponent() {
        Api.enableTracking();
        String[] wh = Api.twoLocations();
        String component = Api.trackedItem();
        String product = Api.trackedItem();
        String[] serials = Api.serials(5);
        Api.post("RECEIPT", component, wh[0], serials);
        String finished = Api.unique("FG");

        try (Browser b = Browser.signedIn("clerk")) {
            // shipment: Auto Select picks the oldest three
            b.go("transaction-new.xhtml?type=SHIPMENT");
            enterLine(b, 0, component, wh[0], "3");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");
            assertThat(b.text("serialModalForm:available")).contains(serials[0]).contains(serials[4]);
            b.click("serialModalForm:autoSelect");
            assertThat(b.text("serialModalForm:title")).isEqualTo("Serial numbers (3 / 3)");
            b.screenshot("08-serial-modal-remove-mode");
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:0:serialState").equals("3 / 3"));
            b.click("document:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
            assertThat(b.text("view:docNumber")).startsWith("SHP-");

            // transfer: pick one serial by its checkbox
            b.go("transaction-new.xhtml?type=TRANSFER");
            enterLine(b, 0, component, wh[0], "1");
            b.selectOne("document:lines:0:toLocation", wh[1]);
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");
            assertThat(b.text("serialModalForm:available")).doesNotContain(serials[0]).contains(serials[3]);
            pick(b, serials[3]);
            assertThat(b.text("serialModalForm:title")).isEqualTo("Serial numbers (1 / 1)");
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:0:serialState").equals("1 / 1"));
            b.click("document:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
            assertThat(b.text("view:docNumber")).startsWith("TRF-");

            // build: a finished good made from the last component serial
            b.go("transaction-new.xhtml?type=BUILD");
            enterLine(b, 0, product, wh[0], "1");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:ways:scan").sendKeys(finished, Keys.ENTER);
            b.settle();
            b.waitUntil(d -> b.text("serialModalForm:title").equals("Serial numbers (1 / 1)"));
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:0:serialState").equals("1 / 1"));
            enterLine(b, 1, component, wh[0], "1");
            b.click("document:lines:1:serials");
            b.visible("serialModalForm:title");
            pick(b, serials[4]);
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:1:serialState").equals("1 / 1"));
            b.screenshot("09-build-form");
            b.click("document:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
            assertThat(b.text("view:docNumber")).startsWith("BLD-");
        }
        Api.as("viewer").get("/api/serials/" + serials[0]).then().body("status", equalTo("SHIPPED"));
        Api.as("viewer").get("/api/serials/" + serials[3]).then().body("location", equalTo(wh[1]));
        Api.as("viewer").get("/api/serials/" + serials[4]).then().body("status", equalTo("CONSUMED"));
        Api.as("viewer").get("/api/serials/" + finished).then().body("status", equalTo("IN_STOCK"))
                .body("sku", equalTo(product));
    }

    static void pick(Browser b, String serial) {
        b.clickXpath("//tbody[@id='serialModalForm:available_data']/tr[td[normalize-space(.)='" + serial
                + "']]//div[contains(@class,'ui-chkbox-box')]");
    }

    /** Issue 12: "Serials" on a line without a location showed "Something went wrong… Reload the page". */
    @Test
    void serialsOnALineWithoutALocationSayWhatIsMissing() {
        Api.enableTracking();
        String sku = Api.trackedItem();
        try (Browser b = Browser.signedIn("clerk")) {
            b.go("transaction-new.xhtml?type=SHIPMENT");
            b.visible("document:lines:0:sku_input").sendKeys(sku, Keys.TAB);
            b.settle();
            b.typeNumber("document:lines:0:quantity", "2");
            b.click("document:lines:0:serials");
            b.waitUntil(d -> b.text("document:messages").contains("Line 1: choose the location first"));
            assertThat(b.byId("unexpectedError").isDisplayed()).as("no error dialog").isFalse();
            assertThat(b.byId("serialModal").isDisplayed()).as("the modal stays closed").isFalse();
        }
    }
}
