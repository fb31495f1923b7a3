package org.serialtracking.it.rest;

import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Auto serial numbers over HTTP: format validation, preview, generation on a receipt. */
@MicroShedTest
class FormatApiIT {

    @Test
    void aValidFormatShowsExamplesAndABadOneIsRefusedWithItsPosition() {
        Api.as("viewer").body(Api.json("format", "SN-[[INCNUM,NONE,6]]")).post("/api/serial-formats/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("examples", contains("SN-000001", "SN-000002", "SN-000003"))
                .body("warnings", empty());
        Api.as("viewer").body(Api.json("format", "ITEM-[[YEAR]][[MONTH]]-[[INCNUM,DAILY,4]]"))
                .post("/api/serial-formats/validate").then().statusCode(200).body("warnings", hasSize(1));
        Api.as("viewer").body(Api.json("format", "SN-[[INCNUM,WEEKLY,6]]")).post("/api/serial-formats/validate")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("INVALID_FORMAT"))
                .body("detail", containsString("position 4"));
    }

    @Test
    void anAutoItemPreviewsAndReceivesGeneratedSerials() {
        Api.as("admin").body("{\"serialTracking\":true,\"autoSerialNumber\":true}").put("/api/settings")
                .then().statusCode(200);
        String[] wh = Api.twoLocations();
        String sku = Api.unique("AUTO");
        String prefix = Api.unique("G");
        Api.as("admin").body(Api.json("sku", sku, "name", "Auto", "trackSerials", true, "autoSerialNumber", true,
                "autoSerialFormat", prefix + "-[[INCNUM,NONE,4]]")).post("/api/items").then().statusCode(201);
        Api.as("viewer").queryParam("count", 2).get("/api/items/" + sku + "/auto-serials/preview").then()
                .statusCode(200).body("", contains(prefix + "-0001", prefix + "-0002"));
        Api.as("clerk").body("{\"type\":\"RECEIPT\",\"lines\":[{\"sku\":\"" + sku + "\",\"location\":\"" + wh[0]
                        + "\",\"quantity\":2}]}").post("/api/transactions").then().statusCode(201)
                .body("lines[0].serials", contains(prefix + "-0001", prefix + "-0002"));
        Api.as("admin").body(Api.json("autoSerialFormat", "[[INCNUM,NONE,4]][[INCNUM,NONE,4]]"))
                .put("/api/items/" + sku).then().statusCode(422).body("code", equalTo("INVALID_FORMAT"));
    }
}
