package org.serialtracking.it.ejb;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.item.boundary.OnHand;
import org.serialtracking.serial.HistoryType;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.HistoryView;
import org.serialtracking.serial.boundary.SerialQueryService;
import org.serialtracking.serial.SerialView;
import org.serialtracking.settings.boundary.SettingsService;
import org.serialtracking.site.boundary.SiteService;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;
import org.serialtracking.transaction.boundary.DocumentQueryService;
import org.serialtracking.transaction.DocumentView;
import org.serialtracking.transaction.LineCommand;
import org.serialtracking.transaction.boundary.PostingService;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialtracking.it.ejb.World.built;
import static org.serialtracking.it.ejb.World.doc;
import static org.serialtracking.it.ejb.World.line;
import static org.serialtracking.it.ejb.World.move;
import static org.serialtracking.it.ejb.World.refused;
import static org.serialtracking.it.ejb.World.serials;

/** The serial rules as the posting service enforces them against PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class PostingServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.services("posting-it");
    }

    @Inject
    PostingService posting;
    @Inject
    DocumentQueryService documents;
    @Inject
    ItemService items;
    @Inject
    SiteService sites;
    @Inject
    SerialQueryService serialQueries;
    @Inject
    SettingsService settings;

    World w;
    String sku;

    @BeforeEach
    void world() {
        TestData.enableTracking(settings);
        w = World.create(sites);
        sku = World.trackedItem(items);
    }

    @Test
    void receiptAddsSerialsAndStockAndNumbersTheDocument() {
        String[] sn = serials(3);
        DocumentView posted = posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 3, sn)));

        assertTrue(posted.number().matches("RCV-\\d{6}"), posted.number());
        assertEquals(List.of(sn), posted.lines().get(0).serials());
        assertEquals(posted.lines(), documents.get(posted.id()).lines());
        assertEquals(new BigDecimal("3"), onHand(sku, w.wh1));
        SerialView s = serialQueries.get(sn[0].toLowerCase());
        assertEquals(SerialStatus.IN_STOCK, s.status());
        assertEquals(w.wh1, s.location());
        assertEquals(w.company, s.company());
        List<HistoryView> h = serialQueries.history(sn[0]);
        assertEquals(1, h.size());
        assertEquals(HistoryType.RECEIVE, h.get(0).type());
        assertEquals(posted.number(), h.get(0).transactionNumber());
    }

    @Test
    void aCountMismatchRefusesTheWholeDocument() {
        String[] sn = serials(4);
        RuleViolation v = refused(() -> posting.post(doc(DocumentType.RECEIPT,
                line(sku, w.wh1, 1, sn[0]),
                line(sku, w.wh1, 3, sn[1], sn[2]))));
        assertEquals(ErrorCode.SERIAL_COUNT_MISMATCH, v.code());
        assertTrue(v.getMessage().contains("quantity 3 needs 3 serial(s), 2 given"), v.getMessage());
        assertUnknown(sn[0]);
        assertEquals(BigDecimal.ZERO, onHand(sku, w.wh1));
    }

    @Test
    void aSerialThatExistsInAnyCaseIsADuplicateAndNothingOfTheDocumentIsSaved() {
        String[] sn = serials(3);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 1, sn[0])));
        String other = World.trackedItem(items);

        RuleViolation v = refused(() -> posting.post(doc(DocumentType.RECEIPT,
                line(other, w.wh1, 1, sn[1]),
                line(sku, w.wh2, 2, sn[2], sn[0].toLowerCase()))));

        assertEquals(ErrorCode.DUPLICATE_SERIAL, v.code());
        assertEquals(List.of(sn[0].toLowerCase()), v.serials());
        assertUnknown(sn[1]);
        assertUnknown(sn[2]);
        assertEquals(BigDecimal.ZERO, onHand(other, w.wh1));
        assertEquals(SerialStatus.IN_STOCK, serialQueries.get(sn[0]).status());
        assertEquals(sn[0], serialQueries.get(sn[0].toLowerCase()).serial(), "stored as first entered");
    }

    @Test
    void theSameSerialTwiceInOneDocumentIsRefused() {
        String[] sn = serials(2);
        RuleViolation v = refused(() -> posting.post(doc(DocumentType.RECEIPT,
                line(sku, w.wh1, 1, sn[0]), line(sku, w.wh2, 2, sn[1], " " + sn[0].toLowerCase() + " "))));
        assertEquals(ErrorCode.DUPLICATE_IN_DOCUMENT, v.code());
        assertEquals(List.of(sn[0].toLowerCase()), v.serials());
        assertUnknown(sn[1]);
    }

    @Test
    void shipmentNeedsTheSerialInStockOfThatItemAtThatLocation() {
        String[] sn = serials(3);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 2, sn[0], sn[1])));
        String other = World.trackedItem(items);
        posting.post(doc(DocumentType.RECEIPT, line(other, w.wh1, 1, sn[2])));

        RuleViolation wrongLocation = refused(() -> posting.post(doc(DocumentType.SHIPMENT,
                line(sku, w.wh2, 1, sn[0]))));
        assertEquals(ErrorCode.SERIAL_NOT_AVAILABLE, wrongLocation.code());
        assertEquals(List.of(sn[0]), wrongLocation.serials());

        RuleViolation wrongItem = refused(() -> posting.post(doc(DocumentType.SHIPMENT,
                line(sku, w.wh1, 2, sn[1], sn[2]))));
        assertEquals(List.of(sn[2]), wrongItem.serials());

        RuleViolation unknown = refused(() -> posting.post(doc(DocumentType.SHIPMENT, line(sku, w.wh1, 1, "NOPE-"
                + sn[0]))));
        assertEquals(ErrorCode.SERIAL_NOT_AVAILABLE, unknown.code());

        posting.post(doc(DocumentType.SHIPMENT, line(sku, w.wh1, 1, sn[0].toLowerCase())));
        assertEquals(SerialStatus.SHIPPED, serialQueries.get(sn[0]).status());
        assertEquals(null, serialQueries.get(sn[0]).location());
        assertEquals(new BigDecimal("1"), onHand(sku, w.wh1));

        RuleViolation again = refused(() -> posting.post(doc(DocumentType.SHIPMENT, line(sku, w.wh1, 1, sn[0]))));
        assertEquals(ErrorCode.SERIAL_NOT_AVAILABLE, again.code());
    }

    @Test
    void restockTakesBackOnlyShippedSerialsOfTheSameItem() {
        String[] sn = serials(3);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 2, sn[0], sn[1])));
        posting.post(doc(DocumentType.SHIPMENT, line(sku, w.wh1, 1, sn[0])));

        RuleViolation v = refused(() -> posting.post(doc(DocumentType.RESTOCK,
                line(sku, w.wh2, 3, sn[0], sn[1], sn[2]))));
        assertEquals(ErrorCode.SERIAL_NOT_RETURNABLE, v.code());
        assertEquals(List.of(sn[1], sn[2]), v.serials());

        posting.post(doc(DocumentType.RESTOCK, line(sku, w.wh2, 1, sn[0])));
        SerialView back = serialQueries.get(sn[0]);
        assertEquals(SerialStatus.IN_STOCK, back.status());
        assertEquals(w.wh2, back.location());
        assertEquals(List.of(HistoryType.RECEIVE, HistoryType.SHIP, HistoryType.RETURN),
                serialQueries.history(sn[0]).stream().map(HistoryView::type).toList());
    }

    @Test
    void adjustmentsRemoveAndFindSerialsButAConsumedSerialNeverReturns() {
        String[] sn = serials(3);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 3, sn)));
        posting.post(doc(DocumentType.ADJUSTMENT, line(sku, w.wh1, -1, sn[0])));
        assertEquals(SerialStatus.REMOVED, serialQueries.get(sn[0]).status());
        assertEquals(new BigDecimal("2"), onHand(sku, w.wh1));

        posting.post(doc(DocumentType.ADJUSTMENT, line(sku, w.wh2, 1, sn[0])));
        assertEquals(SerialStatus.IN_STOCK, serialQueries.get(sn[0]).status());
        assertEquals(List.of(1, -1, 1), serialQueries.history(sn[0]).stream().map(HistoryView::quantity).toList());

        String assembly = World.trackedItem(items);
        String[] out = serials(1);
        posting.post(doc(DocumentType.BUILD, built(LineRole.OUTPUT, assembly, w.wh1, 1, out[0]),
                built(LineRole.COMPONENT, sku, w.wh1, 1, sn[1])));
        assertEquals(SerialStatus.CONSUMED, serialQueries.get(sn[1]).status());
        assertEquals(HistoryType.BUILD, serialQueries.history(out[0]).get(0).type());

        RuleViolation v = refused(() -> posting.post(doc(DocumentType.ADJUSTMENT, line(sku, w.wh1, 1, sn[1]))));
        assertEquals(ErrorCode.DUPLICATE_SERIAL, v.code());
        RuleViolation r = refused(() -> posting.post(doc(DocumentType.RESTOCK, line(sku, w.wh1, 1, sn[1]))));
        assertEquals(ErrorCode.SERIAL_NOT_RETURNABLE, r.code());
    }

    @Test
    void workOrdersWriteTheirOwnHistoryTypes() {
        String product = World.trackedItem(items);
        String[] parts = serials(2);
        String[] made = serials(1);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 2, parts)));
        DocumentView wo = posting.post(doc(DocumentType.WORK_ORDER,
                built(LineRole.COMPONENT, sku, w.wh1, 2, parts),
                built(LineRole.OUTPUT, product, w.wh1, 1, made)));
        assertTrue(wo.number().startsWith("WO-"));
        assertEquals(HistoryType.WORKCONSUME, serialQueries.history(parts[1]).get(1).type());
        assertEquals(HistoryType.WORKBUILD, serialQueries.history(made[0]).get(0).type());
        assertEquals(BigDecimal.ZERO, onHand(sku, w.wh1));
    }

    @Test
    void transfersStayInTheCompanyAndRelocationsLeaveIt() {
        String[] sn = serials(2);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 2, sn)));

        assertEquals(ErrorCode.VALIDATION, refused(() -> posting.post(doc(DocumentType.TRANSFER,
                move(sku, w.wh1, w.foreign, 1, sn[0])))).code());
        assertEquals(ErrorCode.VALIDATION, refused(() -> posting.post(doc(DocumentType.RELOCATION,
                move(sku, w.wh1, w.wh2, 1, sn[0])))).code());

        posting.post(doc(DocumentType.TRANSFER, move(sku, w.wh1, w.wh2, 1, sn[0])));
        posting.post(doc(DocumentType.RELOCATION, move(sku, w.wh1, w.foreign, 1, sn[1])));

        assertEquals(w.wh2, serialQueries.get(sn[0]).location());
        assertEquals(w.otherCompany, serialQueries.get(sn[1]).company());
        assertEquals(BigDecimal.ZERO, onHand(sku, w.wh1));
        assertEquals(BigDecimal.ONE, onHand(sku, w.wh2));
        assertEquals(BigDecimal.ONE, onHand(sku, w.foreign));
        List<HistoryView> h = serialQueries.history(sn[1]);
        assertEquals(List.of(HistoryType.RECEIVE, HistoryType.MOVEOUT, HistoryType.MOVEIN),
                h.stream().map(HistoryView::type).toList());
        assertEquals(w.foreign, h.get(2).location());
    }

    @Test
    void untrackedItemsTakeDecimalsButNoSerialsAndNeverGoNegative() {
        String bulk = World.untrackedItem(items, w.wh1, "2.5");
        posting.post(doc(DocumentType.SHIPMENT, LineCommand.of(bulk, w.wh1, null, new BigDecimal("1.25"), null,
                null)));
        assertEquals(new BigDecimal("1.25"), onHand(bulk, w.wh1));

        RuleViolation tooMuch = refused(() -> posting.post(doc(DocumentType.SHIPMENT,
                LineCommand.of(bulk, w.wh1, null, new BigDecimal("2"), null, null))));
        assertEquals(ErrorCode.INSUFFICIENT_STOCK, tooMuch.code());
        assertTrue(tooMuch.getMessage().contains("1.25 on hand, 2 needed"), tooMuch.getMessage());

        RuleViolation withSerials = refused(() -> posting.post(doc(DocumentType.RECEIPT,
                line(bulk, w.wh1, 1, serials(1)))));
        assertEquals(ErrorCode.SERIALS_NOT_ALLOWED, withSerials.code());

        RuleViolation fraction = refused(() -> posting.post(doc(DocumentType.RECEIPT,
                LineCommand.of(sku, w.wh1, null, new BigDecimal("1.5"), null, List.of(serials(1))))));
        assertEquals(ErrorCode.NON_INTEGER_QUANTITY, fraction.code());
    }

    private BigDecimal onHand(String item, String location) {
        return items.get(item).onHand().stream().filter(o -> o.location().equals(location))
                .map(OnHand::quantity).findFirst().orElse(BigDecimal.ZERO);
    }

    private void assertUnknown(String serial) {
        assertEquals(ErrorCode.NOT_FOUND, refused(() -> serialQueries.get(serial)).code());
    }
}
