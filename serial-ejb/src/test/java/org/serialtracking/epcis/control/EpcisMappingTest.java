package org.serialtracking.epcis.control;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import java.math.BigDecimal;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping table of issue 15: document (line) to event type, action, business step, disposition. */
class EpcisMappingTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4} {5} {6}")
    @CsvSource(nullValues = "-", value = {
            "RECEIPT,     -,         1,  ObjectEvent,         ADD,     receiving,       in_progress, recadv",
            "SHIPMENT,    -,         1,  ObjectEvent,         OBSERVE, shipping,        in_transit,  desadv",
            "TRANSFER,    -,         1,  ObjectEvent,         OBSERVE, arriving,        in_progress, -",
            "RELOCATION,  -,         1,  ObjectEvent,         OBSERVE, arriving,        in_progress, -",
            "ADJUSTMENT,  -,         1,  ObjectEvent,         ADD,     commissioning,   active,      -",
            "ADJUSTMENT,  -,         -1, ObjectEvent,         DELETE,  decommissioning, inactive,    -",
            "SERIAL_INIT, -,         1,  ObjectEvent,         ADD,     commissioning,   active,      -",
            "RESTOCK,     -,         1,  ObjectEvent,         ADD,     receiving,       returned,    recadv",
            "BUILD,       OUTPUT,    1,  TransformationEvent, -,       assembling,      active,      prodorder",
            "BUILD,       COMPONENT, 1,  TransformationEvent, -,       assembling,      active,      prodorder",
            "WORK_ORDER,  COMPONENT, 1,  TransformationEvent, -,       assembling,      active,      prodorder",
            "REPAIR,      INSTALL,   1,  AggregationEvent,    ADD,     installing,      -,           -",
            "REPAIR,      UNINSTALL, 1,  AggregationEvent,    DELETE,  removing,        -,           -"})
    void eachDocumentLineBecomesItsEvent(DocumentType type, LineRole role, String quantity, String event, String action,
                                         String bizStep, String disposition, String transactionType) {
        EventMapping m = EventMapping.of(type, role, new BigDecimal(quantity));
        assertThat(m.type().name()).isEqualTo(event);
        assertThat(m.action() == null ? null : m.action().name()).isEqualTo(action);
        assertThat(m.bizStep()).isEqualTo(bizStep);
        assertThat(m.disposition()).isEqualTo(disposition);
        assertThat(m.transactionType()).isEqualTo(transactionType);
        assertThat(EpcisDocumentShape.BIZ_STEPS).contains(bizStep);
        if (disposition != null) {
            assertThat(EpcisDocumentShape.DISPOSITIONS).contains(disposition);
        }
    }

    @Test
    void aBusinessStepSelectsTheDocumentTypesWhoseEventsHaveIt() {
        assertThat(EventMapping.typesWith("receiving")).containsExactlyInAnyOrder(DocumentType.RECEIPT, DocumentType.RESTOCK);
        assertThat(EventMapping.typesWith("commissioning")).containsExactlyInAnyOrder(DocumentType.ADJUSTMENT,
                DocumentType.SERIAL_INIT);
        assertThat(EventMapping.typesWith("decommissioning")).containsExactly(DocumentType.ADJUSTMENT);
        assertThat(EventMapping.typesWith("assembling")).containsExactlyInAnyOrder(DocumentType.BUILD, DocumentType.WORK_ORDER);
        assertThat(EventMapping.typesWith("removing")).containsExactly(DocumentType.REPAIR);
        assertThat(EventMapping.typesWith("arriving")).isEqualTo(EnumSet.of(DocumentType.TRANSFER, DocumentType.RELOCATION));
        assertThat(EventMapping.typesWith("stocking")).isEmpty();
        assertThat(EventMapping.typesWith(FeedQuery.NO_STEP)).isEmpty();
    }

    @Test
    void aQueryMayNameABusinessStepByWordUriOrUrn() {
        assertThat(Cbv.bizStepWord("shipping")).contains("shipping");
        assertThat(Cbv.bizStepWord(" https://ref.gs1.org/cbv/BizStep-shipping ")).contains("shipping");
        assertThat(Cbv.bizStepWord("urn:epcglobal:cbv:bizstep:receiving")).contains("receiving");
        assertThat(Cbv.bizStepWord("https://example.com/steps/shipping")).isEmpty();
        assertThat(Cbv.bizStepWord("Shipping!")).isEmpty();
    }
}
