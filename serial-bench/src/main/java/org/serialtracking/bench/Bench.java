package org.serialtracking.bench;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.serialtracking.recall.RecallCounts;
import org.serialtracking.recall.control.RecallRepository;
import org.serialtracking.serial.SerialFilter;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.control.SerialRepository;
import org.serialtracking.trace.Trace;
import org.serialtracking.trace.control.TraceRepository;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The performance benchmark of issue 6, run by {@code ./bench} against a started server
 * (serial-bench) and its database schema. Every figure is a median (or a percentile) of runs taken
 * after warm-up runs, next to a baseline measured in the same run:
 * <ul>
 *     <li>writes (1, 2, 3, 6, 7): the same rows written straight into PostgreSQL by COPY, into tables
 *     of the same shape, indexes and contents (schema serial_bench_copy, no foreign keys);</li>
 *     <li>reads (4, 5): the same SQL the server runs, sent straight over JDBC;</li>
 *     <li>heap (8): the server's live heap just before the scenario;</li>
 *     <li>genealogy (issue 14): trace (10) and recalls (11, 12), the statements of the application's own
 *     TraceRepository and RecallRepository run over JDBC; the assigned build (13), the same serials,
 *     history rows and links by COPY and the components' UPDATE in the copy schema, one transaction.</li>
 *     <li>a warehouse day (15, {@link WarehouseDay}): the clients' documents replayed by COPY/UPDATE over as
 *     many connections, their reads as the server's SQL.</li>
 * </ul>
 */
public final class Bench {

    /** The server's API (./bench passes BENCH_HTTP_PORT's as -Dbench.url); --url=... overrides it. */
    static final String DEFAULT_URL = System.getProperty("bench.url", "http://localhost:9180/serial/api");

    private final Map<String, String> options;
    private final int runs;
    private final int warmups;
    private final Database db;
    private final Seed seed;
    private final Report report = new Report();
    private final Api api;
    private final Heap heap;
    private final String token = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
    private final Random random = new Random(42);
    private AtomicLong copySerialId;
    private AtomicLong copyHistoryId;
    private AtomicLong copyLinkId;
    private final int buildUnits;
    private double copy100k = Double.NaN;
    private List<Double> copy100kRuns = List.of();

    private Bench(Map<String, String> options) {
        this.options = options;
        this.runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        this.warmups = Integer.parseInt(options.getOrDefault("warmups", "2"));
        this.db = new Database(options.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                options.getOrDefault("db-user", "postgres"));
        this.buildUnits = Integer.parseInt(options.getOrDefault("build-units", "10000"));
        this.seed = new Seed(db, Long.parseLong(options.getOrDefault("stored", "10000000")),
                Long.parseLong(options.getOrDefault("units", "1000000")), 10L * buildUnits,
                Long.parseLong(options.getOrDefault("customers", "10000")),
                Long.parseLong(options.getOrDefault("wh-stock", "10")));
        this.api = new Api(options.getOrDefault("url", DEFAULT_URL), "clerk");
        this.heap = new Heap(Long.parseLong(readPid(options.get("pid-file"))), Path.of("target", "bench"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + a);
            }
            int eq = a.indexOf('=');
            options.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        new Bench(options).run();
    }

    private static String readPid(String file) throws RuntimeException {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (Exception e) {
            throw new IllegalArgumentException("--pid-file=<the server's pid file> is required", e);
        }
    }

    private boolean selected(int scenario) {
        String only = options.get("only");
        if (only == null) {
            return true;
        }
        for (String s : only.split(",")) {
            if (s.strip().equals(String.valueOf(scenario))) {
                return true;
            }
        }
        return false;
    }

    private void run() throws Exception {
        Files.createDirectories(Path.of("target", "bench"));
        seed.ensure(options.containsKey("reseed"));
        seed.reset();
        copySerialId = new AtomicLong(seed.id("wm.serial") + 1);
        copyHistoryId = new AtomicLong(seed.id("wm.serial_history") + 1);
        copyLinkId = new AtomicLong(seed.id("wm.serial_link") + 1);
        heap.start(options.containsKey("profile"));
        context();
        System.out.printf("runs: %d measured after %d warm-up(s); %,d serials stored%n", runs, warmups, seed.stored);
        if (selected(1) || selected(2) || selected(8)) {
            baselineCopy100k();
        }
        if (selected(1) || selected(8)) {
            explicitReceipt();
        }
        if (selected(2)) {
            autoReceipt();
        }
        if (selected(3)) {
            shipment();
        }
        if (selected(4)) {
            lookups();
        }
        if (selected(5)) {
            lists();
        }
        if (selected(6)) {
            xlsxImport();
        }
        if (selected(7)) {
            double copyDocsPerSecond = parallelClients("one server", options.getOrDefault("url", DEFAULT_URL), Double.NaN);
            if (options.containsKey("balanced-url")) {
                // the same clients through haproxy to two servers on the same database (./bench --balanced)
                parallelClients("two servers behind haproxy", options.get("balanced-url"), copyDocsPerSecond);
            }
        }
        if (selected(10)) {
            traces();
        }
        if (selected(11)) {
            recallBySerials();
        }
        if (selected(12)) {
            recallByMaterial();
        }
        if (selected(13)) {
            genealogyBuild();
        }
        if (selected(14)) {
            // what a customer polls (its shipping notices), and everything at once
            epcisFeed("shipments", "&EQ_bizStep=shipping");
            epcisFeed("every event", "");
        }
        if (selected(15)) {
            // a warehouse day (issue 17): its own class, on the seed's warehouse
            new WarehouseDay(options, db, seed, heap, report, options.getOrDefault("url", DEFAULT_URL), token,
                    copySerialId, copyHistoryId, copyLinkId).run();
        }
        // every run ends with the ledger's consistency check (issue 11): it must find nothing
        consistencyCheck();
        report.print();
        report.write(Path.of(options.getOrDefault("out", "target/bench/results.json")));
        if (options.containsKey("profile")) {
            Path jfr = Path.of("target", "bench", "server.jfr");
            heap.dump(jfr);
            System.out.println("written: " + jfr + " (the server's flight recording, profile settings)");
        }
    }

    private void context() throws Exception {
        report.context("date", OffsetDateTime.now(ZoneOffset.UTC).toString());
        report.context("cpus", Runtime.getRuntime().availableProcessors());
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        report.context("cpu", model);
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> l.replaceAll("\\s+", " ")).orElse("?");
        report.context("memory", mem);
        report.context("java", System.getProperty("java.version"));
        try (Connection c = db.connect(Seed.APP)) {
            report.context("postgresql", Database.text(c, "select version()"));
        }
        report.context("stored", seed.stored);
        report.context("genealogyUnits", seed.genealogy.units);
        report.context("warehouseSerials", seed.warehouse.serialCount());
        report.context("runs", runs);
        report.context("warmups", warmups);
        report.context("baselines", "writes: the same rows by COPY into " + Seed.COPY + " (same shape, indexes and "
                + "rows, no FKs), one transaction per document; reads: the server's SQL straight over JDBC; "
                + "heap: the server's live heap before the scenario; trace and recalls (10-12): TraceRepository's "
                + "and RecallRepository's statements over JDBC; assigned build (13): COPY of its serials, history "
                + "and links + UPDATE of its components in " + Seed.COPY + ", one transaction; warehouse day (15): "
                + "each client's documents replayed over as many connections, COPY/UPDATE of the same rows, one "
                + "transaction per document, and its reads as the server's SQL over JDBC");
    }

    // ------------------------------------------------------------------ writes

    /** COPY of n serial rows and n history rows, one transaction: the baseline of a receipt. */
    private double copyReceipt(Connection c, int n, String prefix, long item, long location) throws SQLException {
        long first = copySerialId.getAndAdd(n);
        long firstHistory = copyHistoryId.getAndAdd(n);
        long t0 = System.nanoTime();
        try (Database.Copy copy = new Database.Copy(c, "copy serial (id, serial, item_id, status, location_id, "
                + "received_at, last_transaction_id) from stdin")) {
            for (int i = 0; i < n; i++) {
                copy.row(first + i, prefix + String.format("%06d", i), item, "IN_STOCK", location,
                        "2026-01-01 00:00:00+00", 1);
            }
        }
        try (Database.Copy copy = new Database.Copy(c, "copy serial_history (id, serial_id, transaction_id, line_id, "
                + "type, quantity, location_id, at, username) from stdin")) {
            for (int i = 0; i < n; i++) {
                copy.row(firstHistory + i, first + i, 1, 1, "RECEIVE", 1, location, "2026-01-01 00:00:00+00", "clerk");
            }
        }
        c.commit();
        return Stats.seconds(System.nanoTime() - t0);
    }

    private void baselineCopy100k() throws Exception {
        List<Double> times = new ArrayList<>();
        try (Connection c = db.connect(Seed.COPY)) {
            c.setAutoCommit(false);
            for (int r = 0; r < warmups + runs; r++) {
                double t = copyReceipt(c, 100_000, "B" + token + "-" + r + "-", seed.id("item." + Seed.RCV_SKU),
                        seed.id("loc.RCV"));
                if (r >= warmups) {
                    times.add(t);
                }
            }
        }
        copy100kRuns = times;
        copy100k = Stats.median(times);
        System.out.printf(Locale.ROOT, "baseline: COPY 100,000 serials + 100,000 history rows: median %.3f s %s%n",
                copy100k, times);
    }

    private static String receipt(String sku, String location, int quantity, List<String> serials) {
        StringBuilder json = new StringBuilder(serials == null ? 200 : serials.size() * 16 + 200);
        json.append("{\"type\":\"RECEIPT\",\"reference\":\"bench\",\"lines\":[{\"sku\":").append(Api.quote(sku))
                .append(",\"location\":").append(Api.quote(location)).append(",\"quantity\":").append(quantity);
        appendSerials(json, serials);
        return json.append("}]}").toString();
    }

    private static String shipment(String sku, String location, List<String> serials) {
        StringBuilder json = new StringBuilder(serials.size() * 16 + 200);
        json.append("{\"type\":\"SHIPMENT\",\"reference\":\"bench\",\"lines\":[{\"sku\":").append(Api.quote(sku))
                .append(",\"location\":").append(Api.quote(location)).append(",\"quantity\":").append(serials.size());
        appendSerials(json, serials);
        return json.append("}]}").toString();
    }

    private static void appendSerials(StringBuilder json, List<String> serials) {
        if (serials != null) {
            json.append(",\"serials\":[");
            for (int i = 0; i < serials.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                json.append('"').append(serials.get(i)).append('"');
            }
            json.append(']');
        }
    }

    /** Scenarios 1 and 8: 100,000 explicit serials in one call; the server's heap meanwhile. */
    private void explicitReceipt() throws Exception {
        List<Double> times = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        List<Double> lives = new ArrayList<>();
        List<Double> liveAfter = new ArrayList<>();
        for (int r = 0; r < warmups + runs; r++) {
            List<String> serials = new ArrayList<>(100_000);
            for (int i = 0; i < 100_000; i++) {
                serials.add("R" + token + "-" + r + "-" + String.format("%06d", i));
            }
            String body = receipt(Seed.RCV_SKU, "RCV", 100_000, serials);
            boolean measured = r >= warmups;
            if (measured) {
                heap.open();
            }
            long t0 = System.nanoTime();
            Api.Reply reply = api.postJson("/transactions", body).expect(201);
            double t = Stats.seconds(System.nanoTime() - t0);
            if (measured) {
                Heap.Window w = heap.close();
                times.add(t);
                peaks.add(w.peakUsed());
                lives.add(w.liveAtStart());
                liveAfter.add(w.peakLiveAfterGc());
            }
            check(Api.serials(reply.body()).size() == 100_000, "the receipt lists its 100,000 serials");
            System.out.printf(Locale.ROOT, "  #1 run %d%s: %.3f s%n", r, measured ? "" : " (warm-up)", t);
        }
        double ours = Stats.median(times);
        if (selected(1)) {
            report.add(new Report.Row("1", "receipt of 100,000 explicit serials, " + stored() + " stored",
                    "end to end", ours, "s", copy100k, "COPY 100k serial + 100k history rows", copy100k / ours,
                    "of COPY rows/s", "<= 2 s and >= 0.33 of COPY rows/s", ours <= 2.0 && copy100k / ours >= 1.0 / 3,
                    detail(times, copy100kRuns)));
        }
        double peak = Stats.median(peaks);
        double live = Stats.median(lives);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("peakUsedMbPerRun", peaks);
        d.put("liveAtStartMbPerRun", lives);
        d.put("peakLiveAfterGcMbPerRun", liveAfter);
        d.put("maxPeakUsedMb", Stats.max(peaks));
        d.put("how", "JFR jdk.GCHeapSummary in the server (jcmd JFR.start/JFR.dump), window opened and closed by "
                + "jcmd GC.run; peak = largest heap used before a GC in the window");
        report.add(new Report.Row("8", "peak heap of the server during #1", "peak heap used", peak, "MB", live,
                "live heap before the receipt", peak / live, "x live before", "<= 512 MB",
                Stats.max(peaks) <= 512, d));
    }

    /** Scenario 2: 100,000 generated serials in one call. */
    private void autoReceipt() throws Exception {
        List<Double> times = new ArrayList<>();
        String body = receipt(Seed.AUTO_SKU, "AUTO", 100_000, null);
        for (int r = 0; r < warmups + runs; r++) {
            heap.open(); // the same starting point as #1: a collected heap
            long t0 = System.nanoTime();
            Api.Reply reply = api.postJson("/transactions", body).expect(201);
            double t = Stats.seconds(System.nanoTime() - t0);
            check(Api.serials(reply.body()).size() == 100_000, "the receipt lists its 100,000 serials");
            if (r >= warmups) {
                times.add(t);
            }
            System.out.printf(Locale.ROOT, "  #2 run %d%s: %.3f s%n", r, r >= warmups ? "" : " (warm-up)", t);
        }
        double ours = Stats.median(times);
        report.add(new Report.Row("2", "receipt of 100,000 auto-generated serials", "end to end", ours, "s",
                copy100k, "COPY 100k serial + 100k history rows", copy100k / ours, "of COPY rows/s", "<= 2 s",
                ours <= 2.0, detail(times, copy100kRuns)));
    }

    /** Scenario 3: 50,000 serials picked at random from the pool's 1,000,000 in stock, in one shipment. */
    private void shipment() throws Exception {
        List<Long> pool = seed.poolIds();
        Collections.shuffle(pool, random);
        int n = 50_000;
        check(pool.size() >= (long) n * (warmups + runs), "the pool holds enough serials for every run");
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < warmups + runs; r++) {
            List<String> serials = new ArrayList<>(n);
            for (long id : pool.subList(r * n, (r + 1) * n)) {
                serials.add(Seed.poolSerial(id));
            }
            String body = shipment(Seed.POOL_SKU, "POOL", serials);
            heap.open();
            long t0 = System.nanoTime();
            api.postJson("/transactions", body).expect(201);
            double t = Stats.seconds(System.nanoTime() - t0);
            if (r >= warmups) {
                times.add(t);
            }
            System.out.printf(Locale.ROOT, "  #3 run %d%s: %.3f s%n", r, r >= warmups ? "" : " (warm-up)", t);
        }
        // baseline: the same serial rows updated and the same history rows copied, in the copy tables
        List<Double> base = new ArrayList<>();
        try (Connection c = db.connect(Seed.COPY)) {
            c.setAutoCommit(false);
            for (int r = 0; r < warmups + runs; r++) {
                List<Long> ids = pool.subList(r * n, (r + 1) * n);
                long firstHistory = copyHistoryId.getAndAdd(n);
                long t0 = System.nanoTime();
                Database.exec(c, "create temp table if not exists shipped (id bigint) on commit delete rows");
                try (Database.Copy copy = new Database.Copy(c, "copy shipped (id) from stdin")) {
                    for (long id : ids) {
                        copy.row(id);
                    }
                }
                Database.exec(c, "update serial s set status = 'SHIPPED', location_id = null, last_transaction_id = 1 "
                        + "from shipped x where s.id = x.id");
                try (Database.Copy copy = new Database.Copy(c, "copy serial_history (id, serial_id, transaction_id, "
                        + "line_id, type, quantity, location_id, at, username) from stdin")) {
                    long h = firstHistory;
                    for (long id : ids) {
                        copy.row(h++, id, 1, 1, "SHIP", -1, seed.id("loc.POOL"), "2026-01-01 00:00:00+00", "clerk");
                    }
                }
                c.commit();
                if (r >= warmups) {
                    base.add(Stats.seconds(System.nanoTime() - t0));
                }
            }
        }
        double ours = Stats.median(times);
        double baseline = Stats.median(base);
        // the pool is 1,000,000 serials, half the store when that is smaller (./bench --growth's 1,000,000)
        report.add(new Report.Row("3", String.format(Locale.ROOT, "shipment of 50,000 serials picked from %,d in stock, "
                + "%s stored", seed.pool, stored()), "end to end",
                ours, "s", baseline, "COPY of the ids + UPDATE 50k serials + COPY 50k history rows",
                baseline / ours, "of COPY rows/s", "<= 2 s", ours <= 2.0, detail(times, base)));
    }

    // ------------------------------------------------------------------ reads

    private String storedSerial(long id) {
        return seed.serialOf(id);
    }

    /** Scenario 4: one serial and its history, by serial number, at random among all stored. */
    private void lookups() throws Exception {
        int samples = Integer.parseInt(options.getOrDefault("lookups", "2000"));
        // warm-up long enough for the server's JIT to compile the request path (300 left #4 at twice its
        // steady median on a server just started; issue 17)
        int warm = Integer.parseInt(options.getOrDefault("read-warmups", "3000"));
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < warm + samples; i++) {
            picks.add(storedSerial(1 + (long) (random.nextDouble() * seed.stored)));
        }
        List<Double> get = new ArrayList<>();
        List<Double> history = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            String s = picks.get(i);
            long t0 = System.nanoTime();
            api.get("/serials/" + s).expect(200);
            long t1 = System.nanoTime();
            api.get("/serials/" + s + "/history").expect(200);
            long t2 = System.nanoTime();
            if (i >= warm) {
                get.add(Stats.millis(t1 - t0));
                history.add(Stats.millis(t2 - t1));
            }
        }
        // the baseline reads serials of its own, drawn alike: the same ones would find their pages cached
        List<String> basePicks = new ArrayList<>();
        for (int i = 0; i < warm + samples; i++) {
            basePicks.add(storedSerial(1 + (long) (random.nextDouble() * seed.stored)));
        }
        List<Double> sqlGet = new ArrayList<>();
        List<Double> sqlHistory = new ArrayList<>();
        try (Connection c = db.connect(Seed.APP)) {
            SerialRepository serials = new SerialRepository(c);
            for (int i = 0; i < basePicks.size(); i++) {
                SerialNumber sn = SerialNumber.of(basePicks.get(i));
                double a = sqlMillis(() -> serials.findWithWarranty(sn).orElseThrow());
                double b = sqlMillis(() -> serials.history(sn).orElseThrow());
                if (i >= warm) {
                    sqlGet.add(a);
                    sqlHistory.add(b);
                }
            }
        }
        for (String[] which : new String[][]{{"GET /api/serials/{serial}", "g"}, {"GET /api/serials/{serial}/history", "h"}}) {
            List<Double> ours = which[1].equals("g") ? get : history;
            List<Double> base = which[1].equals("g") ? sqlGet : sqlHistory;
            double p50 = Stats.percentile(ours, 50);
            double p99 = Stats.percentile(ours, 99);
            double b50 = Stats.percentile(base, 50);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("samples", ours.size());
            d.put("p50", p50);
            d.put("p95", Stats.percentile(ours, 95));
            d.put("p99", p99);
            d.put("max", Stats.max(ours));
            d.put("baselineP50", b50);
            d.put("baselineP99", Stats.percentile(base, 99));
            // issue 17: at most 10x the bare SQL at the median, p50 <= 1 ms, p99 <= 5 ms
            report.add(new Report.Row("4", which[0] + ", " + stored() + " stored", "p50 (p99 " + Report.num(p99) + ")",
                    p50, "ms", b50, "the same SQL over JDBC (SerialRepository), p50", p50 / b50, "x SQL",
                    "<= 10x SQL, p50 <= 1 ms, p99 <= 5 ms", p50 / b50 <= 10 && p50 <= 1 && p99 <= 5, d));
        }
    }

    @FunctionalInterface
    private interface Sql {
        Object run() throws SQLException;
    }

    /** How long one call of the application's own SQL takes, straight over JDBC. */
    private static double sqlMillis(Sql sql) throws SQLException {
        long t0 = System.nanoTime();
        sql.run();
        return Stats.millis(System.nanoTime() - t0);
    }

    private static double sqlMillis(Connection c, String sql, Object... params) throws SQLException {
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
        return Stats.millis(System.nanoTime() - t0);
    }

    /** Scenario 5: the first page and a page 100,000 rows deep of one item's IN_STOCK serials. */
    private void lists() throws Exception {
        int samples = Integer.parseInt(options.getOrDefault("pages", "500"));
        int warm = Integer.parseInt(options.getOrDefault("read-warmups", "3000")) / 3;
        String deepKey;
        try (Connection c = db.connect(Seed.APP)) {
            deepKey = Database.text(c, "select serial_key from serial where item_id = ? and status = 'IN_STOCK' "
                    + "order by serial_key offset 99999 limit 1", seed.id("item." + Seed.ARCH_SKU));
        }
        check(deepKey != null, "the item has 100,000 serials in stock");
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(deepKey.getBytes(StandardCharsets.UTF_8));
        for (String[] page : new String[][]{{"first page", ""}, {"page 100,000 rows deep", "&after=" + cursor}}) {
            List<Double> ours = new ArrayList<>();
            for (int i = 0; i < warm + samples; i++) {
                long t0 = System.nanoTime();
                Api.Reply reply = api.get("/serials?sku=" + Seed.ARCH_SKU + "&status=IN_STOCK" + page[1]).expect(200);
                double t = Stats.millis(System.nanoTime() - t0);
                if (i == 0) {
                    check(reply.body().contains("\"next\""), "a page with a next cursor");
                }
                if (i >= warm) {
                    ours.add(t);
                }
            }
            List<Double> base = new ArrayList<>();
            try (Connection c = db.connect(Seed.APP)) {
                SerialRepository serials = new SerialRepository(c);
                SerialFilter filter = new SerialFilter(Seed.ARCH_SKU, SerialStatus.IN_STOCK, null, null, null, null);
                String from = page[1].isEmpty() ? null : deepKey;
                for (int i = 0; i < warm + samples; i++) {
                    double t = sqlMillis(() -> serials.list(filter, false, from, 51));
                    if (i >= warm) {
                        base.add(t);
                    }
                }
            }
            double p50 = Stats.percentile(ours, 50);
            double b50 = Stats.percentile(base, 50);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("samples", ours.size());
            d.put("p50", p50);
            d.put("p95", Stats.percentile(ours, 95));
            d.put("p99", Stats.percentile(ours, 99));
            d.put("baselineP50", b50);
            d.put("baselineP95", Stats.percentile(base, 95));
            // issue 17: at most 5x the bare SQL (issue 6's p95 <= 50 ms still holds far below)
            report.add(new Report.Row("5", "serial list by item + status, " + page[0] + ", " + stored() + " stored",
                    "p50 (p95 " + Report.num(Stats.percentile(ours, 95)) + ")", p50, "ms", b50,
                    "the same SQL over JDBC (SerialRepository), p50", p50 / b50, "x SQL", "<= 5x SQL",
                    p50 / b50 <= 5, d));
        }
    }

    // ------------------------------------------------------------------ import

    /** Scenario 6: a 100,000-row workbook through POST /api/serial-tools/import. */
    private void xlsxImport() throws Exception {
        Path file = Path.of("target", "bench", "import-100k.xlsx");
        if (!Files.exists(file)) {
            try (SXSSFWorkbook wb = new SXSSFWorkbook(1000); OutputStream out = Files.newOutputStream(file)) {
                Sheet sheet = wb.createSheet("Serials");
                sheet.createRow(0).createCell(0).setCellValue("Serial");
                for (int i = 1; i <= 100_000; i++) {
                    Row row = sheet.createRow(i);
                    row.createCell(0).setCellValue(String.format("X%07d", i));
                }
                wb.write(out);
                wb.dispose();
            }
        }
        byte[] content = Files.readAllBytes(file);
        List<Double> times = new ArrayList<>();
        List<Double> growth = new ArrayList<>();
        for (int r = 0; r < warmups + runs; r++) {
            boolean measured = r >= warmups;
            heap.open();
            long t0 = System.nanoTime();
            Api.Reply reply = api.postMultipart("/serial-tools/import", "file", "serials.xlsx", content).expect(200);
            double t = Stats.seconds(System.nanoTime() - t0);
            Heap.Window w = heap.close();
            check(reply.body().contains("\"count\":100000"), "the import reads 100,000 serials");
            if (measured) {
                times.add(t);
                growth.add(w.growth());
            }
            System.out.printf(Locale.ROOT, "  #6 run %d%s: %.3f s, heap growth %.0f MB%n", r,
                    measured ? "" : " (warm-up)", t, w.growth());
        }
        // baseline: the same 100,000 values into the serial table by COPY
        List<Double> base = new ArrayList<>();
        try (Connection c = db.connect(Seed.COPY)) {
            c.setAutoCommit(false);
            for (int r = 0; r < warmups + runs; r++) {
                long first = copySerialId.getAndAdd(100_000);
                long t0 = System.nanoTime();
                try (Database.Copy copy = new Database.Copy(c, "copy serial (id, serial, item_id, status, location_id, "
                        + "received_at, last_transaction_id) from stdin")) {
                    for (int i = 0; i < 100_000; i++) {
                        copy.row(first + i, "X" + token + r + String.format("%07d", i), seed.id("item." + Seed.RCV_SKU),
                                "IN_STOCK", seed.id("loc.RCV"), "2026-01-01 00:00:00+00", 1);
                    }
                }
                c.commit();
                if (r >= warmups) {
                    base.add(Stats.seconds(System.nanoTime() - t0));
                }
            }
        }
        double ours = Stats.median(times);
        double baseline = Stats.median(base);
        double g = Stats.median(growth);
        Map<String, Object> d = detail(times, base);
        d.put("heapGrowthMbPerRun", growth);
        d.put("fileBytes", content.length);
        report.add(new Report.Row("6", "import of a 100,000-row .xlsx", "end to end", ours, "s", baseline,
                "COPY of the 100k values as serial rows", baseline / ours, "of COPY rows/s", "<= 3 s", ours <= 3.0, d));
        report.add(new Report.Row("6", "import of a 100,000-row .xlsx", "heap growth (peak - live before)", g, "MB",
                Double.NaN, "-", Double.NaN, "", "<= 200 MB", Stats.max(growth) <= 200, Map.of("perRun", growth)));
    }

    // ------------------------------------------------------------------ parallel clients

    /**
     * Scenario 7: 16 clients, each posting receipts of 5 generated serials and shipping 3 of them,
     * against {@code url}; returns the COPY baseline in documents/s, measured unless given.
     */
    private double parallelClients(String where, String url, double knownBaseline) throws Exception {
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int docs = Integer.parseInt(options.getOrDefault("docs", "200"));
        int s7runs = Integer.parseInt(options.getOrDefault("s7-runs", "3"));
        List<Double> throughput = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        ConcurrentLinkedQueue<String> all = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        // warm-up: long enough for the server's JIT (on two cores it compiled through a warm-up of 10
        // documents per client and the runs after it: 155, 175, 215 documents/s in three runs)
        parallelRound(url, clients, Integer.parseInt(options.getOrDefault("s7-warmup-docs", "100")), all, failures);
        for (int r = 0; r < s7runs; r++) {
            long t0 = System.nanoTime();
            int posted = parallelRound(url, clients, docs, all, failures);
            double t = Stats.seconds(System.nanoTime() - t0);
            throughput.add(posted / t);
            System.out.printf(Locale.ROOT, "  #7 %s run %d: %d documents in %.2f s = %.0f documents/s%n", where, r,
                    posted, t, posted / t);
        }
        for (int r = 0; r < s7runs && Double.isNaN(knownBaseline); r++) {
            base.add(copyRound(clients, docs));
        }
        if (!Double.isNaN(knownBaseline)) {
            base.add(knownBaseline);
        }
        int duplicates = all.size() - new HashSet<>(all.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()).size();
        long dbDuplicates;
        long broken;
        try (Connection c = db.connect(Seed.APP)) {
            dbDuplicates = Database.single(c, "select count(*) - count(distinct serial_key) from serial where item_id = ?",
                    seed.id("item." + Seed.PAR_SKU));
            broken = Database.single(c, "select count(*) from stock st join item i on i.id = st.item_id "
                    + "where i.track_serials and st.serials_initialized and st.quantity <> (select count(*) from serial s "
                    + "where s.item_id = st.item_id and s.location_id = st.location_id and s.status = 'IN_STOCK')");
        }
        double ours = Stats.median(throughput);
        double baseline = Stats.median(base);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("documentsPerSecondPerRun", throughput);
        d.put("baselinePerRun", base);
        d.put("serialsReceived", all.size());
        d.put("duplicatesSeenByClients", duplicates);
        d.put("duplicatesInDatabase", dbDuplicates);
        d.put("stockRowsBreakingInvariant", broken);
        d.put("failedRequests", failures.get());
        report.add(new Report.Row("7", where + ": " + clients + " clients x " + docs
                + " receipts (5 auto serials) + shipments (3)",
                "throughput; " + duplicates + " dup, invariant " + (broken == 0 ? "holds" : "BROKEN"), ours, "docs/s",
                baseline, "COPY of the same rows, " + clients + " connections, one transaction per document",
                ours / baseline, "of COPY docs/s", "printed; 0 duplicates; invariant holds",
                duplicates == 0 && dbDuplicates == 0 && broken == 0 && failures.get() == 0, d));
        return baseline;
    }

    /** Scenario 9: GET /api/admin/consistency over everything stored and written by the run. */
    private void consistencyCheck() throws Exception {
        Api admin = new Api(options.getOrDefault("url", DEFAULT_URL), "admin");
        long started = System.nanoTime();
        Api.Reply reply = admin.get("/admin/consistency");
        double seconds = (System.nanoTime() - started) / 1e9;
        java.util.regex.Matcher millis = java.util.regex.Pattern.compile("\"millis\"\\s*:\\s*(\\d+)").matcher(reply.body());
        boolean consistent = reply.status() == 200 && reply.body().contains("\"consistent\":true");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", reply.status());
        d.put("serverMillis", millis.find() ? Long.parseLong(millis.group(1)) : -1);
        d.put("report", reply.body().length() > 4000 ? reply.body().substring(0, 4000) : reply.body());
        if (!consistent) {
            System.out.println("  #9 the ledger disagrees with itself: " + reply.body());
        }
        report.add(new Report.Row("9", "ledger consistency check, " + stored() + " stored",
                consistent ? "end to end; nothing found" : "end to end; VIOLATIONS FOUND", seconds, "s", 10,
                "the target", seconds / 10, "of the 10 s target", "<= 10 s, nothing found",
                consistent && seconds <= 10, d));
    }

    private int parallelRound(String url, int clients, int docs, ConcurrentLinkedQueue<String> all,
                              AtomicInteger failures) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger posted = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < clients; k++) {
                futures.add(pool.submit(() -> {
                    Api client = new Api(url, "clerk");
                    for (int i = 0; i < docs; i++) {
                        Api.Reply received = client.postJson("/transactions", receipt(Seed.PAR_SKU, "PAR", 5, null));
                        if (received.status() != 201) {
                            failures.incrementAndGet();
                            System.out.println("  #7 receipt failed: " + received.status() + " " + received.body());
                            continue;
                        }
                        posted.incrementAndGet();
                        List<String> serials = Api.serials(received.body());
                        all.addAll(serials);
                        Api.Reply shipped = client.postJson("/transactions", shipment(Seed.PAR_SKU, "PAR",
                                serials.subList(0, 3)));
                        if (shipped.status() != 201) {
                            failures.incrementAndGet();
                            System.out.println("  #7 shipment failed: " + shipped.status() + " " + shipped.body());
                            continue;
                        }
                        posted.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return posted.get();
    }

    /** The baseline of #7: the same rows by COPY (shipments: UPDATE of 3 serials), one transaction each. */
    private double copyRound(int clients, int docs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long par = seed.id("item." + Seed.PAR_SKU);
        long loc = seed.id("loc.PAR");
        try {
            List<Future<?>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int k = 0; k < clients; k++) {
                int client = k;
                futures.add(pool.submit(() -> {
                    try (Connection c = db.connect(Seed.COPY)) {
                        c.setAutoCommit(false);
                        for (int i = 0; i < docs; i++) {
                            long first = copySerialId.getAndAdd(5);
                            long h = copyHistoryId.getAndAdd(8);
                            try (Database.Copy copy = new Database.Copy(c, "copy serial (id, serial, item_id, status, "
                                    + "location_id, received_at, last_transaction_id) from stdin")) {
                                for (int j = 0; j < 5; j++) {
                                    copy.row(first + j, "Q" + token + "-" + first + "-" + j + "-" + client, par,
                                            "IN_STOCK", loc, "2026-01-01 00:00:00+00", 1);
                                }
                            }
                            try (Database.Copy copy = new Database.Copy(c, "copy serial_history (id, serial_id, "
                                    + "transaction_id, line_id, type, quantity, location_id, at, username) from stdin")) {
                                for (int j = 0; j < 5; j++) {
                                    copy.row(h + j, first + j, 1, 1, "RECEIVE", 1, loc, "2026-01-01 00:00:00+00", "clerk");
                                }
                            }
                            c.commit();
                            Database.exec(c, "update serial set status = 'SHIPPED', location_id = null where id between "
                                    + first + " and " + (first + 2));
                            try (Database.Copy copy = new Database.Copy(c, "copy serial_history (id, serial_id, "
                                    + "transaction_id, line_id, type, quantity, location_id, at, username) from stdin")) {
                                for (int j = 0; j < 3; j++) {
                                    copy.row(h + 5 + j, first + j, 1, 1, "SHIP", -1, loc, "2026-01-01 00:00:00+00", "clerk");
                                }
                            }
                            c.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return 2.0 * clients * docs / Stats.seconds(System.nanoTime() - t0);
        } finally {
            pool.shutdown();
        }
    }

    // ------------------------------------------------------------------ genealogy (issue 14)

    private static final Pattern UNITS = Pattern.compile("\"units\"\\s*:\\s*(\\d+)");

    /** A serial to trace: a finished unit (backward) or a part of a sub-assembly (forward), at random. */
    private String traceSubject(String direction) {
        Genealogy g = seed.genealogy;
        long u = 1 + (long) (random.nextDouble() * g.units);
        return direction.equals("backward") ? Genealogy.unitSerial(u) : Genealogy.partSerial(2 + random.nextInt(2), u);
    }

    /**
     * Scenario 10: GET /api/serials/{serial}/trace, backward from a finished unit (6 units: itself, its
     * sub-assembly and four parts; two builds, their materials) and forward from a part of a
     * sub-assembly (3 units: it, the sub-assembly, the unit). Baseline: TraceService's statements
     * (TraceRepository's walk, and for backward its materials) run bare over JDBC.
     */
    private void traces() throws Exception {
        int samples = Integer.parseInt(options.getOrDefault("traces", "1000"));
        int warm = 200;
        for (String direction : List.of("backward", "forward")) {
            int expected = direction.equals("backward") ? 6 : 3;
            List<Double> ours = new ArrayList<>();
            for (int i = 0; i < warm + samples; i++) {
                String serial = traceSubject(direction);
                long t0 = System.nanoTime();
                Api.Reply reply = api.get("/serials/" + serial + "/trace?direction=" + direction).expect(200);
                double t = Stats.millis(System.nanoTime() - t0);
                Matcher units = UNITS.matcher(reply.body());
                check(units.find() && Integer.parseInt(units.group(1)) == expected,
                        "the " + direction + " trace of " + serial + " has " + expected + " units: " + reply.body());
                if (i >= warm) {
                    ours.add(t);
                }
            }
            // the baseline traces serials of its own, drawn alike (the same ones would find their pages cached)
            TraceRepository.Direction d = direction.equals("backward") ? TraceRepository.Direction.BACKWARD
                    : TraceRepository.Direction.FORWARD;
            List<Double> base = new ArrayList<>();
            try (Connection c = db.connect(Seed.APP)) {
                // autocommit: the setting the repository makes for its transaction in the server, for the session
                Database.exec(c, "set jit = off");
                TraceRepository repo = new TraceRepository(c);
                for (int i = 0; i < warm + samples; i++) {
                    String serial = traceSubject(direction);
                    long t0 = System.nanoTime();
                    List<TraceRepository.Row> rows = repo.walk(SerialNumber.keyOf(serial), d, Trace.MAX_NODES + 1);
                    if (d == TraceRepository.Direction.BACKWARD) {
                        repo.materials(rows.stream().map(TraceRepository.Row::builtById).filter(id -> id != null)
                                .distinct().mapToLong(Long::longValue).toArray());
                    }
                    double t = Stats.millis(System.nanoTime() - t0);
                    check(rows.size() == expected, "the SQL's " + direction + " walk of " + serial + " has " + expected
                            + " units");
                    if (i >= warm) {
                        base.add(t);
                    }
                }
            }
            double p99 = Stats.percentile(ours, 99);
            double b99 = Stats.percentile(base, 99);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("samples", ours.size());
            detail.put("unitsPerTrace", expected);
            detail.put("p50", Stats.percentile(ours, 50));
            detail.put("p95", Stats.percentile(ours, 95));
            detail.put("p99", p99);
            detail.put("max", Stats.max(ours));
            detail.put("baselineP50", Stats.percentile(base, 50));
            detail.put("baselineP99", b99);
            report.add(new Report.Row("10", "trace " + direction + " of a " + (direction.equals("backward")
                    ? "finished unit" : "sub-assembly's part") + ", " + String.format(Locale.ROOT, "%,d", seed.genealogy.units)
                    + " units", "p99 (p50 " + Report.num(Stats.percentile(ours, 50)) + ")", p99, "ms", b99,
                    "TraceRepository's SQL over JDBC, p99", p99 / b99, "x SQL", "p99 <= 20 ms", p99 <= 20, detail));
        }
    }

    /** A BUILD of outputs, each assigned one serial of each component line. */
    private static String assignedBuild(String outputSku, String location, List<String> outputs, String[] componentSkus,
                                        List<List<String>> components) {
        StringBuilder json = new StringBuilder(outputs.size() * 80 + 500);
        json.append("{\"type\":\"BUILD\",\"reference\":\"bench\",\"lines\":[{\"sku\":").append(Api.quote(outputSku))
                .append(",\"location\":").append(Api.quote(location)).append(",\"quantity\":").append(outputs.size())
                .append(",\"role\":\"OUTPUT\"");
        appendSerials(json, outputs);
        json.append('}');
        for (int j = 0; j < componentSkus.length; j++) {
            List<String> mine = components.get(j);
            json.append(",{\"sku\":").append(Api.quote(componentSkus[j])).append(",\"location\":")
                    .append(Api.quote(location)).append(",\"quantity\":").append(mine.size())
                    .append(",\"role\":\"COMPONENT\"");
            appendSerials(json, mine);
            json.append(",\"into\":{");
            for (int i = 0; i < mine.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                json.append('"').append(mine.get(i)).append("\":\"").append(outputs.get(i)).append('"');
            }
            json.append("}}");
        }
        return json.append("]}").toString();
    }

    /**
     * Scenario 13: one BUILD of {@code --build-units} units (BENCH-ASM), each of one serial of each of
     * three component items taken from stock, every component assigned to its unit. Baseline: the
     * same rows into the copy schema in one transaction: COPY of the new serials, UPDATE of the
     * components (by a COPY of their ids into a temporary table), COPY of the history rows (one BUILD
     * per unit, one CONSUME per component) and of the links.
     */
    private void genealogyBuild() throws Exception {
        int n = buildUnits;
        Genealogy g = seed.genealogy;
        check(g.kit >= (long) n * (warmups + runs), "the kit holds components for every run (--build-units x runs)");
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < warmups + runs; r++) {
            List<String> outputs = new ArrayList<>(n);
            List<List<String>> components = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                outputs.add("N" + token + "-" + r + "-" + String.format("%06d", i));
            }
            for (int j = 0; j < 3; j++) {
                List<String> mine = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    mine.add(Genealogy.kitSerial(j, (long) r * n + i + 1));
                }
                components.add(mine);
            }
            String body = assignedBuild(Genealogy.ASM_SKU, "KIT", outputs, Genealogy.KIT_SKUS, components);
            long t0 = System.nanoTime();
            Api.Reply reply = api.postJson("/transactions", body).expect(201);
            double t = Stats.seconds(System.nanoTime() - t0);
            check(Api.serials(reply.body()).size() == 4 * n, "the build lists its outputs and components");
            if (r >= warmups) {
                times.add(t);
            }
            System.out.printf(Locale.ROOT, "  #13 run %d%s: %.3f s%n", r, r >= warmups ? "" : " (warm-up)", t);
        }
        try (Connection c = db.connect(Seed.APP)) {
            check(Database.single(c, "select count(*) from serial_link where id > ?", seed.id("wm.serial_link"))
                    == 3L * n * (warmups + runs), "every component is linked to its unit");
        }
        List<Double> base = new ArrayList<>();
        long asm = seed.id("item." + Genealogy.ASM_SKU);
        long kitLoc = seed.id("loc.KIT");
        long doc = g.kitDoc();
        long line = g.kitLine(0);
        String at = "2026-11-27 00:00:00+00";
        try (Connection c = db.connect(Seed.COPY)) {
            c.setAutoCommit(false);
            Database.exec(c, "create temp table if not exists consumed (id bigint) on commit delete rows");
            c.commit();
            for (int r = 0; r < warmups + runs; r++) {
                long first = copySerialId.getAndAdd(n);
                long h = copyHistoryId.getAndAdd(4L * n);
                long link = copyLinkId.getAndAdd(3L * n);
                long t0 = System.nanoTime();
                try (Database.Copy copy = new Database.Copy(c, "copy serial (id, serial, item_id, status, location_id, "
                        + "received_at, last_transaction_id) from stdin")) {
                    for (int i = 0; i < n; i++) {
                        copy.row(first + i, "M" + token + "-" + r + "-" + String.format("%06d", i), asm, "IN_STOCK",
                                kitLoc, at, doc);
                    }
                }
                try (Database.Copy copy = new Database.Copy(c, "copy consumed (id) from stdin")) {
                    for (int j = 0; j < 3; j++) {
                        for (int i = 0; i < n; i++) {
                            copy.row(g.kitId(j, (long) r * n + i + 1));
                        }
                    }
                }
                Database.exec(c, "update serial s set status = 'CONSUMED', location_id = null, last_transaction_id = "
                        + doc + " from consumed x where s.id = x.id");
                try (Database.Copy copy = new Database.Copy(c, "copy serial_history (id, serial_id, transaction_id, "
                        + "line_id, type, quantity, location_id, at, username) from stdin")) {
                    for (int i = 0; i < n; i++) {
                        copy.row(h++, first + i, doc, line, "BUILD", 1, kitLoc, at, "clerk");
                    }
                    for (int j = 0; j < 3; j++) {
                        for (int i = 0; i < n; i++) {
                            copy.row(h++, g.kitId(j, (long) r * n + i + 1), doc, line, "CONSUME", -1, kitLoc, at, "clerk");
                        }
                    }
                }
                try (Database.Copy copy = new Database.Copy(c, "copy serial_link (id, transaction_id, component_id, "
                        + "assembly_id, exact, linked_at) from stdin")) {
                    for (int j = 0; j < 3; j++) {
                        for (int i = 0; i < n; i++) {
                            copy.row(link++, doc, g.kitId(j, (long) r * n + i + 1), first + i, "t", at);
                        }
                    }
                }
                c.commit();
                double t = Stats.seconds(System.nanoTime() - t0);
                if (r >= warmups) {
                    base.add(t);
                }
                System.out.printf(Locale.ROOT, "  #13 baseline run %d%s: %.3f s%n", r, r >= warmups ? "" : " (warm-up)", t);
            }
        }
        double ours = Stats.median(times);
        double baseline = Stats.median(base);
        Map<String, Object> d = detail(times, base);
        d.put("rows", Map.of("serials", n, "componentUpdates", 3 * n, "historyRows", 4 * n, "links", 3 * n));
        report.add(new Report.Row("13", String.format(Locale.ROOT, "build of %,d units x 3 assigned components, one document",
                n), "end to end", ours, "s", baseline, "COPY serials/history/links + UPDATE components, 1 tx",
                baseline / ours, "of COPY rows/s", ">= 0.33 of COPY rows/s", baseline / ours >= 1.0 / 3, d));
    }

    // ------------------------------------------------------------------ EPCIS feed (issue 15)

    /**
     * Scenario 14: one page of the EPCIS feed over the seeded genealogy's year, end to end, counted as
     * it streams, with the server's heap meanwhile: its shipments (about 60,000 events of ten EPCs
     * for the default 1,000,000 units: what a customer polls), and all its events (about 84,000:
     * also the part receipts' and the builds', of up to 1,000 EPCs, about 140 on average). The window
     * leaves out the seed's three bulk documents (millions of serials), which no partner's page looks
     * like. Target: 100,000 events in <= 3 s, so each row scales its page's time to 100,000 events;
     * memory flat (the server's peak heap).
     */
    private void epcisFeed(String what, String filter) throws Exception {
        int perPage = Integer.parseInt(options.getOrDefault("events", "100000"));
        String query = "/epcis/events?perPage=" + perPage
                + "&GE_eventTime=2024-11-01T00:00:00Z&LT_eventTime=2026-02-01T00:00:00Z" + filter;
        List<Double> times = new ArrayList<>();
        List<Double> perHundredThousand = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        List<Double> lives = new ArrayList<>();
        long events = 0;
        long bytes = 0;
        for (int r = 0; r < warmups + runs; r++) {
            boolean measured = r >= warmups;
            if (measured) {
                heap.open();
            }
            long t0 = System.nanoTime();
            Api.Counted page = api.count(query, "\"eventID\"");
            double t = Stats.seconds(System.nanoTime() - t0);
            if (page.status() != 200) {
                throw new IllegalStateException("EPCIS feed: HTTP " + page.status() + ": " + page.head());
            }
            events = page.markers();
            bytes = page.bytes();
            if (measured) {
                Heap.Window w = heap.close();
                times.add(t);
                perHundredThousand.add(t * 100_000 / Math.max(1, events));
                peaks.add(w.peakUsed());
                lives.add(w.liveAtStart());
            }
            System.out.printf(Locale.ROOT, "  #14 %s run %d%s: %.3f s, %,d events, %,d bytes%n", what, r,
                    measured ? "" : " (warm-up)", t, events, bytes);
        }
        double ours = Stats.median(perHundredThousand);
        Map<String, Object> d = detail(times, List.of());
        d.put("events", events);
        d.put("bytes", bytes);
        d.put("secondsPer100kEvents", perHundredThousand);
        d.put("peakUsedMbPerRun", peaks);
        d.put("liveAtStartMbPerRun", lives);
        report.add(new Report.Row("14", String.format(Locale.ROOT, "EPCIS feed, %s: a page of %,d events (%,d MB), "
                + "per 100,000 events", what, events, bytes >> 20), "end to end", ours, "s", 3.0, "the 3 s target",
                3.0 / ours, "of the 3 s target", "<= 3 s per 100,000", ours <= 3.0, d));
        double peak = Stats.median(peaks);
        report.add(new Report.Row("14", "peak heap of the server during #14, " + what, "peak heap used", peak, "MB",
                Stats.median(lives), "live heap before the page", peak / Stats.median(lives), "x live before",
                "<= 512 MB", Stats.max(peaks) <= 512, Map.of("peakUsedMbPerRun", peaks)));
    }

    // ------------------------------------------------------------------ recalls (issue 14)

    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

    /** What one recall measured: the calls end to end, and how many units it reached. */
    private record RecallRun(double seconds, long units) {
    }

    /**
     * POST /api/recalls (it answers the recall with its counts), then GET its first page of units: what
     * the recall screen does, and what a client needs for "first page + counts", end to end.
     */
    private RecallRun recallThroughApi(String body) throws Exception {
        long t0 = System.nanoTime();
        Api.Reply created = api.postJson("/recalls", body).expect(201);
        Matcher number = NUMBER.matcher(created.body());
        check(number.find(), "the new recall has a number");
        Api.Reply page = api.get("/recalls/" + number.group(1) + "/units?limit=" + RECALL_PAGE).expect(200);
        double t = Stats.seconds(System.nanoTime() - t0);
        // counts.units: the last "units" of the view (byCustomer's entries, listed before it, have theirs)
        Matcher units = UNITS.matcher(created.body());
        long n = -1;
        while (units.find()) {
            n = Long.parseLong(units.group(1));
        }
        check(n >= 0, "the recall counts its units: " + created.body());
        check(n == 0 || page.body().contains("\"serial\""), "the first page lists units");
        return new RecallRun(t, n);
    }

    private static final int RECALL_PAGE = 50;

    /**
     * The baseline of a recall: RecallRepository's statements as RecallService runs them for the same
     * two calls (create: check the serials, insert, resolve the suspects, read back, count; first page:
     * find, units), over JDBC, each call one transaction; no audit row.
     */
    private RecallRun recallThroughSql(Connection c, String[] keys, String sku, java.time.OffsetDateTime from,
                                       java.time.OffsetDateTime until, String criteria) throws SQLException {
        RecallRepository repo = new RecallRepository(c);
        long t0 = System.nanoTime();
        if (keys.length > 0) {
            check(new org.serialtracking.serial.control.SerialRepository(c)
                    .unknown(org.serialtracking.serial.SerialNumber.allOf(java.util.Arrays.asList(keys))).isEmpty(),
                    "the suspects exist");
        }
        RecallRepository.Stored recall = repo.insert("bench baseline", criteria, "clerk");
        if (keys.length > 0) {
            repo.addSerials(recall.id(), keys);
        }
        if (sku != null) {
            repo.addConsumed(recall.id(), repo.itemId(sku), from, until, null);
        }
        RecallRepository.Stored saved = repo.find(recall.number());
        RecallCounts counts = repo.counts(saved.id());
        c.commit();
        // a repository per transaction, as the service has: its planner settings hold for one
        repo = new RecallRepository(c);
        RecallRepository.Stored paged = repo.find(recall.number());
        repo.units(paged.id(), new RecallRepository.UnitFilter(null, null), null, RECALL_PAGE + 1);
        c.commit();
        return new RecallRun(Stats.seconds(System.nanoTime() - t0), counts.units());
    }

    /** Suspects for #11: component serials of the genealogy (sub-assemblies and parts), at random. */
    private List<String> suspectComponents(int n) {
        Genealogy g = seed.genealogy;
        java.util.LinkedHashSet<String> picked = new java.util.LinkedHashSet<>();
        while (picked.size() < n) {
            long u = 1 + (long) (random.nextDouble() * g.units);
            int kind = random.nextInt(5);
            picked.add(kind == 4 ? Genealogy.subSerial(u) : Genealogy.partSerial(kind, u));
        }
        return new ArrayList<>(picked);
    }

    /** Scenario 11: a recall of 1,000 suspect component serials → the units they went into. */
    private void recallBySerials() throws Exception {
        int n = Integer.parseInt(options.getOrDefault("suspects", "1000"));
        List<Double> times = new ArrayList<>();
        List<Long> reached = new ArrayList<>();
        for (int r = 0; r < warmups + runs; r++) {
            List<String> suspects = suspectComponents(n);
            StringBuilder body = new StringBuilder("{\"reason\":\"bench #11\"");
            appendSerials(body, suspects);
            body.append('}');
            RecallRun run = recallThroughApi(body.toString());
            if (r >= warmups) {
                times.add(run.seconds());
                reached.add(run.units());
            }
            System.out.printf(Locale.ROOT, "  #11 run %d%s: %.3f s, %,d units%n", r, r >= warmups ? "" : " (warm-up)",
                    run.seconds(), run.units());
        }
        List<Double> base = new ArrayList<>();
        try (Connection c = db.connect(Seed.APP)) {
            c.setAutoCommit(false);
            for (int r = 0; r < warmups + runs; r++) {
                String[] keys = suspectComponents(n).stream().map(SerialNumber::keyOf).toArray(String[]::new);
                RecallRun run = recallThroughSql(c, keys, null, null, null, "{\"serials\":" + n
                        + ",\"components\":[],\"suppliers\":[],\"receipts\":[]}");
                if (r >= warmups) {
                    base.add(run.seconds());
                }
            }
        }
        double ours = Stats.median(times);
        double baseline = Stats.median(base);
        Map<String, Object> d = detail(times, base);
        d.put("unitsReachedPerRun", reached);
        d.put("max", Stats.max(times));
        report.add(new Report.Row("11", String.format(Locale.ROOT, "recall of %,d component serials -> units "
                + "(POST + counts + first page)", n), "end to end, median", ours, "s", baseline,
                "RecallRepository's SQL over JDBC", ours / baseline, "x SQL", "<= 1 s", ours <= 1.0, d));
    }

    /**
     * Scenario 12: a recall by the untracked resin consumed in one month of 2025 (each run another
     * month): the sub-assemblies of the builds that consumed it, walked up to their units.
     */
    private void recallByMaterial() throws Exception {
        List<Double> times = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        List<Long> reached = new ArrayList<>();
        try (Connection c = db.connect(Seed.APP)) {
            c.setAutoCommit(false);
            for (int r = 0; r < warmups + runs; r++) {
                java.time.LocalDate from = java.time.LocalDate.of(2025, 1 + r % 12, 1);
                java.time.LocalDate to = from.plusMonths(1).minusDays(1);
                String component = "{\"sku\":\"" + Genealogy.RESIN_SKU + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
                RecallRun run = recallThroughApi("{\"reason\":\"bench #12\",\"components\":[" + component + "]}");
                // the baseline right after, on the same month (both after the same warm-up)
                RecallRun sql = recallThroughSql(c, new String[0], Genealogy.RESIN_SKU,
                        from.atStartOfDay().atOffset(ZoneOffset.UTC), to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                        "{\"serials\":0,\"components\":[" + component.replace("}", ",\"location\":null}")
                                + "],\"suppliers\":[],\"receipts\":[]}");
                check(sql.units() == run.units(), "the SQL reaches as many units as the API: " + sql.units() + " / "
                        + run.units());
                if (r >= warmups) {
                    times.add(run.seconds());
                    base.add(sql.seconds());
                    reached.add(run.units());
                }
                System.out.printf(Locale.ROOT, "  #12 run %d%s (%s): %.3f s, %,d units; SQL %.3f s%n", r,
                        r >= warmups ? "" : " (warm-up)", from.getMonth(), run.seconds(), run.units(), sql.seconds());
            }
        }
        double ours = Stats.median(times);
        double baseline = Stats.median(base);
        Map<String, Object> d = detail(times, base);
        d.put("unitsReachedPerRun", reached);
        d.put("max", Stats.max(times));
        report.add(new Report.Row("12", "recall by an untracked material consumed in one month -> units",
                "end to end, median", ours, "s", baseline, "RecallRepository's SQL over JDBC", ours / baseline, "x SQL",
                "<= 2 s", ours <= 2.0, d));
    }

    // ------------------------------------------------------------------ helpers

    private String stored() {
        return String.format(Locale.ROOT, "%,d", seed.stored);
    }

    private static Map<String, Object> detail(List<Double> ours, List<Double> baseline) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("runs", ours);
        d.put("baselineRuns", baseline);
        return d;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("check failed: " + what);
        }
    }

}
