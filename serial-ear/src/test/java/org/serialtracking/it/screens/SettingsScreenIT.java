package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Settings → General → Tracking Settings: switches that save on change, and the guarded way off. */
class SettingsScreenIT extends ScreenTest {

    @Test
    void switchesSaveAsTheyChangeAndTurningTrackingOffNeedsTheWord() {
        Api.as("admin").body("{\"serialTracking\":false,\"autoSerialNumber\":false}")
                .put("/api/settings?confirm=DELETE_SERIAL_DATA").then().statusCode(200);
        try (Browser b = Browser.signedIn("admin")) {
            b.go("settings.xhtml");
            assertThat(b.isDisabled("tracking:autoSerial_input")).isTrue();

            b.click("tracking:serialTracking");
            assertThat(b.text("tracking:status")).contains("Saved");
            Api.as("viewer").get("/api/settings").then().body("serialTracking", equalTo(true));
            assertThat(b.isDisabled("tracking:autoSerial_input")).isFalse();
            String sku = Api.trackedItem();

            b.click("tracking:autoSerial");
            assertThat(b.text("tracking:status")).contains("Saved");
            Api.as("viewer").get("/api/settings").then().body("autoSerialNumber", equalTo(true));
            b.screenshot("01-settings");

            // off: a warning dialog; a wrong word deletes nothing
            b.click("tracking:serialTracking");
            b.visible("disableDialog");
            b.screenshot("02-settings-disable-dialog");
            b.type("disable:word", "delete");
            b.click("disable:confirm");
            assertThat(b.text("disable:wordMessage")).isNotEmpty();
            Api.as("viewer").get("/api/settings").then().body("serialTracking", equalTo(true));

            b.type("disable:word", "DELETE_SERIAL_DATA");
            b.click("disable:confirm");
            b.waitUntil(d -> !b.byId("disableDialog").isDisplayed());
            assertThat(b.text("tracking:status")).contains("Saved");
            Api.as("viewer").get("/api/settings").then()
                    .body("serialTracking", equalTo(false)).body("autoSerialNumber", equalTo(false));
            Api.as("viewer").get("/api/items/" + sku).then().body("trackSerials", equalTo(false));
        } finally {
            Api.enableTracking();
        }
    }

    @Test
    void anAdministratorChecksTheLedgerFromTheSettings() {
        Api.enableTracking();
        Api.post("RECEIPT", Api.trackedItem(), Api.twoLocations()[0], Api.serials(3));
        try (Browser b = Browser.signedIn("admin")) {
            b.go("settings.xhtml");
            b.click("ledger:check");
            b.waitUntil(d -> b.present("ledger:summary"));
            assertThat(b.text("ledger:summary")).contains("The ledger agrees with itself").contains("no disagreement found");
            b.screenshot("03-settings-ledger-check");
        }
    }
}
