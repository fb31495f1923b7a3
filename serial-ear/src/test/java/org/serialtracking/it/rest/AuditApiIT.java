package org.serialtracking.it.rest;

import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail: who saved what, and only what was saved. */
@MicroShedTest
class AuditApiIT {

    @Test
    void savedChangesAreListedWithTheirUserAndRefusedOnesAreNot() {
        String since = OffsetDateTime.now().minusMinutes(1).toString();
        Api.enableTracking();
        String wh = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String number = Api.as("clerk").body(Api.doc("RECEIPT", sku, wh, 1, Api.serials(1)))
                .post("/api/transactions").then().statusCode(201).extract().path("number");
        int version = Api.as("viewer").get("/api/items/" + sku).then().extract().path("version");
        Api.as("admin").body(Api.json("name", "Renamed", "version", version)).put("/api/items/" + sku).then()
                .statusCode(200);
        Api.as("admin").body(Api.json("name", "Stale", "version", version)).put("/api/items/" + sku).then()
                .statusCode(409).body("code", org.hamcrest.Matchers.equalTo("CONFLICT"));

        List<Map<String, Object>> events = all(since);
        assertThat(events).anySatisfy(e -> {
            assertThat(e).containsEntry("action", "ITEM_CREATED").containsEntry("subject", sku)
                    .containsEntry("user", "admin");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e).containsEntry("action", "DOCUMENT_POSTED").containsEntry("subject", number)
                    .containsEntry("user", "clerk");
            assertThat((String) e.get("detail")).contains("RECEIPT", "1 serial(s)");
        });
        assertThat(events).filteredOn(e -> "ITEM_CHANGED".equals(e.get("action")) && sku.equals(e.get("subject")))
                .singleElement().satisfies(e -> assertThat((String) e.get("detail")).contains("Renamed")
                        .doesNotContain("Stale"));

        Api.as("clerk").get("/api/audit").then().statusCode(403);
        Api.as("admin").queryParam("since", "yesterday").get("/api/audit").then().statusCode(422);
    }

    private static List<Map<String, Object>> all(String since) {
        return Api.auditSince(() -> Api.as("admin"), since);
    }
}
