package org.serialtracking.it.rest;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is precise enough to generate working clients from (issue 15): uploads are
 * binary, lists name their element, enum parameters list their values, commands say what they need,
 * and the internal SERIAL_INIT is not offered to clients.
 */
@MicroShedTest
class OpenApiIT {

    private static JsonPath document() {
        return JsonPath.from(RestAssured.given().basePath("/").accept("application/json").get("/openapi").then()
                .statusCode(200).extract().asString());
    }

    @Test
    void theDocumentTypesWhatTheScannerCannotSee() {
        JsonPath api = document();

        assertThat(api.getString("paths.'/api/serial-tools/import'.post.requestBody.content.'multipart/form-data'.schema"
                + ".properties.file.format")).isEqualTo("binary");
        assertThat(api.getString("paths.'/api/companies'.get.responses.'200'.content.'application/json'.schema.items.$ref"))
                .endsWith("/CompanyView");
        assertThat(api.getString("paths.'/api/serials/{serial}/history'.get.responses.'200'.content.'application/json'"
                + ".schema.items.$ref")).endsWith("/HistoryView");
        List<Map<String, Object>> parameters = api.getList("paths.'/api/serials'.get.parameters");
        Map<String, Object> status = parameters.stream().filter(p -> "status".equals(p.get("name"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) status.get("schema")).containsEntry("type", "string")
                .extractingByKey("enum").asList().contains("IN_STOCK", "SHIPPED", "CONSUMED", "REMOVED");

        assertThat(api.getList("components.schemas.DocumentCommand.required")).contains("type", "lines");
        assertThat(api.getList("components.schemas.LineCommand.required")).contains("sku", "location", "quantity");
        assertThat(api.getList("components.schemas.DocumentCommand.properties.type.enum"))
                .contains("RECEIPT", "REPAIR").doesNotContain("SERIAL_INIT");
        // a document read back may be one, though
        assertThat(api.getList("components.schemas.DocumentView.properties.type.enum")).contains("SERIAL_INIT");
        assertThat(api.getString("components.schemas.LineCommand.properties.serialAttributes.additionalProperties.$ref"))
                .endsWith("/SerialAttributes");
    }

    /** A generator picks its Accept header from the answer's media types: an answer without one is unreadable. */
    @Test
    void everyAnswerWithABodyNamesItsMediaType() {
        Map<String, Map<String, Object>> paths = document().getMap("paths");
        List<String> unnamed = new java.util.ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op) || !(op.get("responses") instanceof Map<?, ?> responses)) {
                return;
            }
            responses.forEach((code, response) -> {
                if (response instanceof Map<?, ?> r && r.containsKey("content")
                        && ((Map<?, ?>) r.get("content")).isEmpty()) {
                    unnamed.add(method + " " + path + " " + code);
                }
            });
        }));
        assertThat(paths).containsKey("/api/customers");
        assertThat(unnamed).as("answers whose content names no media type").isEmpty();
    }
}
