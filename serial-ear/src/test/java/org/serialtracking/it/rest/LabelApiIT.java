package org.serialtracking.it.rest;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Labels out (issue 15): a posted document's serials and serials named print as a PDF, one label
 * each, read back here as a scanner would (the symbols' full round trip, GS1 content included, is
 * tested with the renderer, {@code LabelPdfTest}); refusals come before any byte of PDF.
 */
@MicroShedTest
class LabelApiIT {

    String wh;

    @BeforeEach
    void world() {
        Api.enableTracking();
        wh = Api.twoLocations()[0];
    }

    @Test
    void aDocumentsSerialsPrintOneLabelEachOnARoll() throws IOException {
        String gtin = Api.gtin();
        String sku = Api.unique("LBL");
        Api.as("admin").body("{\"sku\":\"" + sku + "\",\"name\":\"Valve\",\"trackSerials\":true,\"gtin\":\"" + gtin
                + "\"}").post("/api/items").then().statusCode(201);
        String p = Api.unique("L");
        String line = Gs1ApiIT.gs1Line(sku, wh, "(01)" + gtin + "(21)" + p + "-1(10)LOT7(17)291130",
                "(01)" + gtin + "(21)" + p + "-2(10)LOT7");
        int id = Api.as("clerk").body(Gs1ApiIT.doc("RECEIPT", line)).post("/api/transactions").then().statusCode(201)
                .extract().path("id");

        Response pdf = Api.as("viewer").get("/api/transactions/" + id + "/labels.pdf?preset=roll_50x25");

        pdf.then().statusCode(200).contentType("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.asByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(doc)).contains(p + "-1", p + "-2", sku, "LOT7", "2029-11-30");
            assertThat(List.of(code128(doc, 0), code128(doc, 1))).containsExactly(p + "-1", p + "-2");
        }
    }

    @Test
    void serialsNamedPrintInTheirOrderOnA4Sheets() throws IOException {
        String sku = Api.trackedItem();
        String[] sn = Api.serials(30);
        Api.post("RECEIPT", sku, wh, sn);
        List<String> order = new ArrayList<>(List.of(sn));
        java.util.Collections.reverse(order);

        Response pdf = Api.as("clerk").body("{\"serials\":" + Api.list(order.toArray(String[]::new)) + "}")
                .contentType("application/json").post("/api/serials/labels.pdf");

        pdf.then().statusCode(200).contentType("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.asByteArray())) {
            // 24 on a sheet, then 6
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text.indexOf(sn[29])).isLessThan(text.indexOf(sn[0]));
        }
    }

    @Test
    void refusalsComeAsProblemsBeforeAnyPdf() {
        String sku = Api.trackedItem();
        String[] sn = Api.serials(1);
        Api.post("RECEIPT", sku, wh, sn);
        String unknown = Api.unique("NOPE");

        Api.as("clerk").body("{\"serials\":" + Api.list(sn[0], unknown) + "}").contentType("application/json")
                .post("/api/serials/labels.pdf").then().statusCode(422).body("code", equalTo("UNKNOWN_SERIAL"))
                .body("serials", equalTo(List.of(unknown)));
        Api.as("clerk").body("{\"serials\":" + Api.list(sn[0]) + ",\"preset\":\"A5\"}").contentType("application/json")
                .post("/api/serials/labels.pdf").then().statusCode(422).body("detail", containsString("A4_3X8"));
        Api.as("viewer").get("/api/transactions/999999999/labels.pdf").then().statusCode(404);
        String bulk = Api.unique("BULK");
        Api.as("admin").body("{\"sku\":\"" + bulk + "\",\"name\":\"Screws\",\"trackSerials\":false}").post("/api/items")
                .then().statusCode(201);
        int id = Api.as("clerk").body(Api.doc("RECEIPT", bulk, wh, 5)).post("/api/transactions").then()
                .statusCode(201).extract().path("id");
        Api.as("viewer").get("/api/transactions/" + id + "/labels.pdf").then().statusCode(422)
                .body("detail", containsString("no serials"));
    }

    /** The Code 128 a scanner reads on a page (one label per page on a roll). */
    private static String code128(PDDocument doc, int page) throws IOException {
        BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, 300, ImageType.GRAY);
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128),
                            DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no Code 128 found on page " + (page + 1), e);
        }
    }
}
