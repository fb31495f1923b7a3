package org.serialtracking.transaction.control;

import org.junit.jupiter.api.Test;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;
import org.serialtracking.transaction.DocumentCommand;
import org.serialtracking.transaction.LineCommand;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static DocumentCommand receipt(String reference, String quantity, String... serials) {
        return DocumentCommand.of(DocumentType.RECEIPT, reference, List.of(
                LineCommand.of("SKU-1", "WH-1", null, new BigDecimal(quantity), null, Arrays.asList(serials))));
    }

    @Test
    void theSameDocumentWrittenDifferentlyHasOneFingerprint() {
        String plain = RequestFingerprint.of(receipt("PO-7", "2", "A-1", "A-2"));
        assertThat(RequestFingerprint.of(receipt("PO-7", "2.0", "A-1", "A-2"))).isEqualTo(plain);
        assertThat(RequestFingerprint.of(receipt("PO-7", "2.0000", "A-1", "A-2"))).isEqualTo(plain);
        assertThat(RequestFingerprint.of(receipt("PO-7", "0.2E+1", "A-1", "A-2"))).isEqualTo(plain);
        assertThat(RequestFingerprint.of(receipt("  PO-7 ", "2", " A-1", "A-2\t"))).isEqualTo(plain);
        assertThat(RequestFingerprint.of(DocumentCommand.of(DocumentType.RECEIPT, "PO-7", List.of(
                LineCommand.of(" SKU-1 ", "WH-1 ", "", new BigDecimal("2.00"), null, List.of("A-1", "A-2"))))))
                .isEqualTo(plain);
    }

    @Test
    void missingAndEmptyAreAlike() {
        LineCommand noSerials = LineCommand.of("SKU-1", "WH-1", null, BigDecimal.ONE, null, null);
        LineCommand emptySerials = LineCommand.of("SKU-1", "WH-1", "  ", BigDecimal.ONE, null, List.of());
        assertThat(RequestFingerprint.of(DocumentCommand.of(DocumentType.RECEIPT, null, List.of(noSerials))))
                .isEqualTo(RequestFingerprint.of(DocumentCommand.of(DocumentType.RECEIPT, " ", List.of(emptySerials))));
        assertThat(RequestFingerprint.of(DocumentCommand.of(DocumentType.RECEIPT, null, null)))
                .isEqualTo(RequestFingerprint.of(DocumentCommand.of(DocumentType.RECEIPT, "", List.of())));
    }

    @Test
    void anyDifferenceInWhatIsPostedChangesTheFingerprint() {
        String plain = RequestFingerprint.of(receipt("PO-7", "2", "A-1", "A-2"));
        List<DocumentCommand> others = new ArrayList<>(List.of(
                receipt("PO-8", "2", "A-1", "A-2"),
                receipt("PO-7", "3", "A-1", "A-2"),
                receipt("PO-7", "2", "A-2", "A-1"),
                receipt("PO-7", "2", "a-1", "A-2"),
                receipt("PO-7", "2", "A-1"),
                receipt("PO-7", "2", "A-1", "A-2", "A-3"),
                DocumentCommand.of(DocumentType.SHIPMENT, "PO-7", receipt("PO-7", "2", "A-1", "A-2").lines()),
                DocumentCommand.of(DocumentType.RECEIPT, "PO-7", List.of(LineCommand.of("SKU-2", "WH-1", null,
                        new BigDecimal("2"), null, List.of("A-1", "A-2")))),
                DocumentCommand.of(DocumentType.RECEIPT, "PO-7", List.of(LineCommand.of("SKU-1", "WH-2", null,
                        new BigDecimal("2"), null, List.of("A-1", "A-2")))),
                DocumentCommand.of(DocumentType.RECEIPT, "PO-7", List.of(LineCommand.of("SKU-1", "WH-1", "WH-2",
                        new BigDecimal("2"), null, List.of("A-1", "A-2")))),
                DocumentCommand.of(DocumentType.RECEIPT, "PO-7", List.of(LineCommand.of("SKU-1", "WH-1", null,
                        new BigDecimal("2"), LineRole.OUTPUT, List.of("A-1", "A-2")))),
                new DocumentCommand(DocumentType.RECEIPT, "PO-7", receipt("PO-7", "2", "A-1", "A-2").lines(),
                        "SUP-1", null, null),
                new DocumentCommand(DocumentType.RECEIPT, "PO-7", receipt("PO-7", "2", "A-1", "A-2").lines(),
                        null, "SUP-1", null)));
        for (DocumentCommand other : others) {
            assertThat(RequestFingerprint.of(other)).as("%s", other).isNotEqualTo(plain);
        }
    }

    @Test
    void aDocumentWithoutAPartyHashesAsBeforePartiesExisted() {
        // the canonical form of a document that names no party is the one keys were stored under
        assertThat(RequestFingerprint.canonical(receipt("PO-7", "1", "A-1"))).doesNotContain("|P");
        DocumentCommand supplied = new DocumentCommand(DocumentType.RECEIPT, "PO-7",
                receipt("PO-7", "1", "A-1").lines(), " SUP-1 ", "", null);
        assertThat(RequestFingerprint.of(supplied)).isEqualTo(RequestFingerprint.of(new DocumentCommand(
                DocumentType.RECEIPT, "PO-7", receipt("PO-7", "1", "A-1").lines(), "SUP-1", null, null)));
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        // "A|B" as one serial is not "A" and "B", nor a reference that swallowed a line's values
        assertThat(RequestFingerprint.of(receipt("R", "2", "A|B")))
                .isNotEqualTo(RequestFingerprint.of(receipt("R", "2", "A", "B")));
        assertThat(RequestFingerprint.of(DocumentCommand.of(DocumentType.RECEIPT, "SKU-1", List.of(
                LineCommand.of("", "WH-1", null, BigDecimal.ONE, null, null)))))
                .isNotEqualTo(RequestFingerprint.of(DocumentCommand.of(DocumentType.RECEIPT, "", List.of(
                        LineCommand.of("SKU-1", "WH-1", null, BigDecimal.ONE, null, null)))));
    }

    @Test
    void theLinesKeepTheirOrder() {
        LineCommand a = LineCommand.of("SKU-1", "WH-1", null, BigDecimal.ONE, null, null);
        LineCommand b = LineCommand.of("SKU-2", "WH-1", null, BigDecimal.ONE, null, null);
        assertThat(RequestFingerprint.of(DocumentCommand.of(DocumentType.RECEIPT, null, List.of(a, b))))
                .isNotEqualTo(RequestFingerprint.of(DocumentCommand.of(DocumentType.RECEIPT, null, List.of(b, a))));
    }

    @Test
    void nullsAnywhereAreHashedNotThrown() {
        assertThat(RequestFingerprint.of(null)).hasSize(64);
        assertThat(RequestFingerprint.of(DocumentCommand.of(null, null, Arrays.asList((LineCommand) null))))
                .hasSize(64);
        assertThat(RequestFingerprint.of(DocumentCommand.of(DocumentType.RECEIPT, null, List.of(
                LineCommand.of(null, null, null, null, null, Arrays.asList("A", null)))))).hasSize(64);
    }

    @Test
    void theFingerprintIsAStableSha256() {
        assertThat(RequestFingerprint.canonical(receipt(" PO-7", "2.0", "A-1")))
                .isEqualTo("document-v1|7:RECEIPT|4:PO-7L1|5:SKU-1|4:WH-1|0:|1:2|0:S1|3:A-1");
        assertThat(RequestFingerprint.of(receipt("PO-7", "2", "A-1"))).matches("[0-9a-f]{64}")
                .isEqualTo(RequestFingerprint.of(receipt("PO-7", "2", "A-1")));
    }
}
