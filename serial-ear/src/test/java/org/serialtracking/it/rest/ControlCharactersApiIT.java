package org.serialtracking.it.rest;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A NUL (U+0000) or another control character in any text never reaches PostgreSQL (which refuses
 * U+0000 with an error that used to be a 500): it is a 422 problem naming the field.
 */
@MicroShedTest
class ControlCharactersApiIT {

    String wh;
    String sku;

    @BeforeEach
    void world() {
        Api.enableTracking();
        wh = Api.twoLocations()[0];
        sku = Api.trackedItem();
    }

    private static void refused(Response response, String detail) {
        response.then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("VALIDATION")).body("detail", equalTo(detail));
    }

    @Test
    void inNamesCodesAndReferences() {
        String item = Api.unique("SKU");
        refused(Api.as("admin").body("{\"sku\":\"" + item + "\",\"name\":\"Pump\\u0000\"}").post("/api/items"),
                "name must not contain control characters (U+0000)");
        Api.as("viewer").get("/api/items/" + item).then().statusCode(404);
        refused(Api.as("admin").body("{\"name\":\"Pu\\u0000mp\"}").put("/api/items/" + sku),
                "name must not contain control characters (U+0000)");
        refused(Api.as("admin").body("{\"code\":\"CO\\u0000X\",\"name\":\"Co\"}").post("/api/companies"),
                "code must not contain control characters (U+0000)");
        refused(Api.as("admin").body("{\"code\":\"WH-X\\u001b\",\"name\":\"W\",\"company\":\"C\"}").post("/api/locations"),
                "code must not contain control characters (U+001B)");
        refused(Api.as("clerk").body("{\"type\":\"RECEIPT\",\"reference\":\"PO\\u0000-7\",\"lines\":[{\"sku\":\"" + sku
                        + "\",\"location\":\"" + wh + "\",\"quantity\":1,\"serials\":[\"" + Api.serials(1)[0] + "\"]}]}")
                .post("/api/transactions"), "reference must not contain control characters (U+0000)");
        refused(Api.as("clerk").body("{\"type\":\"RECEIPT\",\"lines\":[{\"sku\":\"" + sku + "\",\"location\":\""
                        + wh + "\\u0000\",\"quantity\":1,\"serials\":[\"" + Api.serials(1)[0] + "\"]}]}")
                .post("/api/transactions"), "lines[0].location must not contain control characters (U+0000)");
        refused(Api.as("clerk").body("{\"location\":\"" + wh + "\\u0085\",\"quantity\":1}")
                .post("/api/items/" + sku + "/auto-select"), "location must not contain control characters (U+0085)");
        refused(Api.as("clerk").body("{\"prefix\":\"SN\\u0000\",\"start\":1,\"end\":2}").post("/api/serial-tools/range"),
                "prefix must not contain control characters (U+0000)");
        refused(Api.as("viewer").body("{\"format\":\"X-[[INCNUM,NEVER,3]]\",\"sku\":\"S\\u0000\"}")
                .post("/api/serial-formats/validate"), "sku must not contain control characters (U+0000)");
        Api.as("viewer").get("/api/items/" + sku).then().body("name", equalTo("Pump"));
    }

    @Test
    void inSerialsTheSerialRulesNameTheSerial() {
        Api.as("clerk").body(Api.doc("RECEIPT", sku, wh, 1, "bad\\u0000serial")).post("/api/transactions").then()
                .statusCode(422).body("code", equalTo("INVALID_SERIAL"))
                .body("serials", contains("bad\u0000serial"))
                .body("detail", startsWith("lines[0].serials[0]: a serial number must not contain"));
    }

    @Test
    void inQueryAndPathParameters() {
        refused(Api.raw("viewer").get("/api/items?q=pump%00"), "query parameter 'q' must not contain control "
                + "characters (U+0000)");
        refused(Api.raw("viewer").get("/api/serials?sku=" + sku + "%07"), "query parameter 'sku' must not contain "
                + "control characters (U+0007)");
        refused(Api.raw("viewer").get("/api/serials?q=a%C2%85"), "query parameter 'q' must not contain control "
                + "characters (U+0085)");
        refused(Api.raw("viewer").get("/api/transactions?sku=x%01"), "query parameter 'sku' must not contain "
                + "control characters (U+0001)");
        // (Liberty itself refuses %00-%1F and %7F in a path, before the application: see ApiErrorsIT)
        refused(Api.raw("viewer").get("/api/items/" + sku + "%C2%85"), "path parameter 'sku' must not contain "
                + "control characters (U+0085)");
        Api.raw("viewer").get("/api/serials/bad%C2%9Fserial").then().statusCode(422)
                .body("code", equalTo("INVALID_SERIAL")).body("serials", contains("bad\u009fserial"));
        Api.raw("viewer").get("/api/serials?after=AA").then().statusCode(422).body("code", equalTo("VALIDATION"))
                .body("detail", containsString("not a cursor"));
    }

    @Test
    void pastedSerialsMayHoldLineBreaksAndNothingElse() {
        Api.as("clerk").body("{\"text\":\"SN-1\\nSN-2\\r\\n\\tSN-3\"}").post("/api/serial-tools/parse").then()
                .statusCode(200).body("serials", contains("SN-1", "SN-2", "SN-3"));
        refused(Api.as("clerk").body("{\"text\":\"SN-1\\u0000\\nSN-2\"}").post("/api/serial-tools/parse"),
                "text must not contain control characters (U+0000)");
    }

    @Test
    void halfASurrogatePairIsNoText() {
        Api.as("admin").body("{\"code\":\"CO-\\ud800\",\"name\":\"x\"}").post("/api/companies").then()
                .statusCode(422).body("code", equalTo("VALIDATION")).body("detail", containsString("surrogate"));
    }
}
