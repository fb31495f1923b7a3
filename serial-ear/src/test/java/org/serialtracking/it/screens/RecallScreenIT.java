package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.serialtracking.it.rest.Api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality → Recalls (issue 14) as a quality engineer works: suspects scanned into the box at
 * scanner speed (a wrong one refused by name, nothing created), the recall's units counted by
 * state and customer and filtered by a click, a recall by a component consumed over some days,
 * a tablet's width, closing it; a viewer reads but does not create or close.
 */
class RecallScreenIT extends ScreenTest {

    /** Types a date into a date picker (its calendar opens from its button, not on focus) and leaves it. */
    static void typeDate(Browser b, String picker, String date) {
        b.type(picker + "_input", date + Keys.TAB);
        b.settle();
    }

    @Test
    void aRecallFromScannedSuspectsShowsTheUnitsThatHoldThemFilteredAndClosed() {
        Api.enableTracking();
        String wh = Api.twoLocations()[0];
        String customer = Api.party("customers", "Grid Co");
        String cell = Api.trackedItem();
        String battery = Api.unique("BAT");
        Api.as("admin").body("{\"sku\":\"" + battery + "\",\"name\":\"Battery\",\"trackSerials\":true,"
                + "\"warrantyDays\":365}").post("/api/items").then().statusCode(201);
        String screw = Api.unique("SCREW");
        Api.as("admin").body(Api.json("sku", screw, "name", "Screw")).post("/api/items").then().statusCode(201);
        Api.as("clerk").body("{\"type\":\"RECEIPT\",\"lines\":[{\"sku\":\"" + screw + "\",\"location\":\"" + wh
                + "\",\"quantity\":10}]}").post("/api/transactions").then().statusCode(201);
        String[] cells = Api.serials(4);
        String[] batteries = Api.serials(2);
        Api.post("RECEIPT", cell, wh, cells);
        for (int u = 0; u < 2; u++) {
            Api.build(Api.line(battery, wh, 1, "OUTPUT", Api.list(batteries[u]), null),
                    Api.line(cell, wh, 2, "COMPONENT", Api.list(cells[2 * u], cells[2 * u + 1]), null),
                    Api.line(screw, wh, 2, "COMPONENT", null, null)).then().statusCode(201);
        }
        Api.as("clerk").body(Api.doc("SHIPMENT", battery, wh, 1, batteries[0]).replaceFirst("\\{",
                "{\"customer\":\"" + customer + "\",")).post("/api/transactions").then().statusCode(201);
        String reason = Api.unique("Cells overheat");
        String ghost = Api.unique("GHOST");
        String number;

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("recalls.xhtml");
            // a scanner: serial and Enter, one after the other, no pause; one of them unknown, one twice
            b.scan("recalls:scan", List.of(cells[0], ghost, cells[3], cells[0].toLowerCase()), 4);
            b.settle();
            b.waitUntil(d -> b.text("recalls:suspectCount").equals("2 suspect serial(s)"));
            assertThat(b.text("recalls:refusedScans")).contains("Not known: " + ghost).contains("Duplicate");
            assertThat(b.byId("recalls:scan").getAttribute("value")).isEmpty();
            // one more pasted
            b.type("recalls:serials", cells[1]);
            b.click("recalls:pasteAdd");
            b.waitUntil(d -> b.text("recalls:suspectCount").equals("3 suspect serial(s)"));
            assertThat(b.text("recalls:suspectSerials")).isEqualTo(cells[0] + ", " + cells[3] + ", " + cells[1]);
            // without a reason nothing is created, and the suspects stay
            b.click("recalls:create");
            b.waitUntil(d -> b.text("recalls:newRecall").contains("reason is required"));
            assertThat(b.text("recalls:suspectCount")).isEqualTo("3 suspect serial(s)");
            assertThat(b.present("recalls:unitCount")).isFalse();
            b.type("recalls:reason", reason);
            b.click("recalls:create");
            b.waitUntil(d -> b.present("recalls:unitCount"));
            assertThat(b.text("recalls:messages")).contains("3 suspect serial(s), 2 unit(s) affected");
            assertThat(b.text("recalls:suspectCount")).isEqualTo("0 suspect serial(s)");
            number = b.text("recallTitle").split(" ")[0];
            assertThat(number).matches("RCL-\\d{6}");
            assertThat(b.text("recalls:list")).contains(number).contains(reason);
            assertThat(b.text("recalls:unitCount")).isEqualTo("2 unit(s) affected");
            assertThat(b.text("recalls:detail")).contains("At a customer: 1").contains("In stock: 1");
            assertThat(b.text("recalls:customers")).contains(customer).contains("Grid Co");
            assertThat(b.text("recalls:units")).contains(batteries[0]).contains(batteries[1])
                    .contains(cells[0] + " › " + batteries[0]).contains(customer);
            b.driver.executeScript("document.getElementById('recalls:detail').scrollIntoView()");
            b.screenshot("18-recall");

            // a click on a count shows only those units; again shows all
            b.clickXpath("//button[contains(@class,'state-SHIPPED')]");
            b.waitUntil(d -> !b.text("recalls:units").contains(batteries[1]));
            assertThat(b.text("recalls:units")).contains(batteries[0]);
            assertThat(b.byId("recalls:exportCsv").getAttribute("href")).contains("status=SHIPPED");
            b.clickXpath("//button[contains(@class,'state-SHIPPED')]");
            b.waitUntil(d -> b.text("recalls:units").contains(batteries[1]));

            // at a tablet's width the units still fit
            b.driver.manage().window().setSize(new Dimension(820, 1180));
            b.go("recalls.xhtml?number=" + number);
            assertThat(b.text("recalls:units")).contains(batteries[1]);
            Number overflow = (Number) b.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.longValue()).as("the recall scrolls sideways by").isLessThanOrEqualTo(0L);
            b.driver.manage().window().setSize(new Dimension(1280, 800));

            // a recall by the untracked screw consumed today: both batteries
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            b.type("recalls:reason", "Screws shear");
            b.type("recalls:component_input", screw);
            // dates typed as a clerk does
            typeDate(b, "recalls:from", today);
            typeDate(b, "recalls:to", today);
            assertThat(b.byId("recalls:from_input").getAttribute("value")).isEqualTo(today);
            assertThat(b.byId("recalls:to_input").getAttribute("value")).isEqualTo(today);
            b.click("recalls:create");
            b.waitUntil(d -> b.text("recalls:messages").contains("created"));
            assertThat(b.text("recalls:messages")).contains("2 suspect serial(s), 2 unit(s) affected");
            assertThat(b.text("recalls:detail")).contains(screw + " consumed " + today + " to " + today);

            // closing the first one
            b.go("recalls.xhtml?number=" + number);
            b.type("recalls:closingNote", "All cells replaced");
            b.click("recalls:close");
            b.click("recalls:confirmClose");
            b.waitUntil(d -> b.text("recalls:recallStatus").equals("Closed"));
            assertThat(b.text("recalls:detail")).contains("closed by clerk: All cells replaced");
            assertThat(b.present("recalls:close")).isFalse();
        }
        try (Browser b = Browser.signedIn("viewer")) {
            b.go("recalls.xhtml?number=" + number);
            assertThat(b.text("recalls:unitCount")).isEqualTo("2 unit(s) affected");
            assertThat(b.present("recalls:create")).isFalse();
        }
    }
}
