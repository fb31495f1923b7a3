package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 14: a clerk adds customers and suppliers on their screen, finds them again, and names the
 * customer on a shipment; the posted document and the shipped serial show who it went to.
 */
class PartiesScreenIT extends ScreenTest {

    @Test
    void aClerkAddsACustomerFindsItAndShipsToIt() {
        Api.enableTracking();
        String wh = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String[] serials = Api.serials(2);
        Api.post("RECEIPT", sku, wh, serials);
        String customer = Api.unique("CUS");
        String name = Api.unique("Harbour Pumps");

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("parties.xhtml");
            b.type("parties:customers:code", customer);
            b.type("parties:customers:name", name);
            b.click("parties:customers:add");
            b.waitUntil(d -> b.text("parties:messages").contains("Customer " + customer + " added."));
            // the same code twice is refused at the code box, naming it
            b.type("parties:customers:code", customer);
            b.click("parties:customers:add");
            b.waitUntil(d -> b.text("parties:customers:add").isEmpty() || b.text("parties").contains("already exists"));
            assertThat(b.text("parties")).contains("Customer '" + customer + "' already exists");

            b.visible("parties:customers:q").sendKeys(name.substring(name.length() - 8));
            // the list narrows to the one customer whose name holds the text
            b.waitUntil(d -> b.all("[id='parties:customers:table_data'] > tr").size() == 1);
            assertThat(b.text("parties:customers:table")).contains(customer).contains(name);
            b.screenshot("15-customers-and-suppliers");

            b.go("transaction-new.xhtml?type=SHIPMENT");
            assertThat(b.text("document")).contains("Customer");
            // found by a part of its name; the suggestion names code and name, choosing it keeps the code
            b.visible("document:party_input").sendKeys(name.substring(name.length() - 8));
            b.waitUntil(d -> b.present("document:party_panel") && b.text("document:party_panel").contains(name));
            b.clickXpath("//*[@id='document:party_panel']//li[contains(., '" + customer + "')]");
            b.settle();
            ReceiptScreenIT.enterLine(b, 0, sku, wh, "1");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");
            StockMovementScreensIT.pick(b, serials[0]);
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:0:serialState").equals("1 / 1"));
            b.click("document:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
            assertThat(b.text("view:docCustomer")).contains("Customer: " + customer);

            // a receipt asks for the supplier instead, a transfer for neither
            b.go("transaction-new.xhtml?type=RECEIPT");
            assertThat(b.text("document")).contains("Supplier");
            b.go("transaction-new.xhtml?type=TRANSFER");
            assertThat(b.present("document:party_input")).isFalse();
        }
        Api.as("viewer").get("/api/serials/" + serials[0]).then().body("status", equalTo("SHIPPED"))
                .body("customer", equalTo(customer));
    }
}
