package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.serialtracking.it.rest.Api;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.serialtracking.it.screens.ReceiptScreenIT.enterLine;

/**
 * GS1 labels scanned into the serial modal (issue 15): for an item with a GTIN, a DataMatrix scan
 * (symbology identifier, FNC1 as GS), the printed form with parentheses and a Digital Link URI each
 * give their serial, and the lot and expiry reach the saved serials; a label of another product is
 * refused naming it; a plain serial stays a serial. Scanned at scanner speed.
 */
class Gs1ScanScreenIT extends ScreenTest {

    /** FNC1 as a keyboard scanner types it (GS is Ctrl+] on the keyboard it emulates). */
    private static final String GS = Keys.chord(Keys.CONTROL, "]");

    @Test
    void gs1LabelsScannedIntoTheModalSaveTheirSerialsLotsAndExpiries() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String gtin = Api.gtin();
        String sku = Api.unique("GS1");
        Api.as("admin").body("{\"sku\":\"" + sku + "\",\"name\":\"Infusion pump\",\"trackSerials\":true,\"gtin\":\""
                + gtin + "\"}").post("/api/items").then().statusCode(201);
        String p = Api.unique("U");
        String foreign = "(01)" + Api.gtin() + "(21)" + p + "-X";
        List<String> scans = List.of(
                "]d201" + gtin + "21" + p + "-1" + GS + "10LOT-7" + GS + "17280630",
                "(01)" + gtin + "(21)" + p + "-2(10)LOT-7(17)280600",
                foreign,
                "https://id.example.com/01/" + gtin + "/21/" + p + "-3?10=LOT-8",
                "10" + p.replaceAll("[^0-9]", "") + "4");
        String plain = scans.get(4);

        try (Browser b = Browser.signedIn("clerk")) {
            b.driver.manage().window().setSize(new Dimension(1280, 800));
            b.go("transaction-new.xhtml?type=RECEIPT");
            enterLine(b, 0, sku, location, "4");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");
            b.tab("Type or scan");

            double msPerKey = b.scan("serialModalForm:ways:scan", scans, scans.size());
            assertThat(msPerKey).as("typed at scanner speed").isLessThan(5.0);

            b.settle();
            b.waitUntil(d -> b.text("serialModalForm:title").equals("Serial numbers (4 / 4)"));
            assertThat(b.text("serialModalForm:refusedScans")).contains("1 scan(s) not taken").contains(foreign)
                    .contains("is for GTIN");
            // the three read from labels collapse into one range of their serials
            assertThat(b.text("serialModalForm:ranges")).contains(p + "-1 \u2013 " + p + "-3 (3)").contains(plain)
                    .doesNotContain("(01)").doesNotContain("https");
            b.screenshot("15a-gs1-scans-in-the-serial-modal");

            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:0:serialState").equals("4 / 4"));
            b.click("document:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));

            // the posted receipt prints its labels, on the sheets or roll chosen
            assertThat(b.byId("view:printLabels").getAttribute("href")).endsWith("/labels.pdf?preset=A4_3X8");
            b.selectOne("view:labelPreset", "ROLL_50X25");
            b.waitUntil(d -> b.byId("view:printLabels").getAttribute("href").endsWith("preset=ROLL_50X25"));
            String href = b.byId("view:printLabels").getAttribute("href");
            byte[] pdf = Api.as("clerk").urlEncodingEnabled(false).get(href.substring(href.indexOf("/api/"))).then()
                    .statusCode(200).contentType("application/pdf").extract().asByteArray();
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
        Api.as("viewer").get("/api/serials/" + p + "-1").then().statusCode(200).body("lot", equalTo("LOT-7"))
                .body("expiry", equalTo("2028-06-30"));
        Api.as("viewer").get("/api/serials/" + p + "-2").then().body("expiry", equalTo("2028-06-30"));
        Api.as("viewer").get("/api/serials/" + p + "-3").then().body("lot", equalTo("LOT-8"));
        Api.as("viewer").get("/api/serials/" + plain).then().statusCode(200).body("lot", nullValue());
    }
}
