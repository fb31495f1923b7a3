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
import org.serialtracking.item.boundary.ItemCommand;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.item.boundary.SerialInitialization;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.transaction.LineRole;
import org.serialtracking.item.boundary.OnHand;
import org.serialtracking.serial.HistoryType;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.HistoryView;
import org.serialtracking.serial.boundary.SerialQueryService;
import org.serialtracking.settings.boundary.SettingsService;
import org.serialtracking.site.boundary.SiteService;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.boundary.CancellationService;
import org.serialtracking.transaction.DocumentView;
import org.serialtracking.transaction.LineCommand;
import org.serialtracking.transaction.boundary.PostingService;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialtracking.it.ejb.World.doc;
import static org.serialtracking.it.ejb.World.line;
import static org.serialtracking.it.ejb.World.move;
import static org.serialtracking.it.ejb.World.refused;
import static org.serialtracking.it.ejb.World.serials;

/** Cancelling posted documents: reversed whole, only while nothing has moved on. */
@ExtendWith(ArquillianExtension.class)
class CancellationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.services("cancellation-it");
    }

    @Inject
    PostingService posting;
    @Inject
    CancellationService cancellations;
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
    void aCancelledReceiptLeavesItsSerialsFreeToBeReceivedAgain() {
        String[] sn = serials(2);
        DocumentView receipt = posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 2, sn)));
        DocumentView cancelled = cancellations.cancel(receipt.id());
        assertNotNull(cancelled.cancelledAt());
        assertEquals(ErrorCode.NOT_FOUND, refused(() -> serialQueries.get(sn[0])).code());
        assertEquals(BigDecimal.ZERO, onHand(w.wh1));
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh2, 2, sn)));
        assertEquals(ErrorCode.VALIDATION, refused(() -> cancellations.cancel(receipt.id())).code(),
                "cancelled once only");
    }

    @Test
    void laterDocumentsMustBeCancelledFirstAndThenTheEarlierOneCanBe() {
        String[] sn = serials(2);
        DocumentView receipt = posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 2, sn)));
        DocumentView shipment = posting.post(doc(DocumentType.SHIPMENT, line(sku, w.wh1, 1, sn[0])));

        RuleViolation v = refused(() -> cancellations.cancel(receipt.id()));
        assertEquals(ErrorCode.SERIAL_MOVED_ON, v.code());
        assertEquals(List.of(sn[0]), v.serials());
        assertTrue(v.getMessage().endsWith("cancel the later documents first: " + shipment.number()),
                "names the document to cancel first: " + v.getMessage());
        assertEquals(SerialStatus.SHIPPED, serialQueries.get(sn[0]).status(), "a refused cancellation changes nothing");

        cancellations.cancel(shipment.id());
        assertEquals(SerialStatus.IN_STOCK, serialQueries.get(sn[0]).status());
        assertEquals(new BigDecimal("2"), onHand(w.wh1));
        List<HistoryView> h = serialQueries.history(sn[0]);
        assertEquals(List.of(1, -1, 1), h.stream().map(HistoryView::quantity).toList());
        assertEquals(List.of(false, false, true), h.stream().map(HistoryView::reversal).toList());

        cancellations.cancel(receipt.id());
        assertEquals(ErrorCode.NOT_FOUND, refused(() -> serialQueries.get(sn[1])).code());
        assertEquals(BigDecimal.ZERO, onHand(w.wh1));
    }

    @Test
    void aCancelledTransferTakesItsSerialsBack() {
        String[] sn = serials(1);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 1, sn)));
        DocumentView transfer = posting.post(doc(DocumentType.TRANSFER, move(sku, w.wh1, w.wh2, 1, sn)));
        cancellations.cancel(transfer.id());
        assertEquals(w.wh1, serialQueries.get(sn[0]).location());
        assertEquals(BigDecimal.ONE, onHand(w.wh1));
        assertEquals(BigDecimal.ZERO, onHand(w.wh2));
        List<HistoryView> h = serialQueries.history(sn[0]);
        assertEquals(List.of(HistoryType.RECEIVE, HistoryType.MOVEOUT, HistoryType.MOVEIN, HistoryType.MOVEIN,
                HistoryType.MOVEOUT), h.stream().map(HistoryView::type).toList());
        assertEquals(List.of(1, -1, 1, -1, 1), h.stream().map(HistoryView::quantity).toList());
    }

    @Test
    void aCancelledReturnShipsTheSerialAgain() {
        String[] sn = serials(1);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 1, sn)));
        posting.post(doc(DocumentType.SHIPMENT, line(sku, w.wh1, 1, sn)));
        DocumentView restock = posting.post(doc(DocumentType.RESTOCK, line(sku, w.wh2, 1, sn)));
        cancellations.cancel(restock.id());
        assertEquals(SerialStatus.SHIPPED, serialQueries.get(sn[0]).status());
        assertEquals(BigDecimal.ZERO, onHand(w.wh2));
    }

    @Test
    void stockThatMovedOnBlocksTheCancellationOfAnUntrackedReceipt() {
        String bulk = World.untrackedItem(items, w.wh1, null);
        DocumentView receipt = posting.post(doc(DocumentType.RECEIPT,
                LineCommand.of(bulk, w.wh1, null, new BigDecimal("5"), null, null)));
        posting.post(doc(DocumentType.SHIPMENT, LineCommand.of(bulk, w.wh1, null, new BigDecimal("3"), null, null)));
        RuleViolation v = refused(() -> cancellations.cancel(receipt.id()));
        assertEquals(ErrorCode.INSUFFICIENT_STOCK, v.code());
    }

    /** The sequence of issue 11: before the fix, on-hand 0 with a serial in stock and a 500 on the next receipt. */
    @Test
    void aShipmentWhoseItemStoppedTrackingIsNotCancelledAndTheLedgerStaysTrue() {
        String[] sn = serials(1);
        DocumentView shipment = shippedThenTrackingOff(sn);

        RuleViolation v = refused(() -> cancellations.cancel(shipment.id()));
        assertEquals(ErrorCode.TRACKING_CHANGED, v.code());
        assertTrue(v.getMessage().contains(sku), v.getMessage());
        assertEquals(SerialStatus.SHIPPED, serialQueries.get(sn[0]).status(), "nothing changed");
        assertEquals(BigDecimal.ZERO, onHand(w.wh1));

        // the rest of the sequence: stock without serials, tracking on again, the next receipt posts
        posting.post(doc(DocumentType.RECEIPT, LineCommand.of(sku, w.wh1, null, BigDecimal.ONE, null, null)));
        posting.post(doc(DocumentType.SHIPMENT, LineCommand.of(sku, w.wh1, null, BigDecimal.ONE, null, null)));
        items.update(sku, tracking(true));
        assertEquals(SerialState.TRACKED, items.get(sku).serialStatus());
        String[] more = serials(1);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 1, more)));
        assertEquals(BigDecimal.ONE, onHand(w.wh1));
    }

    @Test
    void aDocumentPostedWithoutSerialsIsNotCancelledOnceItsItemTracksThem() {
        String bulk = World.untrackedItem(items, w.wh1, "2");
        DocumentView shipment = posting.post(doc(DocumentType.SHIPMENT,
                LineCommand.of(bulk, w.wh1, null, new BigDecimal("2"), null, null)));
        items.update(bulk, tracking(true));
        assertEquals(SerialState.TRACKED, items.get(bulk).serialStatus(), "nothing on hand: tracked at once");

        RuleViolation v = refused(() -> cancellations.cancel(shipment.id()));
        assertEquals(ErrorCode.TRACKING_CHANGED, v.code());
        assertTrue(v.getMessage().contains(bulk), v.getMessage());
    }

    @Test
    void aReceiptWithoutSerialsIsNotCancelledOnceItsStockHasSerials() {
        String bulk = World.untrackedItem(items, w.wh1, null);
        DocumentView receipt = posting.post(doc(DocumentType.RECEIPT,
                LineCommand.of(bulk, w.wh1, null, new BigDecimal("2"), null, null)));
        items.update(bulk, tracking(true));
        assertEquals(ErrorCode.TRACKING_NOT_INITIALIZED, refused(() -> cancellations.cancel(receipt.id())).code());
        items.initializeSerials(bulk, new SerialInitialization(w.wh1, List.of(serials(2)), null));

        assertEquals(ErrorCode.TRACKING_CHANGED, refused(() -> cancellations.cancel(receipt.id())).code());
    }

    @Test
    void trackingOffThenOnAgainLetsTheShipmentBeCancelledWithItsSerials() {
        String[] sn = serials(1);
        DocumentView shipment = shippedThenTrackingOff(sn);
        items.update(sku, tracking(true));

        cancellations.cancel(shipment.id());
        assertEquals(SerialStatus.IN_STOCK, serialQueries.get(sn[0]).status());
        assertEquals(BigDecimal.ONE, onHand(w.wh1));
    }

    @Test
    void aCancelledBuildReturnsItsComponentsAndTakesItsOutputAway() {
        String part = World.trackedItem(items);
        String[] parts = serials(2);
        String[] unit = serials(1);
        posting.post(doc(DocumentType.RECEIPT, line(part, w.wh1, 2, parts)));
        DocumentView build = posting.post(doc(DocumentType.BUILD,
                World.built(LineRole.COMPONENT, part, w.wh1, 2, parts),
                World.built(LineRole.OUTPUT, sku, w.wh1, 1, unit)));
        assertEquals(SerialStatus.CONSUMED, serialQueries.get(parts[0]).status());

        cancellations.cancel(build.id());
        assertEquals(SerialStatus.IN_STOCK, serialQueries.get(parts[0]).status());
        assertEquals(SerialStatus.IN_STOCK, serialQueries.get(parts[1]).status());
        assertEquals(List.of(HistoryType.RECEIVE, HistoryType.CONSUME, HistoryType.CONSUME),
                serialQueries.history(parts[0]).stream().map(HistoryView::type).toList());
        assertEquals(ErrorCode.NOT_FOUND, refused(() -> serialQueries.get(unit[0])).code());
    }

    /** The serials received and shipped, then the item's tracking turned off; returns the shipment. */
    private DocumentView shippedThenTrackingOff(String[] sn) {
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, sn.length, sn)));
        DocumentView shipment = posting.post(doc(DocumentType.SHIPMENT, line(sku, w.wh1, sn.length, sn)));
        items.update(sku, tracking(false));
        return shipment;
    }

    private static ItemCommand tracking(boolean on) {
        return new ItemCommand(null, null, on, null, null, null, null, null, null);
    }

    private BigDecimal onHand(String location) {
        return items.get(sku).onHand().stream().filter(o -> o.location().equals(location))
                .map(OnHand::quantity).findFirst().orElse(BigDecimal.ZERO);
    }
}
