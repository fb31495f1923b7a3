package org.serialtracking.epcis.control;

import org.junit.jupiter.api.Test;
import org.serialtracking.epcis.control.EpcisEvent.BizTransaction;
import org.serialtracking.epcis.control.EpcisEvent.Place;
import org.serialtracking.epcis.control.EpcisEvent.Quantity;
import org.serialtracking.epcis.control.EventMapping.Action;
import org.serialtracking.epcis.control.EventMapping.EventType;
import org.serialtracking.party.PartyKind;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serialtracking.epcis.control.FeedFixtures.*;

/** From a document's lines and serials to its EPCIS events: each document type, cancellations, chunks, windows, filters. */
class EpcisEventAssemblerTest {

    private static final String BASE = "https://serials.example.com";

    @Test
    void aReceiptFromASupplierIsAnAddReceivingInProgressWithDigitalLinksWhereTheItemHasAGtin() {
        FeedDocument doc = doc(DocumentType.RECEIPT, "RCV-000001", PartyKind.SUPPLIER, "SUP-1", null);
        List<EpcisEvent> events = events(doc, List.of(line(1, null, "2", "PUMP", GTIN, true)),
                serials(1, "SN-1", "SN-2"));
        assertThat(events).hasSize(1);
        EpcisEvent e = events.get(0);
        assertThat(e.mapping()).isEqualTo(new EventMapping(EventType.ObjectEvent, Action.ADD, "receiving", "in_progress",
                "recadv"));
        assertThat(e.eventId()).isEqualTo(BASE + "/event/RCV-000001/0");
        assertThat(e.eventTime()).isEqualTo(OffsetDateTime.parse("2026-11-26T10:15:00+01:00"));
        assertThat(e.recordTime()).isEqualTo(e.eventTime());
        assertThat(e.declaredAt()).isNull();
        assertThat(e.epcs()).containsExactly("https://id.gs1.org/01/" + GTIN + "/21/SN-1",
                "https://id.gs1.org/01/" + GTIN + "/21/SN-2");
        assertThat(e.readPoint()).isEqualTo(BASE + "/location/WH-1");
        assertThat(e.bizLocation()).isEqualTo(BASE + "/location/WH-1");
        assertThat(e.sources()).containsExactly(new Place("owning_party", BASE + "/supplier/SUP-1"));
        assertThat(e.destinations()).containsExactly(new Place("owning_party", BASE + "/company/ACME"));
        assertThat(e.transactions()).containsExactly(new BizTransaction("recadv", BASE + "/document/RCV-000001"));
    }

    @Test
    void aShipmentIsAnObserveShippingInTransitToItsCustomerWithoutABusinessLocation() {
        FeedDocument doc = doc(DocumentType.SHIPMENT, "SHP-000001", PartyKind.CUSTOMER, "CUS 1", null);
        EpcisEvent e = events(doc, List.of(line(1, null, "1", "PUMP", null, true)), serials(1, "SN-1")).get(0);
        assertThat(e.mapping()).extracting(EventMapping::type, EventMapping::action, EventMapping::bizStep,
                EventMapping::disposition).containsExactly(EventType.ObjectEvent, Action.OBSERVE, "shipping", "in_transit");
        assertThat(e.epcs()).containsExactly(BASE + "/item/PUMP/serial/SN-1");
        assertThat(e.bizLocation()).isNull();
        assertThat(e.readPoint()).isEqualTo(BASE + "/location/WH-1");
        assertThat(e.sources()).containsExactly(new Place("owning_party", BASE + "/company/ACME"));
        assertThat(e.destinations()).containsExactly(new Place("owning_party", BASE + "/customer/CUS%201"));
        assertThat(e.transactions()).containsExactly(new BizTransaction("desadv", BASE + "/document/SHP-000001"));
    }

    @Test
    void aTransferArrivesAtItsDestinationFromItsSourceAndARelocationAlsoChangesTheOwner() {
        EpcisEvent transfer = events(doc(DocumentType.TRANSFER, "TRF-000001"), List.of(move(1, "1", "WH-2", "ACME")),
                serials(1, "SN-1")).get(0);
        assertThat(transfer.mapping()).isEqualTo(EventMapping.MOVE);
        assertThat(transfer.mapping().action()).isEqualTo(Action.OBSERVE);
        assertThat(transfer.mapping().bizStep()).isEqualTo("arriving");
        assertThat(transfer.readPoint()).isEqualTo(BASE + "/location/WH-2");
        assertThat(transfer.bizLocation()).isEqualTo(BASE + "/location/WH-2");
        assertThat(transfer.sources()).containsExactly(new Place("location", BASE + "/location/WH-1"));
        assertThat(transfer.destinations()).containsExactly(new Place("location", BASE + "/location/WH-2"));
        assertThat(transfer.transactions()).containsExactly(new BizTransaction(null, BASE + "/document/TRF-000001"));

        EpcisEvent relocation = events(doc(DocumentType.RELOCATION, "REL-000001"), List.of(move(1, "1", "EU-1", "ACME EU")),
                serials(1, "SN-1")).get(0);
        assertThat(relocation.sources()).containsExactly(new Place("location", BASE + "/location/WH-1"),
                new Place("owning_party", BASE + "/company/ACME"));
        assertThat(relocation.destinations()).containsExactly(new Place("location", BASE + "/location/EU-1"),
                new Place("owning_party", BASE + "/company/ACME%20EU"));
    }

    @Test
    void anAdjustmentCommissionsWhatItAddsAndDecommissionsWhatItWritesOffAndASerialInitialisationCommissions() {
        List<EpcisEvent> events = events(doc(DocumentType.ADJUSTMENT, "ADJ-000001"),
                List.of(line(1, null, "1", "PUMP", null, true), line(2, null, "-2", "PUMP", null, true)),
                concat(serials(1, "NEW-1"), serials(2, "OLD-1", "OLD-2")));
        assertThat(events).extracting(e -> e.mapping().action(), e -> e.mapping().bizStep(), e -> e.mapping().disposition(),
                        EpcisEvent::eventId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.ADD, "commissioning", "active", BASE + "/event/ADJ-000001/0"),
                        org.assertj.core.groups.Tuple.tuple(Action.DELETE, "decommissioning", "inactive", BASE + "/event/ADJ-000001/1"));
        assertThat(events.get(1).epcs()).hasSize(2);
        assertThat(events.get(1).bizLocation()).as("written off: it is nowhere").isNull();

        EpcisEvent init = events(doc(DocumentType.SERIAL_INIT, "INI-000001"), List.of(line(1, null, "1", "PUMP", null, true)),
                serials(1, "S-1")).get(0);
        assertThat(init.mapping()).isEqualTo(EventMapping.COMMISSION);
        assertThat(init.bizLocation()).isEqualTo(BASE + "/location/WH-1");
    }

    @Test
    void aRestockReceivesWhatTheCustomerReturnedUnderTheirRma() {
        FeedDocument doc = doc(DocumentType.RESTOCK, "RST-000001", PartyKind.CUSTOMER, "CUS-1", "RMA/7");
        EpcisEvent e = events(doc, List.of(line(1, null, "1", "PUMP", null, true)), serials(1, "SN-1")).get(0);
        assertThat(e.mapping()).extracting(EventMapping::action, EventMapping::bizStep, EventMapping::disposition)
                .containsExactly(Action.ADD, "receiving", "returned");
        assertThat(e.sources()).containsExactly(new Place("owning_party", BASE + "/customer/CUS-1"));
        assertThat(e.transactions()).containsExactly(new BizTransaction("recadv", BASE + "/document/RST-000001"),
                new BizTransaction("rma", BASE + "/rma/RMA%2F7"));
    }

    @Test
    void aBuildIsOneTransformationOfItsComponentsIntoItsOutputsWithItsUntrackedMaterialsAsQuantities() {
        FeedDocument doc = doc(DocumentType.BUILD, "BLD-000001");
        List<FeedLine> lines = List.of(line(1, LineRole.OUTPUT, "2", "PACK", GTIN, true),
                line(2, LineRole.COMPONENT, "4", "CELL", null, true),
                line(3, LineRole.COMPONENT, "2.5000", "GLUE", null, false),
                line(4, LineRole.COMPONENT, "8", "SCREW", "00012345600012", false));
        List<EpcisEvent> events = events(doc, lines, concat(serials(1, "P-1", "P-2"), serials(2, "C-1", "C-2", "C-3", "C-4")));
        assertThat(events).hasSize(1);
        EpcisEvent e = events.get(0);
        assertThat(e.mapping()).isEqualTo(new EventMapping(EventType.TransformationEvent, null, "assembling", "active",
                "prodorder"));
        assertThat(e.outputs()).containsExactly("https://id.gs1.org/01/" + GTIN + "/21/P-1",
                "https://id.gs1.org/01/" + GTIN + "/21/P-2");
        assertThat(e.inputs()).containsExactly(BASE + "/item/CELL/serial/C-1", BASE + "/item/CELL/serial/C-2",
                BASE + "/item/CELL/serial/C-3", BASE + "/item/CELL/serial/C-4");
        assertThat(e.inputQuantities()).containsExactly(new Quantity(BASE + "/item/GLUE", new BigDecimal("2.5")),
                new Quantity("https://id.gs1.org/01/00012345600012", new BigDecimal("8")));
        assertThat(e.inputQuantities().get(1).quantity().toPlainString()).isEqualTo("8");
        assertThat(e.outputQuantities()).isEmpty();
        assertThat(e.epcs()).isEmpty();
        assertThat(e.transformationId()).isEqualTo(BASE + "/transformation/BLD-000001");
        assertThat(e.transactions()).containsExactly(new BizTransaction("prodorder", BASE + "/document/BLD-000001"));
        assertThat(e.readPoint()).isEqualTo(BASE + "/location/WH-1");

        // a work order completion is a transformation too; an untracked output is an output quantity
        EpcisEvent order = events(doc(DocumentType.WORK_ORDER, "WO-000001"),
                List.of(line(1, LineRole.OUTPUT, "3", "KIT", null, false), line(2, LineRole.COMPONENT, "1", "CELL", null, true)),
                serials(2, "C-9")).get(0);
        assertThat(order.outputQuantities()).containsExactly(new Quantity(BASE + "/item/KIT", new BigDecimal("3")));
        assertThat(order.inputs()).containsExactly(BASE + "/item/CELL/serial/C-9");
    }

    @Test
    void aRepairTakesComponentsOutOfAUnitAndPutsOthersIntoUnitsOneAggregationPerLineAndUnit() {
        FeedDocument doc = doc(DocumentType.REPAIR, "RPR-000001");
        List<FeedLine> lines = List.of(line(1, LineRole.UNINSTALL, "1", "BOARD", null, true),
                line(2, LineRole.INSTALL, "3", "BOARD", null, true));
        List<EpcisEvent> events = events(doc, lines, concat(installed(1, 50, "UNIT-1", "B-OLD"),
                installed(2, 50, "UNIT-1", "B-NEW"), installed(2, 51, "UNIT-2", "B-2", "B-3")));
        assertThat(events).extracting(e -> e.mapping().action(), e -> e.mapping().bizStep(), EpcisEvent::parentId,
                        EpcisEvent::epcs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Action.DELETE, "removing", BASE + "/item/UNIT/serial/UNIT-1",
                                List.of(BASE + "/item/BOARD/serial/B-OLD")),
                        org.assertj.core.groups.Tuple.tuple(Action.ADD, "installing", BASE + "/item/UNIT/serial/UNIT-1",
                                List.of(BASE + "/item/BOARD/serial/B-NEW")),
                        org.assertj.core.groups.Tuple.tuple(Action.ADD, "installing", BASE + "/item/UNIT/serial/UNIT-2",
                                List.of(BASE + "/item/BOARD/serial/B-2", BASE + "/item/BOARD/serial/B-3")));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.mapping().type()).isEqualTo(EventType.AggregationEvent);
            assertThat(e.mapping().disposition()).isNull();
        });
        assertThat(events).extracting(EpcisEvent::seq).containsExactly(0, 1, 2);
    }

    @Test
    void aRepairWhoseUnitIsNoLongerKnownKeepsItsNumberButMakesNoEvent() {
        List<EpcisEvent> events = events(doc(DocumentType.REPAIR, "RPR-000002"),
                List.of(line(1, LineRole.UNINSTALL, "1", "BOARD", null, true), line(2, LineRole.INSTALL, "1", "BOARD", null, true)),
                concat(serials(1, "B-1"), installed(2, 60, "UNIT-9", "B-2")));
        assertThat(events).extracting(EpcisEvent::seq).containsExactly(1);
        assertThat(events.get(0).eventId()).endsWith("/RPR-000002/1");
    }

    @Test
    void aCancelledDocumentReissuesTheSameEventsWithTheSameIdsAndAnErrorDeclarationAtItsCancellation() {
        FeedDocument doc = doc(DocumentType.RECEIPT, "RCV-000009", PartyKind.SUPPLIER, "SUP-1", null);
        List<FeedLine> lines = List.of(line(1, null, "3", "PUMP", null, true), line(2, null, "1", "VALVE", GTIN, true));
        List<FeedSerial> moved = concat(serials(1, "A", "B", "C"), serials(2, "V"));
        List<EpcisEvent> original = events(doc, lines, moved, 2, EventAssembler.Filter.NONE);
        List<EpcisEvent> declared = events(cancelled(doc), lines, moved, 2, EventAssembler.Filter.NONE);
        assertThat(original).hasSize(3);
        assertThat(declared).extracting(EpcisEvent::eventId).isEqualTo(original.stream().map(EpcisEvent::eventId).toList());
        for (int i = 0; i < original.size(); i++) {
            EpcisEvent o = original.get(i);
            EpcisEvent d = declared.get(i);
            assertThat(o.declaredAt()).isNull();
            assertThat(d.declaredAt()).isEqualTo(OffsetDateTime.parse("2026-11-27T17:00:00+01:00"));
            assertThat(d.recordTime()).isEqualTo(d.declaredAt());
            assertThat(d.eventTime()).isEqualTo(o.eventTime());
            assertThat(d.epcs()).isEqualTo(o.epcs());
            assertThat(d.mapping()).isEqualTo(o.mapping());
            assertThat(d.transactions()).isEqualTo(o.transactions());
        }
        String json = document(declared, null);
        assertThat(json).contains("\"errorDeclaration\":{\"declarationTime\":\"2026-11-27T17:00:00+01:00\","
                + "\"reason\":\"incorrect_data\"}");
    }

    @Test
    void aLineOfMoreThanAThousandSerialsMakesAnEventPerThousandWithNumbersThatStayTheSame() {
        List<String> many = numbered("SN-", 2500);
        FeedDocument doc = doc(DocumentType.RECEIPT, "RCV-000010");
        List<FeedLine> lines = List.of(line(1, null, "2500", "PUMP", null, true), line(2, null, "1", "VALVE", null, true));
        List<FeedSerial> moved = concat(serials(1, many.toArray(String[]::new)), serials(2, "V-1"));
        List<EpcisEvent> events = events(doc, lines, moved);
        assertThat(events).extracting(e -> e.epcs().size()).containsExactly(1000, 1000, 500, 1);
        assertThat(events).extracting(EpcisEvent::eventId).containsExactly(BASE + "/event/RCV-000010/0",
                BASE + "/event/RCV-000010/1", BASE + "/event/RCV-000010/2", BASE + "/event/RCV-000010/3");
        assertThat(events.get(1).epcs().get(0)).isEqualTo(BASE + "/item/PUMP/serial/SN-1001");
        assertThat(events(doc, lines, moved)).extracting(EpcisEvent::eventId)
                .isEqualTo(events.stream().map(EpcisEvent::eventId).toList());
    }

    @Test
    void aBuildOfManySerialsIsChunkedAcrossItsLinesAndOnlyTheFirstChunkCarriesTheQuantities() {
        List<FeedLine> lines = List.of(line(1, LineRole.OUTPUT, "4", "PACK", null, true),
                line(2, LineRole.COMPONENT, "3", "CELL", null, true), line(3, LineRole.COMPONENT, "1", "GLUE", null, false));
        List<EpcisEvent> events = events(doc(DocumentType.BUILD, "BLD-000002"), lines,
                concat(serials(1, "P1", "P2", "P3", "P4"), serials(2, "C1", "C2", "C3")), 3, EventAssembler.Filter.NONE);
        assertThat(events).extracting(e -> e.outputs().size(), e -> e.inputs().size(), e -> e.inputQuantities().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 0, 1), org.assertj.core.groups.Tuple.tuple(1, 2, 0),
                        org.assertj.core.groups.Tuple.tuple(0, 1, 0));
        assertThat(events).extracting(EpcisEvent::transformationId).containsOnly(BASE + "/transformation/BLD-000002");
    }

    @Test
    void onlyTheEventsOfTheWindowAreMadeAndEverySerialIsReadAllTheSame() throws IOException {
        List<String> many = numbered("SN-", 25);
        List<FeedSerial> moved = serials(1, many.toArray(String[]::new));
        List<EpcisEvent> events = new ArrayList<>();
        var it = moved.iterator();
        int numbers = new EventAssembler(URIS, ZONE, 10).assemble(doc(DocumentType.RECEIPT, "RCV-000011"),
                List.of(line(1, null, "25", "PUMP", null, true)), it, 0, 1, EventAssembler.Filter.NONE, events::add);
        assertThat(numbers).isEqualTo(3);
        assertThat(it.hasNext()).isFalse();
        assertThat(events).extracting(EpcisEvent::seq).containsExactly(1);
        assertThat(events.get(0).epcs()).first().isEqualTo(BASE + "/item/PUMP/serial/SN-11");
    }

    @Test
    void filtersKeepTheEventsOfTheBusinessStepsAndTheChunksThatHoldAMatchedSerial() {
        FeedDocument doc = doc(DocumentType.ADJUSTMENT, "ADJ-000002");
        List<FeedLine> lines = List.of(line(1, null, "4", "PUMP", null, true), line(2, null, "-1", "PUMP", null, true));
        List<FeedSerial> moved = concat(serials(1, "A", "B", "C", "D"), serials(2, "E"));
        assertThat(events(doc, lines, moved, 2, new EventAssembler.Filter(Set.of("decommissioning"), null)))
                .extracting(EpcisEvent::seq).containsExactly(2);
        assertThat(events(doc, lines, moved, 2, new EventAssembler.Filter(Set.of(),
                Set.of(EventAssembler.Filter.serial(10, SerialNumber.keyOf("c")), EventAssembler.Filter.serial(20, "e")))))
                .extracting(EpcisEvent::seq).containsExactly(1, 2);
        assertThat(events(doc, lines, moved, 2, new EventAssembler.Filter(Set.of(), Set.of())))
                .as("EPCs that name no serial match nothing").isEmpty();
    }
}
