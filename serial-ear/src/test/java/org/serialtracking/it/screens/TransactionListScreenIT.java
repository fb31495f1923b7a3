package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

/** Transactions → All transactions: filter, open a document, cancel it. */
class TransactionListScreenIT extends ScreenTest {

    @Test
    void aFilteredListOpensADocumentThatCanBeCancelled() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        Api.post("RECEIPT", sku, location, Api.serials(2));
        Api.post("SHIPMENT", sku, location, Api.as("viewer").get("/api/serials?sku=" + sku)
                .then().extract().<String>path("items[0].serial"));

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("transactions.xhtml");
            b.type("list:sku_input", sku);
            b.waitUntil(d -> b.all("tbody[id='list:table_data'] > tr").size() == 2);
            b.selectOne("list:type", "SHIPMENT");
            b.waitUntil(d -> b.all("tbody[id='list:table_data'] > tr").size() == 1);
            assertThat(b.text("list:table")).contains("Shipment").contains("clerk").contains(sku);
            b.screenshot("15-transactions");
            b.clickXpath("//tbody[@id='list:table_data']//a");
            b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?id="));
            assertThat(b.text("view:docNumber")).startsWith("SHP-");

            b.click("view:cancelDocument");
            b.clickXpath("//button[contains(@class,'ui-confirmdialog-yes')]");
            b.waitUntil(d -> b.text("view:messages").contains("cancelled"));
            assertThat(b.text("view")).contains("Cancelled");
            assertThat(b.present("view:cancelDocument")).isFalse();
        }
        long id = Api.as("viewer").get("/api/transactions?sku=" + sku + "&type=SHIPMENT").then()
                .extract().<Integer>path("items[0].id");
        Api.as("viewer").get("/api/transactions/" + id).then().body("cancelledAt", notNullValue());
    }
}
