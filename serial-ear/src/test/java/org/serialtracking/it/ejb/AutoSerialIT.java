package org.serialtracking.it.ejb;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.format.boundary.AutoSerialService;
import org.serialtracking.item.boundary.ItemCommand;
import org.serialtracking.item.boundary.ItemService;
import org.serialtracking.platform.boundary.TimeSource;
import org.serialtracking.settings.boundary.SettingsService;
import org.serialtracking.settings.boundary.SettingsView;
import org.serialtracking.site.boundary.SiteService;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;
import org.serialtracking.transaction.DocumentView;
import org.serialtracking.transaction.LineCommand;
import org.serialtracking.transaction.boundary.PostingService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialtracking.it.ejb.World.built;
import static org.serialtracking.it.ejb.World.doc;
import static org.serialtracking.it.ejb.World.line;
import static org.serialtracking.it.ejb.World.refused;

/** Auto serial numbers issued inside postings, against PostgreSQL, with a clock the test sets. */
@ExtendWith(ArquillianExtension.class)
class AutoSerialIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @Deployment
    static WebArchive deployment() {
        return Deployments.services("auto-serial-it");
    }

    @Inject
    PostingService posting;
    @Inject
    ItemService items;
    @Inject
    SiteService sites;
    @Inject
    SettingsService settings;
    @Inject
    AutoSerialService autoSerials;
    @Inject
    TimeSource time;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    World w;
    /** makes this test's serials unique in a used database */
    String tag;

    @BeforeEach
    void world() {
        SettingsView s = settings.get();
        if (!s.serialTracking() || !s.autoSerialNumber()) {
            settings.update(new SettingsView(true, true, null), null);
        }
        w = World.create(sites);
        tag = TestData.unique("A");
    }

    @AfterEach
    void realTime() {
        time.use(Clock.systemDefaultZone());
    }

    @Test
    void aQuantityWithoutSerialsGetsGeneratedOnesAndExplicitSerialsAreKept() {
        String sku = autoItem(tag + "-[[INCNUM,NONE,6]]");
        DocumentView r = posting.post(doc(DocumentType.RECEIPT, qty(sku, w.wh1, 3), line(sku, w.wh2, 1, tag + "-M")));
        assertEquals(List.of(tag + "-000001", tag + "-000002", tag + "-000003"), r.lines().get(0).serials());
        assertEquals(List.of(tag + "-M"), r.lines().get(1).serials());
        assertEquals(List.of(tag + "-000004", tag + "-000005"), autoSerials.preview(sku, 2), "preview takes nothing");
        assertEquals(List.of(tag + "-000004", tag + "-000005"), autoSerials.preview(sku, 2));

        DocumentView build = posting.post(doc(DocumentType.BUILD,
                LineCommand.of(sku, w.wh1, null, BigDecimal.ONE, LineRole.OUTPUT, null)));
        assertEquals(List.of(tag + "-000004"), build.lines().get(0).serials());
        DocumentView increase = posting.post(doc(DocumentType.ADJUSTMENT, qty(sku, w.wh1, 1)));
        assertEquals(List.of(tag + "-000005"), increase.lines().get(0).serials());

        assertEquals(ErrorCode.SERIAL_COUNT_MISMATCH, refused(() -> posting.post(doc(DocumentType.SHIPMENT,
                qty(sku, w.wh1, 1)))).code(), "remove-mode lines never generate");
    }

    @Test
    void aFailedDocumentGivesItsNumbersBack() {
        String sku = autoItem(tag + "-[[INCNUM,NONE,4]]");
        String plain = World.trackedItem(items);
        assertEquals(ErrorCode.SERIAL_COUNT_MISMATCH, refused(() -> posting.post(doc(DocumentType.RECEIPT,
                qty(sku, w.wh1, 2), line(plain, w.wh1, 2, tag + "-X")))).code());
        DocumentView r = posting.post(doc(DocumentType.RECEIPT, qty(sku, w.wh1, 2)));
        assertEquals(List.of(tag + "-0001", tag + "-0002"), r.lines().get(0).serials());
    }

    @Test
    void numbersTakenByOtherSerialsAreSkipped() {
        String sku = autoItem(tag + "-[[INCNUM,NONE,3]]");
        String other = World.trackedItem(items);
        posting.post(doc(DocumentType.RECEIPT, line(other, w.wh1, 2, tag + "-002", tag.toLowerCase() + "-004")));
        DocumentView r = posting.post(doc(DocumentType.RECEIPT, qty(sku, w.wh1, 3)));
        assertEquals(List.of(tag + "-001", tag + "-003", tag + "-005"), r.lines().get(0).serials());
    }

    @Test
    void aDateInTheTextStartsAFreshCountAcrossMidnight() {
        String sku = autoItem(tag + "-[[DATE]]-[[INCNUM,NONE,3,1]]");
        at(2024, 12, 1, 23, 59);
        assertEquals(List.of(tag + "-2024-12-01-001", tag + "-2024-12-01-002"), receive(sku, 2));
        at(2024, 12, 2, 0, 1);
        assertEquals(List.of(tag + "-2024-12-02-001"), receive(sku, 1));
        at(2024, 12, 1, 23, 59);
        assertEquals(List.of(tag + "-2024-12-01-003"), receive(sku, 1), "the counter of Dec 1 goes on");
    }

    @Test
    void dailyAndMonthlyCountersResetAndNeverRepeatASerial() {
        String daily = autoItem(tag + "D-[[YEAR]][[MONTH]]-[[INCNUM,DAILY,4]]");
        String monthly = autoItem(tag + "M-[[YEAR]][[MONTH]]-[[INCNUM,MONTHLY,3]]");
        at(2024, 11, 30, 12, 0);
        assertEquals(List.of(tag + "M-202411-001", tag + "M-202411-002"), receive(monthly, 2));
        at(2024, 12, 1, 8, 0);
        assertEquals(List.of(tag + "M-202412-001"), receive(monthly, 1));
        assertEquals(List.of(tag + "D-202412-0001", tag + "D-202412-0002"), receive(daily, 2));
        at(2024, 12, 2, 8, 0);
        assertEquals(List.of(tag + "D-202412-0003"), receive(daily, 1),
                "the DAILY counter restarts at 1, but 0001 and 0002 exist: skipped");
    }

    @Test
    void parallelReceiptsOnOneItemIssueEveryNumberOnce() throws Exception {
        String sku = autoItem(tag + "-[[INCNUM,DAILY,5]]-[[DATE]]");
        int clients = 8;
        int perDocument = 25;
        List<String> all = together(clients, i -> () -> receive(sku, perDocument));
        assertEquals(clients * perDocument, all.size());
        assertEquals(all.size(), new HashSet<>(all).size(), "no serial issued twice");
        assertEquals(new BigDecimal(all.size()), items.get(sku).onHand().get(0).quantity());
        assertTrue(autoSerials.preview(sku, 1).get(0).startsWith(tag + "-00201-"), "every number used once");
    }

    @Test
    void itemsSharingAFormatRaceWithoutADuplicateOrAFailure() throws Exception {
        String format = tag + "-[[INCNUM,NONE,4]]";
        String[] skus = {autoItem(format), autoItem(format)};
        int clients = 8;
        List<String> all = together(clients, i -> () -> receive(skus[i % 2], 10));
        assertEquals(clients * 10, new HashSet<>(all).size(), "every document posted, no serial twice");
    }

    /**
     * Lock order (ARCHITECTURE.md): stock rows before serial counters. A document that generates
     * serials locks its stock rows first, whether of one line or of several, then takes its counters
     * in item order, whatever the order of its lines: mixed, such documents neither deadlock nor fail.
     */
    @Test
    void documentsOfOneAndOfSeveralLinesRaceWithoutADeadlock() throws Exception {
        String a = autoItem(tag + "A-[[INCNUM,NONE,5]]");
        String b = autoItem(tag + "B-[[INCNUM,NONE,5]]");
        List<List<LineCommand>> shapes = List.of(
                List.of(qty(a, w.wh1, 3)),
                List.of(qty(a, w.wh1, 3), qty(b, w.wh2, 3)),
                List.of(qty(b, w.wh2, 3), qty(a, w.wh1, 3)),
                List.of(qty(b, w.wh2, 3)));
        int perClient = 5;
        List<String> all = together(8, i -> () -> {
            List<String> serials = new ArrayList<>();
            for (int k = 0; k < perClient; k++) {
                posting.post(doc(DocumentType.RECEIPT, shapes.get(i % shapes.size()).toArray(new LineCommand[0])))
                        .lines().forEach(l -> serials.addAll(l.serials()));
            }
            return serials;
        });
        // clients 0 and 4 post A only, 3 and 7 B only, the others both: 3 serials per line
        int linesOfA = 6 * perClient;
        int linesOfB = 6 * perClient;
        assertEquals(3 * (linesOfA + linesOfB), all.size(), "every document posted");
        assertEquals(all.size(), new HashSet<>(all).size(), "no serial issued twice");
        assertEquals(new BigDecimal(3 * linesOfA), items.get(a).onHand().get(0).quantity());
        assertEquals(new BigDecimal(3 * linesOfB), items.get(b).onHand().get(0).quantity());
    }

    /**
     * Runs {@code clients} clients at once, each on its own thread and transaction, all released
     * together; the serials they got, all of them, in client order. A client that fails fails the test.
     */
    private List<String> together(int clients, IntFunction<Callable<List<String>>> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients, threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Callable<List<String>> work = client.apply(i);
            results.add(pool.submit(() -> {
                go.await(30, TimeUnit.SECONDS);
                return work.call();
            }));
        }
        go.countDown();
        List<String> all = new ArrayList<>();
        try {
            for (Future<List<String>> f : results) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        return all;
    }

    @Test
    void anItemFormatIsValidatedWhenSaved() {
        String sku = World.trackedItem(items);
        assertEquals(ErrorCode.INVALID_FORMAT, refused(() -> items.update(sku,
                new ItemCommand(null, null, null, true, "SN-[[INCNUM,NONE]]", null, null, null, null))).code());
        assertEquals(ErrorCode.VALIDATION, refused(() -> items.update(sku,
                new ItemCommand(null, null, null, true, null, null, null, null, null))).code());
    }

    private String autoItem(String format) {
        String sku = TestData.unique("AUTO");
        items.create(new ItemCommand(sku, "Auto " + sku, true, true, format, null, null, null, null));
        return sku;
    }

    private List<String> receive(String sku, int quantity) {
        return posting.post(doc(DocumentType.RECEIPT, qty(sku, w.wh1, quantity))).lines().get(0).serials();
    }

    private void at(int year, int month, int day, int hour, int minute) {
        time.use(Clock.fixed(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ZONE).toInstant(), ZONE));
    }

    private static LineCommand qty(String sku, String location, int quantity) {
        return LineCommand.of(sku, location, null, BigDecimal.valueOf(quantity), null, null);
    }
}
