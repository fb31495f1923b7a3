package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.serialtracking.it.ha.Cluster;
import org.serialtracking.it.rest.Api;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serialtracking.it.screens.ReceiptScreenIT.enterLine;

/**
 * A clerk's screen survives the loss of the server it was on (issue 16). Through the load balancer
 * of {@link Cluster} (two servers, screen sessions in the database), a clerk signs in, starts a
 * receipt and scans half of its serials into the serial modal; the server that served all of it is
 * killed (kill -9). The clerk scans the other half and saves, now on the other server: the receipt
 * is posted once, with every serial scanned, and nothing else.
 */
class ServerLossScreenIT extends ScreenTest {

    @Test
    void aHalfScannedReceiptIsFinishedAndSavedOnTheOtherServer() {
        Cluster cluster = Cluster.get();
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String[] serials = Api.serials(8);
        String base = cluster.base() + "/";

        int lost = -1;
        try (Browser b = Browser.open()) {
            b.driver.get(base + "login.xhtml");
            b.settle();
            b.type("login:username", "clerk");
            b.type("login:password", "clerk");
            b.click("login:signIn");
            b.until(d -> !d.getCurrentUrl().contains("login.xhtml"));
            b.driver.get(base + "transaction-new.xhtml?type=RECEIPT");
            b.settle();
            enterLine(b, 0, sku, location, "8");
            b.click("document:lines:0:serials");
            b.visible("serialModalForm:title");
            b.tab("Type or scan");
            b.scan("serialModalForm:ways:scan", Arrays.asList(serials).subList(0, 4), 4);
            b.settle();
            b.waitUntil(d -> b.text("serialModalForm:title").equals("Serial numbers (4 / 8)"));

            // the server this browser has been on all along
            Cookie served = b.driver.manage().getCookieNamed("SERVERID");
            assertThat(served).as("the balancer's SERVERID cookie").isNotNull();
            lost = Integer.parseInt(served.getValue().substring(1));
            cluster.server(lost).kill();
            cluster.awaitDown(lost);

            b.scan("serialModalForm:ways:scan", Arrays.asList(serials).subList(4, 8), 4);
            b.settle();
            b.waitUntil(d -> b.text("serialModalForm:title").equals("Serial numbers (8 / 8)"));
            assertThat(b.driver.manage().getCookieNamed("SERVERID").getValue()).as("now on the other server")
                    .isNotEqualTo(served.getValue());
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("document:lines:0:serialState").equals("8 / 8"));
            b.click("document:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("transaction.xhtml?posted=true&id="));
            b.screenshot("server-lost-receipt-saved");
        } finally {
            if (lost > 0) {
                cluster.restore(lost);
            }
        }
        List<String> stored = Api.as("viewer").get("/api/serials?sku=" + Api.encode(sku) + "&limit=50")
                .then().statusCode(200).extract().path("items.serial");
        assertThat(stored).as("one receipt with every serial scanned, before and after the loss")
                .containsExactlyInAnyOrder(serials);
        List<Integer> receipts = Api.as("viewer").get("/api/transactions?sku=" + Api.encode(sku))
                .then().statusCode(200).extract().path("items.id");
        assertThat(receipts).as("posted once").hasSize(1);
    }
}
