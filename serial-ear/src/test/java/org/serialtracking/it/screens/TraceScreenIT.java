package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 on screen: a serial's History modal shows what it is made of, what it went into (up to
 * the unit a customer has) and its warranty.
 */
class TraceScreenIT extends ScreenTest {

    @Test
    void theHistoryModalShowsMadeOfWentIntoAndWarranty() {
        Api.enableTracking();
        String wh = Api.twoLocations()[0];
        String supplier = Api.party("suppliers", "Cells Inc");
        String customer = Api.party("customers", "Grid Co");
        String cell = Api.trackedItem();
        String pack = Api.unique("PACK");
        Api.as("admin").body("{\"sku\":\"" + pack + "\",\"name\":\"Pack\",\"trackSerials\":true,\"warrantyDays\":730}")
                .post("/api/items").then().statusCode(201);
        String[] cells = Api.serials(2);
        String[] packs = Api.serials(1);
        Api.as("clerk").body(Api.doc("RECEIPT", cell, wh, 2, cells).replaceFirst("\\{",
                "{\"supplier\":\"" + supplier + "\",")).post("/api/transactions").then().statusCode(201);
        Api.build(Api.line(pack, wh, 1, "OUTPUT", Api.list(packs), null),
                Api.line(cell, wh, 2, "COMPONENT", Api.list(cells), null)).then().statusCode(201);
        Api.as("clerk").body(Api.doc("SHIPMENT", pack, wh, 1, packs).replaceFirst("\\{",
                "{\"customer\":\"" + customer + "\",")).post("/api/transactions").then().statusCode(201);

        try (Browser b = Browser.signedIn("viewer")) {
            b.go("serials.xhtml");
            b.type("serials:sku_input", pack);
            b.waitUntil(d -> b.all("tbody[id='serials:table_data'] > tr").size() == 1
                    && b.text("serials:table").contains(packs[0]));
            assertThat(b.text("serials:table")).contains("to " + customer);
            b.clickXpath("//a[normalize-space(.)='" + packs[0] + "']");
            b.visible("historyDialog");
            b.waitUntil(d -> b.text("historyForm:historySerial").equals(packs[0]));
            assertThat(b.text("historyForm")).contains("shipped to " + customer);

            b.clickXpath("//a[normalize-space(.)='Made of']");
            b.waitUntil(d -> b.text("historyForm:historyTabs:madeOf").contains(cells[1]));
            assertThat(b.text("historyForm:historyTabs:madeOf")).contains(cells[0]).contains(supplier)
                    .contains("Used in a build").contains("exact");
            b.screenshot("17-serial-made-of");

            b.clickXpath("//a[normalize-space(.)='Warranty']");
            b.waitUntil(d -> b.text("historyForm:historyTabs:warrantyStatus").equals("In warranty"));
            assertThat(b.text("historyForm:historyTabs:warranty")).contains("until");
        }
        try (Browser b = Browser.signedIn("viewer")) {
            b.go("serials.xhtml");
            b.type("serials:sku_input", cell);
            b.waitUntil(d -> b.all("tbody[id='serials:table_data'] > tr").size() == 2);
            b.clickXpath("//a[normalize-space(.)='" + cells[0] + "']");
            b.waitUntil(d -> b.text("historyForm:historySerial").equals(cells[0]));
            b.clickXpath("//a[normalize-space(.)='Went into']");
            // the cell row is expanded: the pack it went into, shipped to the customer
            b.waitUntil(d -> b.text("historyForm:historyTabs:wentInto").contains(packs[0]));
            assertThat(b.text("historyForm:historyTabs:wentInto")).contains("to " + customer);
            b.clickXpath("//a[normalize-space(.)='Warranty']");
            b.waitUntil(d -> b.text("historyForm:historyTabs:warranty").contains("no warranty"));
        }
    }

    /** A deep unit's Made of opens one level at a time: a part shows only when its assembly is opened. */
    @Test
    void madeOfOpensOneLevelAtATime() {
        Api.enableTracking();
        String wh = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String[] part = Api.serials(1);
        String[] sub = Api.serials(1);
        String[] top = Api.serials(1);
        Api.post("RECEIPT", sku, wh, part);
        Api.build(Api.line(sku, wh, 1, "OUTPUT", Api.list(sub), null),
                Api.line(sku, wh, 1, "COMPONENT", Api.list(part), null)).then().statusCode(201);
        Api.build(Api.line(sku, wh, 1, "OUTPUT", Api.list(top), null),
                Api.line(sku, wh, 1, "COMPONENT", Api.list(sub), null)).then().statusCode(201);

        try (Browser b = Browser.signedIn("viewer")) {
            b.go("serials.xhtml");
            b.type("serials:q", top[0]);
            b.waitUntil(d -> b.text("serials:table").contains(top[0]));
            b.clickXpath("//a[normalize-space(.)='" + top[0] + "']");
            b.waitUntil(d -> b.text("historyForm:historySerial").equals(top[0]));
            b.clickXpath("//a[normalize-space(.)='Made of']");
            b.waitUntil(d -> b.text("historyForm:historyTabs:madeOf").contains(sub[0]));
            assertThat(b.text("historyForm:historyTabs:madeOf")).doesNotContain(part[0]);
            b.clickXpath("//tbody[@id='historyForm:historyTabs:madeOf_data']/tr[td[contains(normalize-space(.),'"
                    + sub[0] + "')]]//span[contains(@class,'ui-treetable-toggler')]");
            b.waitUntil(d -> b.text("historyForm:historyTabs:madeOf").contains(part[0]));
        }
    }
}
