package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.serialtracking.it.screens.ReceiptScreenIT.enterLine;
import static org.serialtracking.it.screens.StockMovementScreensIT.pick;

/**
 * The screens doing part of the work and keeping the user's work when the server refuses:
 * auto serial numbers filling a line, loading serials for stock that predates tracking, a refused
 * save naming the serial on its line, and a restock that marks a serial never shipped.
 */
class GuidedEntryScreensIT extends ScreenTest {

    @Test
    void withAutoSerialNumbersAQuantityFillsTheLineByItself() {
        Api.as("admin").body("{\"serialTracking\":true,\"autoSerialNumber\":true}").put("/api/settings")
                .then().statusCode(200);
        try {
            String location = Api.twoLocations()[0];
            String sku = Api.unique("AUTO");
            String prefix = Api.unique("A");
            Api.as("admin").body(Api.json("sku", sku, "name", "Auto", "trackSerials", true, "autoSerialNumber", true,
                    "autoSerialFormat", prefix + "-[[INCNUM,NONE,4]]")).post("/api/items").then().statusCode(201);
            try (Browser b = Browser.signedIn("clerk")) {
                b.go("transaction-new.xhtml?type=RECEIPT");
                enterLine(b, 0, sku, location, "3");
                assertThat(b.text("document:lines:0:serialState")).isEqualTo("3 / 3");
                b.click("document:lines:0:serials");
                b.visible("serialModalForm:title");
                assertThat(b.text("serialModalForm:ranges")).contains(prefix + "-0001 – " + prefix + "-0003 (3)");
                b.click("serialModalForm:cancel");
                b.click("document:save");
                b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
                assertThat(b.text("view:docLines")).contains(prefix + "-0001 – " + prefix + "-0003 (3)");
            }
            Api.as("viewer").get("/api/serials/" + prefix + "-0003").then().statusCode(200)
                    .body("status", equalTo("IN_STOCK"));
        } finally {
            Api.enableTracking();
        }
    }

    @Test
    void stockOnHandBeforeTrackingGetsItsSerialsThroughAdjustStock() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.unique("OLD");
        Api.as("admin").body("{\"sku\":\"" + sku + "\",\"name\":\"Old stock\",\"initialStock\":{\"location\":\""
                + location + "\",\"quantity\":2}}").post("/api/items").then().statusCode(201);
        Api.as("admin").body(Api.json("trackSerials", true)).put("/api/items/" + sku).then().statusCode(200)
                .body("serialStatus", equalTo("NOT_INITIALIZED"));
        String[] serials = Api.serials(2);

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("item.xhtml?sku=" + sku);
            b.tab("Inventory");
            assertThat(b.text("item:tabs:notInitialized")).contains("Serial tracking not initialized");
            b.clickXpath("//button[normalize-space(.)='Adjust Stock']");
            b.visible("serialModalForm:title");
            assertThat(b.text("serialModalForm:title")).isEqualTo("Serial numbers (0 / 2)");
            for (String s : serials) {
                b.visible("serialModalForm:ways:scan").sendKeys(s, Keys.ENTER);
                b.settle();
            }
            b.waitUntil(d -> b.text("serialModalForm:title").equals("Serial numbers (2 / 2)"));
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("item:messages").contains("2 serial(s) loaded"));
            assertThat(b.present("item:tabs:notInitialized")).isFalse();
        }
        Api.as("viewer").get("/api/items/" + sku).then().body("serialStatus", equalTo("TRACKED"));
    }

    @Test
    void aRefusedSaveNamesTheSerialOnItsLineAndKeepsTheForm() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String[] serials = Api.serials(2);
        Api.post("RECEIPT", sku, location, serials);

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("transaction-new.xhtml?type=SHIPMENT");
            b.type("document:reference", "SO-1");
            enterLine(b, 0, sku, location, "1");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");
            pick(b, serials[0]);
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:0:serialState").equals("1 / 1"));

            // someone else ships it meanwhile
            Api.post("SHIPMENT", sku, location, serials[0]);
            b.click("document:save");
            b.waitUntil(d -> b.present("document:messages") && b.text("document:messages").contains(serials[0]));
            assertThat(b.text("document")).contains("Line 1").contains(serials[0]);
            assertThat(b.driver.getCurrentUrl()).contains("transaction-new.xhtml");
            assertThat(b.byId("document:reference").getAttribute("value")).isEqualTo("SO-1");
            assertThat(b.text("document:lines:0:serialState")).isEqualTo("1 / 1");
            b.screenshot("13-refused-save");
        }
        Api.as("viewer").get("/api/transactions?sku=" + sku + "&type=SHIPMENT").then().body("items", hasSize(1));
    }

    @Test
    void aRestockMarksASerialThatWasNeverShipped() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String[] serials = Api.serials(2);
        Api.post("RECEIPT", sku, location, serials);
        Api.post("SHIPMENT", sku, location, serials[0]);
        String id;

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("transaction-new.xhtml?type=RESTOCK");
            enterLine(b, 0, sku, location, "1");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:ways:scan").sendKeys(serials[1], Keys.ENTER);
            b.settle();
            b.waitUntil(d -> b.present("serialModalForm:problems"));
            assertThat(b.text("serialModalForm:problems")).contains(serials[1]).contains("cannot be returned");
            assertThat(b.isDisabled("serialModalForm:save")).isTrue();
            b.click("serialModalForm:clear");
            b.visible("serialModalForm:ways:scan").sendKeys(serials[0], Keys.ENTER);
            b.settle();
            b.waitUntil(d -> !b.isDisabled("serialModalForm:save"));
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:0:serialState").equals("1 / 1"));
            // the customer's return authorisation and why the unit came back
            b.type("document:rma", "RMA-7");
            b.type("document:lines:0:reason", "Dead on arrival");
            b.click("document:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
            assertThat(b.text("view:docNumber")).startsWith("RST-");
            assertThat(b.text("view")).contains("RMA-7").contains("Dead on arrival");
            id = b.driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
        }
        Api.as("viewer").get("/api/serials/" + serials[0]).then().body("status", equalTo("IN_STOCK"));
        Api.as("viewer").get("/api/transactions/" + id).then().body("rma", equalTo("RMA-7"))
                .body("lines[0].reason", equalTo("Dead on arrival"));
    }
}
