package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** The main screens on a tablet in portrait (820 px wide): nothing needs sideways scrolling. */
class TabletLayoutScreenIT extends ScreenTest {

    @Test
    void mainScreensFitATabletWithoutSidewaysScrolling() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        Api.post("RECEIPT", sku, location, Api.serials(3));
        try (Browser b = Browser.signedIn("clerk")) {
            b.driver.manage().window().setSize(new Dimension(820, 1180));
            for (String page : new String[]{"index.xhtml", "items.xhtml", "serials.xhtml", "transactions.xhtml",
                    "item.xhtml?sku=" + sku, "parties.xhtml", "sites.xhtml", "recalls.xhtml"}) {
                b.go(page);
                assertThat(overflow(b)).as(page + " scrolls sideways by").isLessThanOrEqualTo(0L);
            }
            b.go("transaction-new.xhtml?type=SHIPMENT");
            ReceiptScreenIT.enterLine(b, 0, sku, location, "2");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");
            assertThat(overflow(b)).as("the modal scrolls sideways by").isLessThanOrEqualTo(0L);
            Number right = (Number) b.driver.executeScript(
                    "return document.getElementById('serialModal').getBoundingClientRect().right - window.innerWidth");
            assertThat(right.doubleValue()).as("the modal reaches past the right edge by").isLessThanOrEqualTo(0);
            b.screenshot("14-tablet-serial-modal");
        }
    }

    private static long overflow(Browser b) {
        return (Long) b.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }
}
