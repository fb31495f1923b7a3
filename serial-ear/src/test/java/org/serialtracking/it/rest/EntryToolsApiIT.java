package org.serialtracking.it.rest;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The serial entry tools and the serial export over HTTP, with files the test makes. */
@MicroShedTest
class EntryToolsApiIT {

    @Test
    void anXlsxIsReadFromItsFirstColumnWithHeaderDuplicatesAndBadRowsReported() throws IOException {
        byte[] xlsx = workbook(new XSSFWorkbook(), "Serial", "A-1", 1001.0, "a-1", " B-2 ", "x".repeat(101));
        Api.as("clerk").contentType("multipart/form-data").multiPart("file", "pallet.xlsx", xlsx)
                .post("/api/serial-tools/import").then().statusCode(200)
                .body("serials", contains("A-1", "1001", "B-2"))
                .body("count", equalTo(3))
                .body("duplicatesRemoved", equalTo(1))
                .body("rejected", hasSize(1))
                .body("rejected[0].row", equalTo(6));
    }

    @Test
    void csvAndTxtAreRead() {
        Api.as("clerk").contentType("multipart/form-data")
                .multiPart("file", "s.csv", "serial;note\n\"C;1\";x\nC-2;y\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/serial-tools/import").then().statusCode(200).body("serials", contains("C;1", "C-2"));
        Api.as("clerk").contentType("multipart/form-data")
                .multiPart("file", "s.txt", "T-1, T-2\tT-3\nT-1\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/serial-tools/import").then().statusCode(200)
                .body("serials", contains("T-1", "T-2", "T-3")).body("duplicatesRemoved", equalTo(1));
    }

    @Test
    void unreadableFilesAreRefusedWithProblemDetails() throws IOException {
        byte[] xls = workbook(new HSSFWorkbook(), "A-1");
        Api.as("clerk").contentType("multipart/form-data").multiPart("file", "old.xls", xls)
                .post("/api/serial-tools/import").then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_FILE"));
        Api.as("clerk").contentType("multipart/form-data").multiPart("file", "fake.xlsx",
                        "just text".getBytes(StandardCharsets.UTF_8))
                .post("/api/serial-tools/import").then().statusCode(422).body("code", equalTo("INVALID_FILE"));
        Api.as("clerk").contentType("multipart/form-data").multiPart("file", "s.pdf", new byte[]{1, 2})
                .post("/api/serial-tools/import").then().statusCode(415);
        Api.as("viewer").contentType("multipart/form-data").multiPart("file", "s.txt", "A".getBytes())
                .post("/api/serial-tools/import").then().statusCode(403);
    }

    @Test
    void rangesAreGeneratedParsedAndCollapsed() {
        Api.as("clerk").body("{\"prefix\":\"SN-\",\"start\":1,\"end\":10,\"padding\":4,\"suffix\":\"-A\"}")
                .post("/api/serial-tools/range").then().statusCode(200)
                .body("serials", hasSize(10)).body("serials[0]", equalTo("SN-0001-A"))
                .body("serials[9]", equalTo("SN-0010-A"));
        Api.as("clerk").body("{\"first\":\"bilou-87\",\"count\":10}").post("/api/serial-tools/range").then()
                .statusCode(200).body("serials[9]", equalTo("bilou-96"));
        Api.as("clerk").body("{\"prefix\":\"SN-\",\"start\":10,\"end\":1}").post("/api/serial-tools/range").then()
                .statusCode(422).contentType("application/problem+json");
        Api.as("clerk").body("{\"text\":\"SN-0001..SN-0010, SN-0042\\nSN-0050\"}").post("/api/serial-tools/parse")
                .then().statusCode(200).body("serials", hasSize(12));
        Api.as("clerk").body("{\"serials\":[\"SN-0002\",\"SN-0001\",\"SN-0003\",\"X\"]}")
                .post("/api/serial-tools/collapse").then().statusCode(200)
                .body("ranges.label", contains("SN-0001 \u2013 SN-0003 (3)", "X"));
    }

    @Test
    void autoSelectPicksTheOldestSerialsAndTheExportNeutralisesFormulas() {
        Api.enableTracking();
        String[] wh = Api.twoLocations();
        String sku = Api.trackedItem();
        String tag = Api.unique("F");
        Api.as("clerk").body(Api.doc("RECEIPT", sku, wh[0], 2, tag + "-OLD1", "=" + tag)).post("/api/transactions")
                .then().statusCode(201);
        Api.as("clerk").body(Api.doc("RECEIPT", sku, wh[0], 1, tag + "-NEW")).post("/api/transactions")
                .then().statusCode(201);

        Api.as("clerk").body("{\"location\":\"" + wh[0] + "\",\"quantity\":2,\"exclude\":[\"" + tag.toLowerCase()
                + "-old1\"]}").post("/api/items/" + sku + "/auto-select").then().statusCode(200)
                .body("", contains("=" + tag, tag + "-NEW"));
        Api.as("clerk").body("{\"location\":\"" + wh[0] + "\",\"quantity\":4}").post("/api/items/" + sku
                + "/auto-select").then().statusCode(422).body("code", equalTo("INSUFFICIENT_STOCK"))
                .body("detail", containsString("Only 3"));

        Response csv = Api.as("viewer").queryParam("sku", sku).get("/api/serials/export");
        csv.then().statusCode(200).header("Content-Disposition", containsString("serials.csv"));
        String text = csv.asString();
        assertThat(text).contains(tag + "-NEW", "'=" + tag).doesNotContain("," + "=" + tag);
        byte[] xlsx = Api.as("viewer").queryParam("sku", sku).queryParam("format", "xlsx")
                .get("/api/serials/export").then().statusCode(200).extract().asByteArray();
        assertThat(xlsx).startsWith((byte) 'P', (byte) 'K');
        RestAssured.given().get("/api/serials/export").then().statusCode(401);
    }

    private static byte[] workbook(Workbook wb, Object... firstColumn) throws IOException {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("S");
            for (int i = 0; i < firstColumn.length; i++) {
                Row row = sheet.createRow(i);
                if (firstColumn[i] instanceof Double d) {
                    row.createCell(0).setCellValue(d);
                } else {
                    row.createCell(0).setCellValue((String) firstColumn[i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
