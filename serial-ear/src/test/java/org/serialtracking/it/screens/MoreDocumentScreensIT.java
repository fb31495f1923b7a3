package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.serialtracking.it.screens.ReceiptScreenIT.enterLine;
import static org.serialtracking.it.screens.StockMovementScreensIT.pick;

/**
 * The other document forms: a relocation to another company, an adjustment down and back up
 * (a removed serial found again), and a work order whose second component line cannot take the
 * serial the first one has.
 */
class MoreDocumentScreensIT extends ScreenTest {

    @Test
    void relocationAdjustmentsAndAWorkOrder() {
        Api.enableTracking();
        String here = Api.twoLocations()[0];
        String elsewhere = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String product = Api.trackedItem();
        String[] s = Api.serials(4);
        Api.post("RECEIPT", sku, here, s);
        String made = Api.unique("WO");

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("transaction-new.xhtml?type=RELOCATION");
            enterLine(b, 0, sku, here, "1");
            b.selectOne("document:lines:0:toLocation", elsewhere);
            choose(b, 0, s[0]);
            save(b, "REL-");

            b.go("transaction-new.xhtml?type=ADJUSTMENT");
            enterLine(b, 0, sku, here, "1");
            b.selectOne("document:lines:0:direction", "false");
            choose(b, 0, s[1]);
            save(b, "ADJ-");

            b.go("transaction-new.xhtml?type=ADJUSTMENT");
            enterLine(b, 0, sku, here, "1");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:ways:scan").sendKeys(s[1], Keys.ENTER);
            b.settle();
            b.waitUntil(d -> !b.isDisabled("serialModalForm:save"));
            assertThat(b.present("serialModalForm:problems")).as("a removed serial of the item may come back").isFalse();
            b.click("serialModalForm:save");
            save(b, "ADJ-");

            b.go("transaction-new.xhtml?type=WORK_ORDER");
            enterLine(b, 0, product, here, "1");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:ways:scan").sendKeys(made, Keys.ENTER);
            b.settle();
            b.waitUntil(d -> !b.isDisabled("serialModalForm:save"));
            b.click("serialModalForm:save");
            enterLine(b, 1, sku, here, "1");
            choose(b, 1, s[2]);
            b.click("document:lines:addLine");
            enterLine(b, 2, sku, here, "1");
            b.click("document:lines:2:serials");
            b.visible("serialModalForm:title");
            assertThat(b.text("serialModalForm:available")).containsPattern(s[2] + " \\S+ on line 2");
            assertThat(b.isDisabled(checkboxOf(b, s[2]))).as("a serial on another line cannot be picked").isTrue();
            pick(b, s[3]);
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:2:serialState").equals("1 / 1"));
            save(b, "WO-");
        }
        Api.as("viewer").get("/api/serials/" + s[0]).then().body("location", equalTo(elsewhere));
        Api.as("viewer").get("/api/serials/" + s[1]).then().body("status", equalTo("IN_STOCK"));
        Api.as("viewer").get("/api/serials/" + s[2]).then().body("status", equalTo("CONSUMED"));
        Api.as("viewer").get("/api/serials/" + s[3]).then().body("status", equalTo("CONSUMED"));
        Api.as("viewer").get("/api/serials/" + made + "/history").then().body("[0].type", equalTo("WORKBUILD"));
    }

    private static void choose(Browser b, int line, String serial) {
        b.click("document:lines:" + line + ":serials");
        b.visible("serialModalForm:title");
        pick(b, serial);
        b.click("serialModalForm:save");
        b.waitUntil(d -> b.text("document:lines:" + line + ":serialState").equals("1 / 1"));
    }

    private static void save(Browser b, String numberPrefix) {
        b.click("document:save");
        b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
        assertThat(b.text("view:docNumber")).startsWith(numberPrefix);
    }

    private static String checkboxOf(Browser b, String serial) {
        return b.driver.findElement(org.openqa.selenium.By.xpath("//tbody[@id='serialModalForm:available_data']/tr[td[normalize-space(.)='"
                + serial + "']]//input[@type='checkbox']")).getAttribute("id");
    }
}
