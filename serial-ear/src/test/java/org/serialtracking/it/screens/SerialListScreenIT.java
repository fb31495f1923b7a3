package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import org.serialtracking.it.rest.Api;

import java.util.List;

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

    @Test
    void lotsShowAndFilterAndTheTickedSerialsPrintTheirLabels() throws java.io.IOException {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String gtin = Api.gtin();
        String sku = Api.unique("GS1");
        Api.as("admin").body("{\"sku\":\"" + sku + "\",\"name\":\"Stent\",\"trackSerials\":true,\"gtin\":\"" + gtin
                + "\"}").post("/api/items").then().statusCode(201);
        String p = Api.unique("S");
        String lot = Api.unique("LOT").substring(0, 12);
        String line = "{\"sku\":\"" + sku + "\",\"location\":\"" + location + "\",\"quantity\":4,\"serialsFormat\":\"GS1\","
                + "\"serials\":[\"(01)" + gtin + "(21)" + p + "-1(10)" + lot + "(17)291231\",\"(01)" + gtin + "(21)" + p
                + "-2(10)" + lot + "\",\"(01)" + gtin + "(21)" + p + "-3(10)" + lot + "\",\"(01)" + gtin + "(21)" + p + "-4\"]}";
        Api.as("clerk").body("{\"type\":\"RECEIPT\",\"lines\":[" + line + "]}").post("/api/transactions").then()
                .statusCode(201);

        try (Browser b = Browser.signedIn("viewer")) {
            b.go("serials.xhtml");
            b.type("serials:lot", lot);
            b.waitUntil(d -> b.all("tbody[id='serials:table_data'] > tr").size() == 3);
            assertThat(b.text("serials:table")).contains(lot).contains("2029-12-31").doesNotContain(p + "-4");

            // tick the first and the third, print them on a roll
            String box = "tbody[id='serials:table_data'] td.ui-selection-column .ui-chkbox-box";
            b.waitUntil(d -> b.all(box).size() == 3);
            List<org.openqa.selenium.WebElement> boxes = b.all(box);
            boxes.get(0).click();
            boxes.get(2).click();
            b.selectOne("serials:labelPreset", "ROLL_50X25");
            b.click("serials:printLabels");
            java.nio.file.Path pdf = b.downloaded(".pdf");
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                assertThat(doc.getNumberOfPages()).isEqualTo(2);
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                assertThat(text).contains(p + "-1").contains(p + "-3").doesNotContain(p + "-2").contains(lot);
            }
        }
    }
}
