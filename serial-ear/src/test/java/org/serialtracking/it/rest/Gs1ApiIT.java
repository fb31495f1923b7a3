package org.serialtracking.it.rest;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * GS1 in (issue 15): an item's GTIN, GS1 barcode data posted as serials ({@code serialsFormat}), the
 * lot and expiry kept on the serial, shown and filtered, and a label that disagrees refused.
 */
@MicroShedTest
class Gs1ApiIT {

    static final String GS = "\u001d";

    String wh;

    @BeforeEach
    void world() {
        Api.enableTracking();
        wh = Api.twoLocations()[0];
    }

    String gtinItem(String gtin) {
        String sku = Api.unique("GS1");
        Api.as("admin").body("{\"sku\":\"" + sku + "\",\"name\":\"Pump\",\"trackSerials\":true,\"gtin\":\"" + gtin
                + "\"}").post("/api/items").then().statusCode(201).body("gtin", equalTo(gtin));
        return sku;
    }

    static String gs1Line(String sku, String location, String... entries) {
        StringBuilder serials = new StringBuilder();
        for (String e : entries) {
            serials.append(serials.length() == 0 ? "" : ",").append(Api.str(e));
        }
        return "{\"sku\":\"" + sku + "\",\"location\":\"" + location + "\",\"quantity\":" + entries.length
                + ",\"serialsFormat\":\"GS1\",\"serials\":[" + serials + "]}";
    }

    static String doc(String type, String line) {
        return "{\"type\":\"" + type + "\",\"lines\":[" + line + "]}";
    }

    @Test
    void anItemsGtinIsCheckedKeptAs14DigitsAndOneItemsOnly() {
        String gtin = Api.gtin();
        String sku = Api.unique("GS1");
        // written as a GTIN-13, kept as 14 digits
        Api.as("admin").body("{\"sku\":\"" + sku + "\",\"name\":\"Pump\",\"trackSerials\":true,\"gtin\":\""
                + gtin.substring(1) + "\"}").post("/api/items").then().statusCode(201).body("gtin", equalTo(gtin));

        String other = Api.unique("GS1");
        Api.as("admin").body("{\"sku\":\"" + other + "\",\"name\":\"Copy\",\"gtin\":\"" + gtin + "\"}")
                .post("/api/items").then().statusCode(409).body("code", equalTo("ALREADY_EXISTS"))
                .body("detail", containsString(sku));
        String bad = gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10);
        Api.as("admin").body("{\"sku\":\"" + other + "\",\"name\":\"Typo\",\"gtin\":\"" + bad + "\"}")
                .post("/api/items").then().statusCode(422).body("code", equalTo("INVALID_GTIN"))
                .body("detail", containsString("expected " + gtin.charAt(13)));
        Api.as("viewer").get("/api/items/" + other).then().statusCode(404);

        // blank removes it, and the GTIN is free again
        Api.as("admin").body("{\"gtin\":\"\"}").put("/api/items/" + sku).then().statusCode(200).body("gtin", nullValue());
        Api.as("admin").body("{\"sku\":\"" + other + "\",\"name\":\"Now\",\"gtin\":\"" + gtin + "\"}")
                .post("/api/items").then().statusCode(201).body("gtin", equalTo(gtin));
    }

    @Test
    void gs1DataInEveryFormPostsTheSerialsWithTheirLotAndExpiry() {
        String gtin = Api.gtin();
        String sku = gtinItem(gtin);
        String p = Api.unique("P");
        String[] entries = {
                "]d201" + gtin + "21" + p + "-1" + GS + "10LOT-A" + GS + "17271231",
                "(01)" + gtin + "(21)" + p + "-2(10)LOT-A(17)280200",
                "https://id.example.com/01/" + gtin + "/21/" + p + "-3?10=LOT-B",
        };

        JsonPath posted = Api.as("clerk").body(doc("RECEIPT", gs1Line(sku, wh, entries))).post("/api/transactions")
                .then().statusCode(201).extract().jsonPath();

        assertThat(posted.getList("lines[0].serials", String.class)).containsExactly(p + "-1", p + "-2", p + "-3");
        Api.as("viewer").get("/api/serials/" + p + "-1").then().body("lot", equalTo("LOT-A"))
                .body("expiry", equalTo("2027-12-31"));
        // day 00: the last day of the month
        Api.as("viewer").get("/api/serials/" + p + "-2").then().body("expiry", equalTo("2028-02-29"));
        Api.as("viewer").get("/api/serials/" + p + "-3").then().body("lot", equalTo("LOT-B")).body("expiry", nullValue());

        Api.as("viewer").get("/api/serials?sku=" + sku + "&lot=LOT-A").then()
                .body("items.serial", equalTo(List.of(p + "-1", p + "-2")));
        Api.as("viewer").get("/api/serials?sku=" + sku + "&expiresBy=2028-01-31").then()
                .body("items.serial", equalTo(List.of(p + "-1")));
        Api.as("viewer").get("/api/serials?expiresBy=31.01.2028").then().statusCode(422)
                .body("detail", containsString("expiresBy"));
        Api.as("viewer").accept("text/csv").get("/api/serials/export?sku=" + sku + "&lot=LOT-B").then()
                .body(containsString(p + "-3,"), containsString("LOT-B"));
    }

    @Test
    void aBadGs1EntryRefusesTheDocumentNamingItAndNothingIsSaved() {
        String gtin = Api.gtin();
        String sku = gtinItem(gtin);
        String p = Api.unique("P");
        String foreign = "(01)" + Api.gtin() + "(21)" + p + "-9";
        String cut = "]d201" + gtin + "21" + p + "-8" + GS + "17" + "2712";

        Api.as("clerk").body(doc("RECEIPT", gs1Line(sku, wh, "(01)" + gtin + "(21)" + p + "-1", foreign)))
                .post("/api/transactions").then().statusCode(422).body("code", equalTo("GTIN_MISMATCH"))
                .body("serials", equalTo(List.of(foreign))).body("detail", containsString(gtin));
        Api.as("clerk").body(doc("RECEIPT", gs1Line(sku, wh, cut))).post("/api/transactions").then().statusCode(422)
                .body("code", equalTo("INVALID_GS1")).body("detail", containsString("position"))
                .body("serials", equalTo(List.of(cut)));
        Api.as("viewer").get("/api/serials/" + p + "-1").then().statusCode(404);

        // an item without a GTIN takes no GS1 line; a plain line is never parsed
        String plainSku = Api.trackedItem();
        Api.as("clerk").body(doc("RECEIPT", gs1Line(plainSku, wh, "(01)" + gtin + "(21)" + p + "-2")))
                .post("/api/transactions").then().statusCode(422).body("code", equalTo("GTIN_MISMATCH"))
                .body("detail", containsString("no GTIN"));
        String looksLikeAnAi = "10" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        Api.post("RECEIPT", sku, wh, looksLikeAnAi);
        Api.as("viewer").get("/api/serials/" + looksLikeAnAi).then().statusCode(200).body("lot", nullValue());
    }

    @Test
    void aLabelScannedLaterMustSayTheLotRecordedAndPlainSerialsCanCarryTheirs() {
        String gtin = Api.gtin();
        String sku = gtinItem(gtin);
        String p = Api.unique("P");
        String line = "{\"sku\":\"" + sku + "\",\"location\":\"" + wh + "\",\"quantity\":2,\"serials\":[\"" + p
                + "-1\",\"" + p + "-2\"],\"serialAttributes\":{\"" + p + "-1\":{\"lot\":\"L1\",\"expiry\":\"2030-06-30\"}}}";
        Api.as("clerk").body(doc("RECEIPT", line)).post("/api/transactions").then().statusCode(201);
        Api.as("viewer").get("/api/serials/" + p + "-1").then().body("lot", equalTo("L1"))
                .body("expiry", equalTo("2030-06-30"));
        Api.as("viewer").get("/api/serials/" + p + "-2").then().body("lot", nullValue());

        String wrongLabel = "(01)" + gtin + "(21)" + p + "-1(10)L2";
        Api.as("clerk").body(doc("SHIPMENT", gs1Line(sku, wh, wrongLabel, "(01)" + gtin + "(21)" + p + "-2(10)L9")))
                .post("/api/transactions").then().statusCode(422).body("code", equalTo("LABEL_MISMATCH"))
                .body("serials", equalTo(List.of(p + "-1")));
        Api.as("viewer").get("/api/serials/" + p + "-1").then().body("status", equalTo("IN_STOCK"));

        // the right label ships it; a serial with nothing recorded is not checked, and gains nothing
        Api.as("clerk").body(doc("SHIPMENT", gs1Line(sku, wh, "(01)" + gtin + "(21)" + p + "-1(10)L1(17)300630",
                        "(01)" + gtin + "(21)" + p + "-2(10)L9"))).post("/api/transactions").then().statusCode(201)
                .body("lines[0].serials", hasItems(p + "-1", p + "-2"));
        Api.as("viewer").get("/api/serials/" + p + "-2").then().body("status", equalTo("SHIPPED")).body("lot", nullValue());

        // attributes name serials of their line only
        String stray = "{\"sku\":\"" + sku + "\",\"location\":\"" + wh + "\",\"quantity\":1,\"serials\":[\"" + p
                + "-3\"],\"serialAttributes\":{\"" + p + "-4\":{\"lot\":\"L1\"}}}";
        Api.as("clerk").body(doc("RECEIPT", stray)).post("/api/transactions").then().statusCode(422)
                .body("serials", equalTo(List.of(p + "-4")));
    }

    @Test
    void theEntryToolsReadGs1DataForAGtinItemAndLeaveOthersPlain() {
        String gtin = Api.gtin();
        String sku = gtinItem(gtin);
        String p = Api.unique("P");
        String text = "]d201" + gtin + "21" + p + "-1" + GS + "10LOT-Q\n(01)" + gtin + "(21)" + p + "-2, " + p + "-3";

        Api.as("clerk").body("{\"sku\":\"" + sku + "\",\"text\":" + Api.str(text) + "}").contentType("application/json")
                .post("/api/serial-tools/parse").then().statusCode(200)
                .body("serials", equalTo(List.of(p + "-1", p + "-2", p + "-3")))
                .body("serialAttributes." + p + "-1.lot", equalTo("LOT-Q"));
        // without the item, the same text is plain serials: a GS is no part of a serial
        Api.as("clerk").body("{\"text\":" + Api.str(text) + "}").contentType("application/json")
                .post("/api/serial-tools/parse").then().statusCode(422).body("code", equalTo("INVALID_SERIAL"));
        // a barcode of another product is named with what is wrong
        String foreign = "(01)" + Api.gtin() + "(21)X";
        Api.as("clerk").body("{\"sku\":\"" + sku + "\",\"text\":" + Api.str(foreign) + "}").contentType("application/json")
                .post("/api/serial-tools/parse").then().statusCode(422).body("code", equalTo("GTIN_MISMATCH"))
                .body("serials", equalTo(List.of(foreign)));

        byte[] csv = ("serial\n(01)" + gtin + "(21)" + p + "-7(17)300101\n(01)" + Api.gtin() + "(21)" + p + "-8\n" + p + "-9\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.as("clerk").contentType("multipart/form-data").multiPart("file", "scans.csv", csv)
                .post("/api/serial-tools/import?sku=" + sku).then().statusCode(200)
                .body("serials", equalTo(List.of(p + "-7", p + "-9")))
                .body("serialAttributes." + p + "-7.expiry", equalTo("2030-01-01"))
                .body("rejectedCount", equalTo(1)).body("rejected[0].row", equalTo(3))
                .body("rejected[0].reason", containsString("GTIN"));
    }
}
