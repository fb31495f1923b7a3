package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.serialtracking.it.screens.ReceiptScreenIT.enterLine;
import static org.serialtracking.it.screens.StockMovementScreensIT.pick;

/**
 * A repair on screen (issue 14): the Repair form takes a board out of a unit (scanned) and puts one
 * from stock in (picked, into the unit named); the unit's Made of then shows the board inside now
 * and the one taken out, with the repair.
 */
class RepairScreenIT extends ScreenTest {

    @Test
    void theRepairFormSwapsABoardAndMadeOfShowsWhatIsInsideNowAndBefore() {
        Api.enableTracking();
        String[] wh = Api.twoLocations();
        String board = Api.trackedItem();
        String unit = Api.trackedItem();
        String[] boards = Api.serials(2);
        String[] units = Api.serials(1);
        Api.post("RECEIPT", board, wh[0], boards);
        Api.build(Api.line(unit, wh[0], 1, "OUTPUT", Api.list(units), null),
                Api.line(board, wh[0], 1, "COMPONENT", Api.list(boards[0]), null)).then().statusCode(201);
        String number;

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("transaction-new.xhtml?type=REPAIR");
            assertThat(b.text("document:lines")).contains("Taken out").contains("Put in");
            // the board taken out goes to the second location
            enterLine(b, 0, board, wh[1], "1");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:ways:scan").sendKeys(boards[0], Keys.ENTER);
            b.settle();
            b.waitUntil(d -> b.text("serialModalForm:title").equals("Serial numbers (1 / 1)"));
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:0:serialState").equals("1 / 1"));
            // the board put in comes from stock, into the unit
            enterLine(b, 1, board, wh[0], "1");
            b.click("document:lines:1:serials");
            b.visible("serialModalForm:title");
            pick(b, boards[1]);
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:1:serialState").equals("1 / 1"));
            b.type("document:lines:1:into", units[0]);
            b.click("document:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
            number = b.text("view:docNumber");
            assertThat(number).startsWith("RPR-");
            assertThat(b.text("view")).contains("Taken out").contains("Put in");
        }
        Api.as("viewer").get("/api/serials/" + boards[0]).then().body("status", equalTo("IN_STOCK"))
                .body("location", equalTo(wh[1]));
        Api.as("viewer").get("/api/serials/" + boards[1]).then().body("status", equalTo("CONSUMED"));

        try (Browser b = Browser.signedIn("viewer")) {
            b.go("serials.xhtml");
            b.type("serials:sku_input", unit);
            b.waitUntil(d -> b.text("serials:table").contains(units[0]));
            b.clickXpath("//a[normalize-space(.)='" + units[0] + "']");
            b.waitUntil(d -> b.text("historyForm:historySerial").equals(units[0]));
            b.clickXpath("//a[normalize-space(.)='Made of']");
            b.waitUntil(d -> b.text("historyForm:historyTabs:madeOf").contains(boards[1]));
            String madeOf = b.text("historyForm:historyTabs:madeOf");
            assertThat(madeOf).contains(boards[0]).contains("taken out by " + number);
            assertThat(madeOf.indexOf(boards[1])).as("inside now comes first").isLessThan(madeOf.indexOf(boards[0]));
            b.screenshot("19-repair-made-of");
        }
    }
}
