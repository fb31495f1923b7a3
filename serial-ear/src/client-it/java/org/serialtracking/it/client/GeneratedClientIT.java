package org.serialtracking.it.client;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serialtracking.client.ApiClient;
import org.serialtracking.client.ApiException;
import org.serialtracking.client.api.CompaniesAndLocationsApi;
import org.serialtracking.client.api.CustomersAndSuppliersApi;
import org.serialtracking.client.api.DocumentsApi;
import org.serialtracking.client.api.ItemsApi;
import org.serialtracking.client.api.SerialEntryToolsApi;
import org.serialtracking.client.api.SerialsApi;
import org.serialtracking.client.api.SettingsApi;
import org.serialtracking.client.model.CompanyView;
import org.serialtracking.client.model.DocumentCommand;
import org.serialtracking.client.model.DocumentView;
import org.serialtracking.client.model.HistoryView;
import org.serialtracking.client.model.ImportResult;
import org.serialtracking.client.model.ItemCommand;
import org.serialtracking.client.model.LineCommand;
import org.serialtracking.client.model.LocationView;
import org.serialtracking.client.model.PartyView;
import org.serialtracking.client.model.SerialView;
import org.serialtracking.client.model.SettingsView;

import java.io.File;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Integrators generate clients from /openapi (issue 15). The build generated this Java client from the
 * document the server under test serves (openapi-generator, {@code java}/{@code native}), and these
 * tests run the main flows through it, as an integrator's code would: nothing here writes a URL or
 * JSON by hand.
 */
class GeneratedClientIT {

    private static ApiClient admin;
    private static ApiClient clerk;

    @BeforeAll
    static void clients() throws ApiException {
        admin = client("admin");
        clerk = client("clerk");
        SettingsView tracking = new SettingsView().serialTracking(true).autoSerialNumber(false);
        new SettingsApi(admin).apiSettingsPut(null, tracking);
    }

    private static ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + System.getProperty("microshed_http_port", "9080") + "/serial");
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
        return client;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A company with one location, and a tracked item; returns {location, sku}. */
    private static String[] warehouseAndItem() throws ApiException {
        String company = unique("CO");
        String location = unique("WH");
        CompaniesAndLocationsApi sites = new CompaniesAndLocationsApi(admin);
        sites.apiCompaniesPost(new CompanyView().code(company).name("Client company"));
        sites.apiLocationsPost(new LocationView().code(location).name("Client warehouse").company(company));
        assertThat(sites.apiCompaniesGet()).extracting(CompanyView::getCode).contains(company);

        String sku = unique("SKU");
        new ItemsApi(admin).apiItemsPost(new ItemCommand().sku(sku).name("Client pump").trackSerials(true));
        return new String[]{location, sku};
    }

    private static LineCommand line(String sku, String location, List<String> serials) {
        return new LineCommand().sku(sku).location(location).quantity(BigDecimal.valueOf(serials.size())).serials(serials);
    }

    @Test
    void receiptLookupShipmentCancel() throws ApiException {
        String[] site = warehouseAndItem();
        String location = site[0];
        String sku = site[1];
        String prefix = unique("SN");
        List<String> serials = List.of(prefix + "-1", prefix + "-2", prefix + "-3");
        DocumentsApi documents = new DocumentsApi(clerk);
        SerialsApi lookups = new SerialsApi(clerk);

        DocumentView receipt = documents.apiTransactionsPost(unique("KEY"), new DocumentCommand()
                .type(DocumentCommand.TypeEnum.RECEIPT).reference("client receipt")
                .lines(List.of(line(sku, location, serials))));
        assertThat(receipt.getType()).isEqualTo(DocumentView.TypeEnum.RECEIPT);
        assertThat(receipt.getLines()).singleElement().satisfies(l -> assertThat(l.getSerials())
                .containsExactlyElementsOf(serials));

        SerialView received = lookups.apiSerialsSerialGet(serials.get(0));
        assertThat(received.getStatus()).isEqualTo(SerialView.StatusEnum.IN_STOCK);
        assertThat(received.getLocation()).isEqualTo(location);

        String customer = unique("CUS");
        new CustomersAndSuppliersApi(clerk).apiCustomersPost(new PartyView().code(customer).name("Client customer"));
        DocumentView shipment = documents.apiTransactionsPost(unique("KEY"), new DocumentCommand()
                .type(DocumentCommand.TypeEnum.SHIPMENT).reference("client shipment").customer(customer)
                .lines(List.of(line(sku, location, serials.subList(0, 2)))));
        SerialView shipped = lookups.apiSerialsSerialGet(serials.get(0));
        assertThat(shipped.getStatus()).isEqualTo(SerialView.StatusEnum.SHIPPED);
        assertThat(shipped.getCustomer()).isEqualTo(customer);

        // shipping a serial that is no longer in stock is refused, as a problem the client can read
        ApiException refused = catchThrowableOfType(ApiException.class, () -> documents.apiTransactionsPost(
                unique("KEY"), new DocumentCommand().type(DocumentCommand.TypeEnum.SHIPMENT).customer(customer)
                        .lines(List.of(line(sku, location, List.of(serials.get(0)))))));
        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getResponseBody()).contains(serials.get(0));

        DocumentView cancelled = documents.apiTransactionsIdCancelPost(shipment.getId());
        assertThat(cancelled.getCancelledAt()).isNotNull();
        assertThat(lookups.apiSerialsSerialGet(serials.get(0)).getStatus()).isEqualTo(SerialView.StatusEnum.IN_STOCK);
        List<HistoryView> history = lookups.apiSerialsSerialHistoryGet(serials.get(0));
        assertThat(history).extracting(HistoryView::getTransactionId)
                .contains(receipt.getId(), shipment.getId());
        assertThat(documents.apiTransactionsIdGet(shipment.getId()).getCancelledBy()).isEqualTo("clerk");
    }

    @Test
    void importReadsAnUploadedSheet(@TempDir Path dir) throws Exception {
        String[] site = warehouseAndItem();
        String prefix = unique("IMP");
        File sheet = dir.resolve("serials.xlsx").toFile();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(sheet.toPath())) {
            Sheet s = workbook.createSheet("Serials");
            s.createRow(0).createCell(0).setCellValue("Serial");
            s.createRow(1).createCell(0).setCellValue(prefix + "-1");
            s.createRow(2).createCell(0).setCellValue(prefix + "-2");
            s.createRow(3).createCell(0).setCellValue(prefix + "-1");
            workbook.write(out);
        }

        ImportResult result = new SerialEntryToolsApi(clerk).apiSerialToolsImportPost(sheet, site[1]);

        assertThat(result.getSerials()).containsExactly(prefix + "-1", prefix + "-2");
        assertThat(result.getCount()).isEqualTo(2);
        assertThat(result.getDuplicatesRemoved()).isEqualTo(1);

        // and the imported serials post as they came
        DocumentView receipt = new DocumentsApi(clerk).apiTransactionsPost(unique("KEY"), new DocumentCommand()
                .type(DocumentCommand.TypeEnum.RECEIPT).lines(List.of(line(site[1], site[0], result.getSerials()))));
        assertThat(receipt.getLines().get(0).getSerials()).containsExactlyElementsOf(result.getSerials());
    }
}
