package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.serialtracking.it.rest.Api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serialtracking.it.screens.ReceiptScreenIT.enterLine;

/**
 * A handheld scanner types a whole serial and Enter in a few milliseconds, many times in a row,
 * without waiting for the screen. Every scan must arrive whole, once, in order; a repeat is
 * flagged, never merged into the next scan. In remove mode a scan selects exactly that serial.
 */
class ScannerScreenIT extends ScreenTest {

    @Test
    void twoHundredSerialsScannedAtScannerSpeedArriveWholeInOrderWithRepeatsFlagged() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String prefix = Api.unique("SC") + "-";
        // 200 distinct serials in an order that is not sorted, so order is something to check
        List<String> serials = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            serials.add(prefix + String.format("%04d", i) + "X" + (char) ('A' + i % 26));
        }
        Collections.shuffle(serials, new Random(12));
        // the same units scanned twice: after 50, 120 and 199 scans
        List<String> scans = new ArrayList<>(serials);
        scans.add(199, serials.get(3));
        scans.add(120, serials.get(119));
        scans.add(50, serials.get(0));

        try (Browser b = Browser.signedIn("clerk")) {
            b.go("transaction-new.xhtml?type=RECEIPT");
            enterLine(b, 0, sku, location, "200");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");
            b.tab("Type or scan");

            double msPerKey = b.scan("serialModalForm:ways:scan", scans, scans.size());
            System.out.printf("scanner test: %d scans, %.1f ms per key%n", scans.size(), msPerKey);
            assertThat(msPerKey).as("typed at scanner speed").isLessThan(5.0);

            b.settle();
            b.waitUntil(d -> b.text("serialModalForm:title").equals("Serial numbers (200 / 200)"));
            assertThat(b.byId("serialModalForm:ways:scan").getAttribute("value")).as("the box is empty").isEmpty();
            String refused = b.text("serialModalForm:refusedScans");
            assertThat(refused).contains("3 scan(s) not taken")
                    .contains("Duplicate: " + serials.get(3) + " is already in the list")
                    .contains("Duplicate: " + serials.get(119) + " is already in the list")
                    .contains("Duplicate: " + serials.get(0) + " is already in the list");
            assertThat(b.present("serialModalForm:problems")).isFalse();
            b.screenshot("05b-serial-modal-after-200-scans");

            b.click("serialModalForm:toggleShowAll");
            assertThat(allShown(b)).as("exactly the 200 serials scanned, in scan order").isEqualTo(serials);

            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:0:serialState").equals("200 / 200"));
            b.click("document:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
        }
        List<String> stored = Api.as("viewer").get("/api/serials?sku=" + Api.encode(sku) + "&limit=500")
                .then().statusCode(200).extract().path("items.serial");
        assertThat(stored).as("the posted receipt holds exactly the serials scanned")
                .containsExactlyInAnyOrderElementsOf(serials);
    }

    @Test
    void aScanInRemoveModeSelectsExactlyThatSerialOnATablet() {
        Api.enableTracking();
        String[] wh = Api.twoLocations();
        String sku = Api.trackedItem();
        String[] onHand = Api.serials(30);
        Api.post("RECEIPT", sku, wh[0], onHand);
        String elsewhere = Api.serials(1)[0];
        Api.post("RECEIPT", sku, wh[1], elsewhere);

        try (Browser b = Browser.signedIn("clerk")) {
            b.driver.manage().window().setSize(new Dimension(820, 1180));
            b.go("transaction-new.xhtml?type=SHIPMENT");
            enterLine(b, 0, sku, wh[0], "2");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");

            // the 17th serial, a serial at the other location, a repeat, then the 25th: at scanner speed
            b.scan("serialModalForm:filter", List.of(onHand[16], elsewhere, onHand[16].toLowerCase(), onHand[24]),
                    4);
            b.settle();
            b.waitUntil(d -> b.text("serialModalForm:title").equals("Serial numbers (2 / 2)"));
            assertThat(b.byId("serialModalForm:filter").getAttribute("value")).as("the box is empty").isEmpty();
            assertThat(b.text("serialModalForm:ranges")).contains(onHand[16]).contains(onHand[24])
                    .doesNotContain(onHand[0] + "\n").doesNotContain(elsewhere);
            assertThat(b.text("serialModalForm:refusedScans")).contains("2 scan(s) not taken")
                    .contains(elsewhere + " is not on hand here")
                    .contains("Duplicate: " + onHand[16] + " is already selected");
            b.screenshot("08b-serial-modal-remove-mode-scanned-820");
            assertThat(b.isDisabled("serialModalForm:save")).isFalse();
        }
    }

    /** The "Show all" table, page by page. */
    private static List<String> allShown(Browser b) {
        List<String> shown = new ArrayList<>();
        while (true) {
            b.waitUntil(d -> !b.all("[id='serialModalForm:all_data'] > tr > td:first-child").isEmpty());
            for (WebElement cell : b.all("[id='serialModalForm:all_data'] > tr > td:first-child")) {
                shown.add(cell.getText().strip());
            }
            List<WebElement> next = b.driver.findElements(By.cssSelector(
                    "[id='serialModalForm:all_paginator_bottom'] .ui-paginator-next:not(.ui-state-disabled)"));
            if (next.isEmpty()) {
                return shown;
            }
            String firstBefore = shown.get(shown.size() - 10);
            next.get(0).click();
            b.settle();
            b.waitUntil(d -> !b.all("[id='serialModalForm:all_data'] > tr > td:first-child").get(0).getText().strip()
                    .equals(firstBefore));
        }
    }
}
