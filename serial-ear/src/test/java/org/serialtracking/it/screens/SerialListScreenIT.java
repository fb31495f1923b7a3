package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inventory → Serial List, a serial's history, and the document of a history row in a nested modal. */
class SerialListScreenIT extends ScreenTest {

    @Test
    void aSerialOpensItsHistoryAndAHistoryRowOpensItsDocument() {
        Api.enableTracking();
        String[] wh = Api.twoLocations();
        String sku = Api.trackedItem();
        String[] serials = Api.serials(2);
        Api.post("RECEIPT", sku, wh[0], serials);
        String transfer = Api.as("clerk").body("{\"type\":\"TRANSFER\",\"lines\":[{\"sku\":\"" + sku + "\",\"location\":\""
                        + wh[0] + "\",\"toLocation\":\"" + wh[1] + "\",\"quantity\":1,\"serials\":[\"" + serials[0] + "\"]}]}")
                .post("/api/transactions").then().statusCode(201).extract().path("number");

        try (Browser b = Browser.signedIn("viewer")) {
            b.go("serials.xhtml");
            b.type("serials:sku_input", sku);
            b.waitUntil(d -> b.all("tbody[id='serials:table_data'] > tr").size() == 2
                    && b.text("serials:table").contains(serials[1]));
            assertThat(b.text("serials:table")).contains(serials[0]).contains(wh[1]).contains(transfer);
            b.screenshot("10-serial-list");

            b.clickXpath("//a[normalize-space(.)='" + serials[0] + "']");
            b.visible("historyDialog");
            b.waitUntil(d -> b.text("historyForm:historySerial").equals(serials[0]));
            String history = b.text("historyForm:historyTabs:historyTable");
            assertThat(history).contains("Received").contains("Moved out").contains("Moved in").contains(transfer)
                    .contains("clerk");
            b.screenshot("11-serial-history");

            b.clickXpath("//tbody[@id='historyForm:historyTabs:historyTable_data']//a[normalize-space(.)='" + transfer + "']");
            b.visible("historyDocumentDialog");
            b.waitUntil(d -> b.text("historyDocumentForm:docNumber").equals(transfer));
            assertThat(b.text("historyDocumentForm:docLines")).contains(serials[0]).contains(wh[1]);
            b.screenshot("12-history-document");
        }
    }

    @Test
    void aSerialThatLooksLikeMarkupIsStoredAndShownAsText() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String hostile = "<script>alert(1)</script>" + Api.unique("X");
        Api.as("clerk").body(Api.doc("RECEIPT", sku, location, 1, hostile.replace("\"", "\\\"")))
                .post("/api/transactions").then().statusCode(201);

        try (Browser b = Browser.signedIn("viewer")) {
            b.go("serials.xhtml");
            b.type("serials:sku_input", sku);
            b.waitUntil(d -> b.all("tbody[id='serials:table_data'] > tr").size() == 1
                    && b.text("serials:table").contains(hostile));
            b.clickXpath("//tbody[@id='serials:table_data']//a");
            b.waitUntil(d -> b.text("historyForm:historySerial").equals(hostile));
            assertThatThrownBy(() -> b.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(b.driver.getPageSource()).doesNotContain("<script>alert(1)</script>");
        }
    }

    /** Issue 12: the export took the item, status and location filters but not "Serial contains". */
    @Test
    void theExportHoldsExactlyTheSerialsTheFiltersShow() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String[] serials = Api.serials(12);
        Api.post("RECEIPT", sku, location, serials);
        String[] others = Api.serials(3);
        Api.post("RECEIPT", sku, location, others);

        try (Browser b = Browser.signedIn("viewer")) {
            b.go("serials.xhtml");
            b.type("serials:sku_input", sku);
            b.waitUntil(d -> b.all("tbody[id='serials:table_data'] > tr").size() == 15);
            // serials[0] is "SN-…-1": it is contained in -1, -10, -11 and -12
            String contains = serials[0];
            b.type("serials:q", contains);
            b.waitUntil(d -> b.all("tbody[id='serials:table_data'] > tr").size() == 4);
            String href = b.byId("exportCsv").getAttribute("href");
            assertThat(href).contains("q=");
            String path = href.substring(href.indexOf("/api/"));
            String csv = Api.as("viewer").urlEncodingEnabled(false).accept("text/csv").get(path).then().statusCode(200).extract().asString();
            assertThat(csv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")[0].replace("\"", "")))
                    .containsExactlyInAnyOrder(serials[0], serials[9], serials[10], serials[11]);
        }
    }
}
