package org.serialtracking.it.ejb;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.item.boundary.InitialStock;
import org.serialtracking.item.boundary.ItemCommand;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.item.boundary.ItemView;
import org.serialtracking.item.boundary.OnHand;
import org.serialtracking.item.boundary.SerialInitialization;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.serial.HistoryType;
import org.serialtracking.serial.boundary.SerialQueryService;
import org.serialtracking.settings.boundary.SettingsService;
import org.serialtracking.settings.boundary.SettingsView;
import org.serialtracking.site.boundary.SiteService;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.boundary.PostingService;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.serialtracking.it.ejb.World.doc;
import static org.serialtracking.it.ejb.World.line;
import static org.serialtracking.it.ejb.World.refused;
import static org.serialtracking.it.ejb.World.serials;

/** Items and their tracking state: initial stock, NOT_INITIALIZED, initialization, and the platform switch. */
@ExtendWith(ArquillianExtension.class)
class ItemServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.services("items-it");
    }

    @Inject
    ItemService items;
    @Inject
    SiteService sites;
    @Inject
    PostingService posting;
    @Inject
    SerialQueryService serialQueries;
    @Inject
    SettingsService settings;

    World w;

    @BeforeEach
    void world() {
        TestData.enableTracking(settings);
        w = World.create(sites);
    }

    @Test
    void aTrackedItemsInitialStockNeedsExactlyThatManySerials() {
        String sku = TestData.unique("NEW");
        String[] sn = serials(3);
        assertEquals(ErrorCode.SERIAL_COUNT_MISMATCH, refused(() -> items.create(new ItemCommand(sku, "New", true,
                null, null, new InitialStock(w.wh1, new BigDecimal("3"), List.of(sn[0], sn[1])), null, null, null))).code());
        assertEquals(ErrorCode.NOT_FOUND, refused(() -> items.get(sku)).code(), "the item was not created either");

        ItemView created = items.create(new ItemCommand(sku, "New", true, null, null,
                new InitialStock(w.wh1, new BigDecimal("3"), List.of(sn)), null, null, null));
        assertEquals(SerialState.TRACKED, created.serialStatus());
        assertEquals(List.of(new OnHand(w.wh1, new BigDecimal("3"), true)), created.onHand());
        assertEquals(HistoryType.ADJUST, serialQueries.history(sn[2]).get(0).type());
    }

    @Test
    void trackingTurnedOnOverStockWaitsForSerialsPerLocation() {
        String sku = World.untrackedItem(items, w.wh1, "2");
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh2, 1)));
        ItemView before = items.get(sku);

        ItemView tracked = items.update(sku, new ItemCommand(null, null, true, null, null, null, before.version(), null, null));
        assertEquals(SerialState.NOT_INITIALIZED, tracked.serialStatus());

        assertEquals(ErrorCode.TRACKING_NOT_INITIALIZED,
                refused(() -> posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 1, serials(1))))).code());

        String[] sn = serials(3);
        assertEquals(ErrorCode.SERIAL_COUNT_MISMATCH, refused(() -> items.initializeSerials(sku,
                new SerialInitialization(w.wh1, List.of(sn[0]), null))).code());

        ItemView half = items.initializeSerials(sku, new SerialInitialization(w.wh1, List.of(sn[0], sn[1]), null));
        assertEquals(SerialState.NOT_INITIALIZED, half.serialStatus(), "wh2 still waits");
        ItemView done = items.initializeSerials(sku, new SerialInitialization(w.wh2, List.of(sn[2]), null));
        assertEquals(SerialState.TRACKED, done.serialStatus());
        assertEquals(Set.of(new OnHand(w.wh1, new BigDecimal("2"), true), new OnHand(w.wh2, BigDecimal.ONE, true)),
                Set.copyOf(done.onHand()), "on-hand unchanged by initialization");
        assertEquals(HistoryType.ADJUST, serialQueries.history(sn[0]).get(0).type());
        assertEquals(ErrorCode.VALIDATION, refused(() -> items.initializeSerials(sku,
                new SerialInitialization(w.wh1, List.of(serials(2)), null))).code());

        posting.post(doc(DocumentType.SHIPMENT, line(sku, w.wh1, 1, sn[1])));
    }

    @Test
    void aStaleItemEditIsAConflict() {
        String sku = World.trackedItem(items);
        ItemView v1 = items.get(sku);
        items.update(sku, new ItemCommand(null, "Renamed", null, null, null, null, v1.version(), null, null));
        assertEquals(ErrorCode.CONFLICT, refused(() -> items.update(sku,
                new ItemCommand(null, "Lost update", null, null, null, null, v1.version(), null, null))).code());
        assertEquals("Renamed", items.get(sku).name());
    }

    @Test
    void trackingCannotBeTurnedOffWhileSerialsAreInStock() {
        String sku = World.trackedItem(items);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 1, serials(1))));
        assertEquals(ErrorCode.VALIDATION, refused(() -> items.update(sku,
                new ItemCommand(null, null, false, null, null, null, null, null, null))).code());
    }

    @Test
    void turningPlatformTrackingOffErasesAllSerialDataOnlyWithConfirmation() {
        String sku = World.trackedItem(items);
        String[] sn = serials(2);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 2, sn)));
        SettingsView on = settings.get();

        assertEquals(ErrorCode.CONFIRMATION_REQUIRED,
                refused(() -> settings.update(new SettingsView(false, false, on.version()), "delete")).code());
        assertEquals(sn[0], serialQueries.get(sn[0]).serial());

        settings.update(new SettingsView(false, false, on.version()), SettingsService.CONFIRMATION_WORD);
        try {
            assertEquals(ErrorCode.NOT_FOUND, refused(() -> serialQueries.get(sn[0])).code());
            ItemView item = items.get(sku);
            assertFalse(item.trackSerials());
            assertEquals(SerialState.UNTRACKED, item.serialStatus());
            assertEquals(new BigDecimal("2"), item.onHand().get(0).quantity(), "stock stays");
            assertEquals(ErrorCode.SERIAL_TRACKING_DISABLED, refused(() -> items.update(sku,
                    new ItemCommand(null, null, true, null, null, null, null, null, null))).code());
            assertEquals(ErrorCode.SERIAL_TRACKING_DISABLED, refused(() -> posting.post(doc(DocumentType.RECEIPT,
                    line(sku, w.wh1, 1, serials(1))))).code());
        } finally {
            TestData.enableTracking(settings);
        }
    }
}
