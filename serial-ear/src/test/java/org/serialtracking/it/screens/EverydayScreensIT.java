package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.serialtracking.it.rest.Api;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serialtracking.it.screens.ReceiptScreenIT.enterLine;

/**
 * What a clerk meets every day: work is never thrown away without asking, a bad range says why,
 * a transfer offers only the locations it may go to, an adjustment up fills auto serials like a
 * receipt does, and messages use a clerk's words.
 */
class EverydayScreensIT extends ScreenTest {

    @Test
    void theSerialModalAsksBeforeThrowingSerialsAwayAndARangeSaysWhatIsWrong() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String prefix = Api.unique("EV") + "-";

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("transaction-new.xhtml?type=RECEIPT");
            enterLine(b, 0, sku, location, "3");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");

            // End before Start: said at the top, and the Generate tab stays open
            b.tab("Generate range");
            b.type("serialModalForm:ways:prefix", prefix);
            b.typeNumber("serialModalForm:ways:start", "9");
            b.typeNumber("serialModalForm:ways:end", "5");
            assertThat(b.byId("serialModalForm:ways:start_input").getAttribute("value")).isEqualTo("9");
            assertThat(b.byId("serialModalForm:ways:end_input").getAttribute("value")).as("what was typed stays").isEqualTo("5");
            b.waitUntil(d -> b.text("serialModalForm:ways:preview").contains("The end number 5 is before the start number 9"));
            b.click("serialModalForm:ways:generate");
            b.waitUntil(d -> b.text("serialModalForm:modalMessages").contains("The end number 5 is before the start number 9"));
            assertThat(b.byId("serialModalForm:ways:generate").isDisplayed()).as("still on Generate range").isTrue();

            // more than the quantity: said, and Save waits
            b.typeNumber("serialModalForm:ways:start", "1");
            b.typeNumber("serialModalForm:ways:end", "5");
            b.click("serialModalForm:ways:generate");
            assertThat(b.text("serialModalForm:lastAction")).contains("5 serial(s) generated")
                    .contains("2 more than the quantity (3)");
            assertThat(b.isDisabled("serialModalForm:save")).isTrue();

            // Esc asks; keeping them keeps the modal open with its 5 serials
            b.byId("serialModalForm:ways:prefix").sendKeys(Keys.ESCAPE);
            assertThat(b.driver.switchTo().alert().getText()).contains("Discard 5 change(s)");
            b.driver.switchTo().alert().dismiss();
            assertThat(b.byId("serialModal").isDisplayed()).isTrue();
            assertThat(b.text("serialModalForm:title")).isEqualTo("Serial numbers (5 / 3)");
            // Cancel asks too; discarding closes it and the line keeps what it had
            b.byId("serialModalForm:cancel").click();
            b.driver.switchTo().alert().accept();
            b.waitUntil(d -> !b.byId("serialModal").isDisplayed());
            assertThat(b.text("document:lines:0:serialState")).isEqualTo("0 / 3");

            // with nothing changed, Esc closes without asking
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");
            b.visible("serialModalForm:ways:scan").sendKeys(Keys.ESCAPE);
            b.waitUntil(d -> !b.byId("serialModal").isDisplayed());

            // leaving the started document by the menu asks; staying keeps it
            new org.openqa.selenium.interactions.Actions(b.driver)
                    .moveToElement(b.driver.findElement(By.xpath("//span[normalize-space(.)='Inventory']"))).perform();
            b.visible("nav:menuItems").click();
            assertThat(b.driver.switchTo().alert().getText()).contains("Leave this document?");
            b.driver.switchTo().alert().dismiss();
            assertThat(b.driver.getCurrentUrl()).contains("transaction-new.xhtml");
            assertThat(b.byId("document:lines:0:sku_input").getAttribute("value")).isEqualTo(sku);
        }
    }

    @Test
    void aTransferOffersTheSameCompanysLocationsAndARelocationTheOthers() {
        Api.enableTracking();
        String[] ours = Api.twoLocations();
        String theirs = Api.twoLocations()[0];
        String sku = Api.trackedItem();

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("transaction-new.xhtml?type=TRANSFER");
            enterLine(b, 0, sku, ours[0], "1");
            assertThat(options(b, "document:lines:0:toLocation")).contains(ours[1]).doesNotContain(ours[0], theirs);

            b.go("transaction-new.xhtml?type=RELOCATION");
            enterLine(b, 0, sku, ours[0], "1");
            assertThat(options(b, "document:lines:0:toLocation")).contains(theirs).doesNotContain(ours[0], ours[1]);
        }
    }

    @Test
    void anAdjustmentUpFillsAutoSerialsLikeAReceipt() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.unique("AUTO");
        Api.as("admin").body("{\"serialTracking\":true,\"autoSerialNumber\":true}").put("/api/settings")
                .then().statusCode(200);
        try {
            Api.as("admin").body(Api.json("sku", sku, "name", "Auto pump", "trackSerials", true, "autoSerialNumber", true,
                    "autoSerialFormat", "[[SKU]]-[[INCNUM,NONE,4]]")).post("/api/items").then().statusCode(201);
            try (Browser b = Browser.signedIn("clerk")) {
                b.go("transaction-new.xhtml?type=ADJUSTMENT");
                enterLine(b, 0, sku, location, "2");
                b.waitUntil(d -> b.text("document:lines:0:serialState").equals("2 / 2"));
                assertThat(b.text("document:lines").toLowerCase()).contains("auto");
                b.click("document:save");
                b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
                assertThat(b.text("view:docLines")).contains(sku + "-0001 – " + sku + "-0002 (2)");
            }
        } finally {
            Api.enableTracking();
        }
    }

    @Test
    void theItemFormSaysWhatIsMissingInAClerksWordsAndAViewerCannotOpenANewItem() {
        Api.enableTracking();
        Api.twoLocations();
        String sku = Api.unique("MSG");
        try (Browser b = Browser.signedIn("admin")) {
            b.go("item.xhtml");
            b.type("item:tabs:sku", sku);
            b.type("item:tabs:name", "Words");
            b.typeNumber("item:tabs:initialQuantity", "5");
            b.click("item:save");
            String shown = b.text("item:messages");
            assertThat(shown).contains("The initial stock's location is required").doesNotContain("initialStock");
        }
        try (Browser b = Browser.signedIn("viewer")) {
            b.go("items.xhtml");
            assertThat(b.present("items:newItem")).isFalse();
            b.go("item.xhtml");
            assertThat(b.text("forbidden")).isEqualTo("Not allowed");
        }
    }

    private static List<String> options(Browser b, String selectId) {
        b.byId(selectId);
        return b.driver.findElements(By.cssSelector("[id='" + selectId + "_input'] option")).stream()
                .map(o -> String.valueOf(o.getAttribute("value"))).toList();
    }
}
