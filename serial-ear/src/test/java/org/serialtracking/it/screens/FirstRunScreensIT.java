package org.serialtracking.it.screens;

import org.junit.jupiter.api.Test;
import org.serialtracking.it.rest.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer needs on screen: companies and locations added without the API, and a start
 * page whose figures follow what was posted.
 */
class FirstRunScreensIT extends ScreenTest {

    @Test
    void anAdminAddsACompanyAndALocationOnScreenAndAViewerSeesThem() {
        String company = Api.unique("CO");
        String location = Api.unique("WH");
        try (Browser b = Browser.signedIn("admin")) {
            b.go("sites.xhtml");
            b.type("sites:companyCode", company);
            b.type("sites:companyName", "Northwind");
            b.click("sites:addCompany");
            assertThat(b.text("sites:messages")).contains("Company " + company + " added.");
            assertThat(b.text("sites:companies")).contains(company).contains("Northwind");

            b.type("sites:locationCode", location);
            b.type("sites:locationName", "North dock");
            b.selectOne("sites:locationCompany", company);
            b.click("sites:addLocation");
            assertThat(b.text("sites:messages")).contains("Location " + location + " added to " + company + ".");

            // the same code twice is refused, saying why
            b.type("sites:companyCode", company);
            b.click("sites:addCompany");
            assertThat(b.text("sites")).contains("Company '" + company + "' already exists");
            b.screenshot("16-companies-and-locations");
        }
        Api.as("viewer").get("/api/locations").then().statusCode(200)
                .body("find { it.code == '" + location + "' }.company", org.hamcrest.Matchers.equalTo(company));
        try (Browser b = Browser.signedIn("viewer")) {
            b.go("sites.xhtml");
            assertThat(b.text("sites:companies")).contains(company);
            assertThat(b.present("sites:addCompany")).isFalse();
            assertThat(b.present("sites:addLocation")).isFalse();
        }
    }

    @Test
    void theStartPageCountsUnitsInStockAndTodaysDocuments() {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        try (Browser b = Browser.signedIn("clerk")) {
            b.go("index.xhtml");
            long inStock = figure(b, "inStock");
            long today = figure(b, "today");

            Api.post("RECEIPT", sku, location, Api.serials(3));
            b.go("index.xhtml");
            assertThat(figure(b, "inStock")).isEqualTo(inStock + 3);
            assertThat(figure(b, "today")).isEqualTo(today + 1);
            b.screenshot("00b-start");

            b.click("inStock");
            b.waitUntil(d -> d.getCurrentUrl().contains("serials.xhtml"));
            assertThat(b.byId("serials:status_input").getAttribute("value")).isEqualTo("IN_STOCK");
        }
    }

    private static long figure(Browser b, String id) {
        return Long.parseLong(b.text(id).lines().findFirst().orElseThrow().replace(",", "").strip());
    }
}
