package org.serialtracking.epcis.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serialtracking.party.PartyKind;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serialtracking.epcis.control.FeedFixtures.*;

/**
 * A feed page holding every kind of event the feed writes has the shape of an EPCIS 2.0 query
 * document; the shape check itself passes GS1's own examples (openepcis-test-resources) and refuses
 * broken documents.
 */
class EpcisDocumentShapeTest {

    /** Every event kind: receipt, shipment, transfer, relocation, adjustment both ways, initialisation, restock, build, repair, a declaration. */
    static List<EpcisEvent> everyKind() {
        List<EpcisEvent> all = new ArrayList<>();
        FeedDocument receipt = doc(DocumentType.RECEIPT, "RCV-1", PartyKind.SUPPLIER, "SUP 1", null);
        List<FeedLine> receiptLines = List.of(line(1, null, "2", "PUMP", GTIN, true));
        List<FeedSerial> received = serials(1, "A/B%C D", "é日");
        all.addAll(events(receipt, receiptLines, received));
        all.addAll(events(doc(DocumentType.SHIPMENT, "SHP-1", PartyKind.CUSTOMER, "CUS-1", null),
                List.of(line(1, null, "1", "PUMP", null, true)), serials(1, "S 1")));
        all.addAll(events(doc(DocumentType.SHIPMENT, "SHP-2"), List.of(line(1, null, "1", "PUMP", null, true)),
                serials(1, "S 2")));
        all.addAll(events(doc(DocumentType.TRANSFER, "TRF-1"), List.of(move(1, "1", "WH-2", "ACME")), serials(1, "T-1")));
        all.addAll(events(doc(DocumentType.RELOCATION, "REL-1"), List.of(move(1, "1", "EU-1", "ACME EU")), serials(1, "T-1")));
        all.addAll(events(doc(DocumentType.ADJUSTMENT, "ADJ-1"),
                List.of(line(1, null, "1", "PUMP", null, true), line(2, null, "-1", "PUMP", null, true)),
                concat(serials(1, "N-1"), serials(2, "O-1"))));
        all.addAll(events(doc(DocumentType.SERIAL_INIT, "INI-1"), List.of(line(1, null, "1", "PUMP", null, true)),
                serials(1, "I-1")));
        all.addAll(events(doc(DocumentType.RESTOCK, "RST-1", PartyKind.CUSTOMER, "CUS-1", "RMA 9"),
                List.of(line(1, null, "1", "PUMP", null, true)), serials(1, "S 1")));
        all.addAll(events(doc(DocumentType.BUILD, "BLD-1"), List.of(line(1, LineRole.OUTPUT, "1", "PACK", GTIN, true),
                line(2, LineRole.COMPONENT, "2", "CELL", null, true), line(3, LineRole.COMPONENT, "0.25", "GLUE", null, false)),
                concat(serials(1, "P-1"), serials(2, "C-1", "C-2"))));
        all.addAll(events(doc(DocumentType.WORK_ORDER, "WO-1"), List.of(line(1, LineRole.OUTPUT, "5", "KIT", null, false),
                line(2, LineRole.COMPONENT, "1", "CELL", null, true)), serials(2, "C-3")));
        all.addAll(events(doc(DocumentType.REPAIR, "RPR-1"), List.of(line(1, LineRole.UNINSTALL, "1", "CELL", null, true),
                line(2, LineRole.INSTALL, "1", "CELL", null, true)),
                concat(installed(1, 5, "P-1", "C-1"), installed(2, 5, "P-1", "C-4"))));
        all.addAll(events(cancelled(receipt), receiptLines, received));
        return all;
    }

    @Test
    void aPageOfEveryKindOfEventHasTheShapeOfAnEpcisQueryDocument() {
        List<EpcisEvent> events = everyKind();
        String json = document(events, "TOKEN-1");
        assertThat(EpcisDocumentShape.problems(json)).isEmpty();
        JsonObject doc = Json.createReader(new StringReader(json)).readObject();
        assertThat(doc.getString("st:nextPageToken")).isEqualTo("TOKEN-1");
        var list = doc.getJsonObject("epcisBody").getJsonObject("queryResults").getJsonObject("resultsBody")
                .getJsonArray("eventList");
        assertThat(list).hasSize(events.size());
        assertThat(list.stream().map(v -> v.asJsonObject().getString("type")).distinct())
                .containsExactlyInAnyOrder("ObjectEvent", "TransformationEvent", "AggregationEvent");
        assertThat(list.stream().filter(v -> v.asJsonObject().containsKey("errorDeclaration")).count()).isEqualTo(1);
        assertThat(list.get(0).asJsonObject().getJsonArray("epcList").getString(0))
                .isEqualTo("https://id.gs1.org/01/04012345000016/21/A%2FB%25C%20D");
        // the last page: no token
        assertThat(Json.createReader(new StringReader(document(events, null))).readObject()).doesNotContainKey("st:nextPageToken");
        assertThat(EpcisDocumentShape.problems(document(List.of(), null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Query/QueryDocumentWithMultipleEvents.json", "Query/TransformationEvent_with_error_declaration.json",
            "Query/Combination_of_different_event.json", "Query/ObjectEventWithAllPossibleFields.json",
            "Query/TransactionEvent_with_userExtensions.json", "Capture/Documents/ObjectEvent_with_digitalLink.json",
            "Capture/Documents/AggregationEvent_all_possible_fields.json",
            "Capture/Documents/TransformationEvent_all_possible_fields.json",
            "Capture/Documents/ObjectEvent_with_error_declaration.json"})
    void gs1sOwnExamplesHaveTheShape(String example) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/2.0/EPCIS/JSON/" + example)) {
            assertThat(in).as(example + " in openepcis-test-resources").isNotNull();
            assertThat(EpcisDocumentShape.problems(new String(in.readAllBytes(), StandardCharsets.UTF_8))).isEmpty();
        }
    }

    @Test
    void brokenDocumentsDoNotHaveTheShape() {
        String good = document(everyKind(), null);
        assertThat(EpcisDocumentShape.problems(good.replace("\"action\":\"ADD\"", "\"action\":\"ADDED\""))).isNotEmpty();
        assertThat(EpcisDocumentShape.problems(good.replace("\"eventTimeZoneOffset\":\"+01:00\"",
                "\"eventTimeZoneOffset\":\"Z\""))).isNotEmpty();
        assertThat(EpcisDocumentShape.problems(good.replace("\"bizStep\":\"shipping\"", "\"bizStep\":\"shipped\"")))
                .isNotEmpty();
        assertThat(EpcisDocumentShape.problems(good.replace("A%2FB%25C%20D", "A/B%C D"))).as("an EPC that is no URI")
                .isNotEmpty();
        assertThat(EpcisDocumentShape.problems(good.replace("\"st:nextPageToken\"", "\"nextPageToken\"")
                .replace("\"schemaVersion\"", "\"nextPageToken\":\"x\",\"schemaVersion\""))).as("no prefix").isNotEmpty();
        assertThat(EpcisDocumentShape.problems(good.replace("{\"st\":", "{\"other\":"))).as("an undeclared prefix")
                .isEmpty(); // no st: field in a last page
        assertThat(EpcisDocumentShape.problems(document(everyKind(), "T").replace("{\"st\":", "{\"other\":")))
                .as("st:nextPageToken without its prefix declared").isNotEmpty();
        assertThat(EpcisDocumentShape.problems(good.replace("\"reason\":\"incorrect_data\"", "\"reason\":\"typo\"")))
                .isNotEmpty();
        assertThat(EpcisDocumentShape.problems("[]")).isNotEmpty();
    }
}
