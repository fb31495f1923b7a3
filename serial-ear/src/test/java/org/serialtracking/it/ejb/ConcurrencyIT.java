package org.serialtracking.it.ejb;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.boundary.SerialQueryService;
import org.serialtracking.settings.boundary.SettingsService;
import org.serialtracking.site.boundary.SiteService;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.DocumentCommand;
import org.serialtracking.transaction.boundary.PostingService;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialtracking.it.ejb.World.doc;
import static org.serialtracking.it.ejb.World.line;
import static org.serialtracking.it.ejb.World.serials;

/**
 * Rule 10: documents racing for the same serial. Every racer starts at the same instant on its own
 * thread, transaction and connection; exactly one wins, the others get a clear rule violation, and
 * the stock invariant holds afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrencyIT {

    private static final int RACERS = 8;

    @Deployment
    static WebArchive deployment() {
        return Deployments.services("concurrency-it");
    }

    @Inject
    PostingService posting;
    @Inject
    ItemService items;
    @Inject
    SiteService sites;
    @Inject
    SerialQueryService serialQueries;
    @Inject
    SettingsService settings;
    /** Threads of their own (with the application's context): a shared pool may run fewer racers at once. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    World w;
    String sku;

    @BeforeEach
    void world() {
        TestData.enableTracking(settings);
        w = World.create(sites);
        sku = World.trackedItem(items);
    }

    @Test
    void racingShipmentsOfOneSerialShipItOnce() throws Exception {
        String[] sn = serials(3);
        posting.post(doc(DocumentType.RECEIPT, line(sku, w.wh1, 3, sn)));

        Map<String, Long> outcomes = race(i -> doc(DocumentType.SHIPMENT, line(sku, w.wh1, 1, sn[0])));

        assertEquals(Map.of("OK", 1L, ErrorCode.SERIAL_NOT_AVAILABLE.name(), (long) RACERS - 1), outcomes);
        assertEquals(SerialStatus.SHIPPED, serialQueries.get(sn[0]).status());
        assertEquals(new BigDecimal("2"), items.get(sku).onHand().get(0).quantity());
    }

    @Test
    void racingReceiptsOfOneNewSerialInAnyCaseCreateItOnce() throws Exception {
        String serial = serials(1)[0];

        Map<String, Long> outcomes = race(i -> doc(DocumentType.RECEIPT,
                line(sku, i % 2 == 0 ? w.wh1 : w.wh2, 1, i % 2 == 0 ? serial : serial.toLowerCase())));

        assertEquals(Map.of("OK", 1L, ErrorCode.DUPLICATE_SERIAL.name(), (long) RACERS - 1), outcomes);
        BigDecimal total = items.get(sku).onHand().stream().map(o -> o.quantity()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(BigDecimal.ONE, total, "one unit received, once");
    }

    @Test
    void overlappingReceiptsInOppositeOrderNeitherDeadlockNorDuplicate() throws Exception {
        String[] sn = serials(50);
        List<String> forward = Arrays.asList(sn);
        List<String> backward = new ArrayList<>(forward);
        Collections.reverse(backward);

        Map<String, Long> outcomes = race(i -> doc(DocumentType.RECEIPT, line(sku, w.wh1, sn.length,
                (i % 2 == 0 ? forward : backward).toArray(new String[0]))));

        assertEquals(Map.of("OK", 1L, ErrorCode.DUPLICATE_SERIAL.name(), (long) RACERS - 1), outcomes);
        assertEquals(new BigDecimal(sn.length), items.get(sku).onHand().get(0).quantity());
        assertEquals(sn.length, serialQueries.list(sku, SerialStatus.IN_STOCK, w.wh1, null, 1000, null).items()
                .size(), "on-hand equals IN_STOCK serials");
    }

    /** Starts all racers together; returns how many ended how ("OK" or the error code). */
    private Map<String, Long> race(IntFunction<DocumentCommand> document) throws Exception {
        CountDownLatch ready = new CountDownLatch(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(RACERS, threads);
        for (int i = 0; i < RACERS; i++) {
            DocumentCommand command = document.apply(i);
            results.add(executor.submit(() -> {
                ready.countDown();
                go.await(30, TimeUnit.SECONDS);
                try {
                    posting.post(command);
                    return "OK";
                } catch (RuleViolation v) {
                    return v.code().name();
                }
            }));
        }
        assertTrue(ready.await(30, TimeUnit.SECONDS), "all racers started");
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        try {
            for (Future<String> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            executor.shutdownNow();
        }
        return outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    }
}
