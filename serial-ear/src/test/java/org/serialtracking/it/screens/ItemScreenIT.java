package org.serialtracking.it.screens;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.serialtracking.it.rest.Api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Inventory → Items: a new tracked item whose initial stock's serials come from an uploaded .xlsx. */
class ItemScreenIT extends ScreenTest {

    @Test
    void aNewTrackedItemTakesItsInitialSerialsFromAnUploadedWorkbook() throws IOException {
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.unique("PUMP");
        String[] serials = Api.serials(3);
        // a duplicate row and an empty one: removed and skipped
        Path xlsx = workbook(serials[0], serials[1], serials[2], serials[1]);

        try (Browser b = Browser.signedIn("admin")) {
            b.go("item.xhtml");
            b.type("item:tabs:sku", sku);
            b.type("item:tabs:name", "Pump with serials");
            b.typeNumber("item:tabs:initialQuantity", "3");
            b.selectOne("item:tabs:initialLocation", location);
            b.tab("Inventory");
            b.click("item:tabs:trackSerials");
            assertThat(b.text("item:tabs:initialSerialsState")).isEqualTo("0 / 3");

            b.click("item:tabs:initialSerials");
            b.visible("serialModalForm:title");
            assertThat(b.text("serialModalForm:title")).isEqualTo("Serial numbers (0 / 3)");
            assertThat(b.isDisabled("serialModalForm:save")).isTrue();
            b.tab("Upload file");
            b.byId("serialModalForm:ways:upload_input").sendKeys(xlsx.toString());
            b.waitUntil(d -> b.text("serialModalForm:title").equals("Serial numbers (3 / 3)"));
            assertThat(b.text("serialModalForm:lastAction")).contains("3 serial(s) added").contains("1 duplicate(s) removed");
            assertThat(b.text("serialModalForm:ranges")).contains(serials[0] + " – " + serials[2] + " (3)");
            b.screenshot("03-serial-modal-upload");
            b.click("serialModalForm:save");
            b.waitUntil(d -> b.text("item:tabs:initialSerialsState").equals("3 / 3"));

            b.click("item:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("item.xhtml?created=true&sku="));
            assertThat(b.text("item:saved")).contains("Item created");
            b.screenshot("04-item");

            b.go("items.xhtml");
            b.type("items:q", sku);
            b.waitUntil(d -> b.all("tbody[id='items:table_data'] > tr").size() == 1
                    && b.text("items:table").contains(sku));
            assertThat(b.text("items:table")).contains("Pump with serials").contains("Tracked").contains("3");
            b.screenshot("04-items");
            b.clickXpath("//a[normalize-space(.)='" + sku + "']");
            b.waitUntil(d -> d.getCurrentUrl().contains("item.xhtml?sku="));
            assertThat(b.text("title")).isEqualTo("Item " + sku);
        }
        Api.as("viewer").get("/api/items/" + sku).then().statusCode(200)
                .body("trackSerials", equalTo(true)).body("onHand[0].quantity", equalTo(3));
        Api.as("viewer").get("/api/serials?sku=" + sku).then().statusCode(200)
                .body("items.serial", hasItems(serials));
    }

    @Test
    void theAutoSerialFormatIsCheckedAsItIsTypedAndAViewerOnlyReads() {
        Api.as("admin").body("{\"serialTracking\":true,\"autoSerialNumber\":true}").put("/api/settings")
                .then().statusCode(200);
        String sku = Api.unique("FMT");
        try (Browser b = Browser.signedIn("admin")) {
            b.go("item.xhtml");
            b.type("item:tabs:sku", sku);
            b.type("item:tabs:name", "Formatted");
            b.tab("Inventory");
            b.click("item:tabs:trackSerials");
            b.click("item:tabs:autoSerialNumber");
            b.type("item:tabs:format", "X-[[INCNUM,DAILY,4]");
            b.waitUntil(d -> b.present("item:tabs:formatError"));
            assertThat(b.text("item:tabs:formatError")).contains("position");
            b.type("item:tabs:format", "[[SKU]]-[[INCNUM,NONE,4]]");
            b.waitUntil(d -> b.present("item:tabs:formatExamples"));
            assertThat(b.text("item:tabs:formatExamples")).contains(sku + "-0001");
            b.screenshot("04-item-format");
            b.click("item:save");
            b.waitUntil(d -> d.getCurrentUrl().contains("item.xhtml?created=true&sku="));
        } finally {
            Api.enableTracking();
        }
        Api.as("viewer").get("/api/items/" + sku).then().body("autoSerialFormat", equalTo("[[SKU]]-[[INCNUM,NONE,4]]"));
        try (Browser viewer = Browser.signedIn("viewer")) {
            viewer.go("item.xhtml?sku=" + sku);
            assertThat(viewer.driver.getPageSource()).contains("Read only");
            assertThat(viewer.present("item:save")).isFalse();
            assertThat(viewer.isDisabled("item:tabs:name")).isTrue();
        }
    }

    static Path workbook(String... firstColumn) throws IOException {
        Path file = Files.createTempFile("serials", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("Serials");
            sheet.createRow(0).createCell(0).setCellValue("Serial");
            for (int i = 0; i < firstColumn.length; i++) {
                sheet.createRow(i + 1).createCell(0).setCellValue(firstColumn[i]);
            }
            wb.write(out);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    /** Issue 12: the items list showed on-hand as 3E+5 and 2E+2. */
    @Test
    void theItemsListShowsOnHandAsPeopleWriteIt() {
        String location = Api.twoLocations()[0];
        String many = untrackedItemWith(location, "300000");
        String some = untrackedItemWith(location, "200");
        String part = untrackedItemWith(location, "2.5");
        try (Browser b = Browser.signedIn("viewer")) {
            b.go("items.xhtml");
            for (String[] expected : new String[][]{{many, "300,000"}, {some, "200"}, {part, "2.5"}}) {
                b.type("items:q", expected[0]);
                b.waitUntil(d -> b.all("tbody[id='items:table_data'] > tr").size() == 1
                        && b.text("items:table").contains(expected[0]));
                String onHand = b.all("tbody[id='items:table_data'] > tr > td.num").get(0).getText();
                assertThat(onHand).as(expected[0]).isEqualTo(expected[1]);
            }
        }
    }

    private static String untrackedItemWith(String location, String quantity) {
        String sku = Api.unique("BULK");
        Api.as("admin").body("{\"sku\":\"" + sku + "\",\"name\":\"Screws\",\"trackSerials\":false,"
                + "\"initialStock\":{\"location\":\"" + location + "\",\"quantity\":" + quantity + "}}")
                .post("/api/items").then().statusCode(201);
        return sku;
    }
}
