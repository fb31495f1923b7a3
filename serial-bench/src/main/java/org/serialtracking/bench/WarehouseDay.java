package org.serialtracking.bench;

import org.serialtracking.serial.SerialFilter;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.control.SerialRepository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 15, "a warehouse day" (issue 17): {@code --day-clients} clients (32) over the seeded
 * {@link Warehouse} (1,000 items × 20 locations in 3 companies), each a thread with its own
 * kept-alive HTTP client (Basic clerk), for a warm-up ({@code --day-warmup}, 60 s: the server's JIT needs that long on two cores) and then a fixed
 * time ({@code --day-seconds}, 60 s). Each client draws its operations from a realistic mix with a
 * seeded {@link Random} of its own; per 100 operations:
 * <ul>
 *     <li>20 receipts (supplier WH-SUP) of explicit new serials (unique per run: the run's token), half of
 *     exactly 5 serials, the other half 1–50 (uniform), of one of its items at a random location;</li>
 *     <li>20 shipments of 1–10 serials (fewer when the place holds fewer) from one (item, location)
 *     it holds stock at, to a random customer of the seeded 10,000;</li>
 *     <li>10 transfers of 1–10 serials to another location of the same company;</li>
 *     <li>5 builds at a random location: 2 or 3 components, one serial each of distinct items of its
 *     own in stock there (one COMPONENT line each, assigned to the unit by {@code into}), and one new
 *     unit (OUTPUT, a new serial) of another of its items;</li>
 *     <li>5 returns (RESTOCK, naming the customer) of 1–5 serials the client shipped earlier to that
 *     customer, back to the location they were shipped from (a shipment when it has shipped nothing yet);</li>
 *     <li>30 lookups of a serial it knows (three in four in stock, one in four shipped by it, when it has
 *     any): GET /api/serials/{serial} and GET …/history alternately;</li>
 *     <li>10 list pages: GET /api/serials?sku=…&amp;status=IN_STOCK&amp;limit=50 of one of its items, and
 *     for one in three the next page too (with {@code after}); each page is one sample of the kind.</li>
 * </ul>
 * Two measured windows. <b>Full speed</b> ({@code --day-seconds}): the clients do not pause between
 * operations (a closed loop), which gives the throughput; a latency there is mostly the wait for the
 * server's share of two cores (about clients / throughput), so it says nothing of a clerk's wait.
 * <b>Paced</b> ({@code --day-paced-seconds}, 30 s): the same clients and mix at half the full-speed
 * window's operations per second, each client pausing at random (exponential) between operations,
 * which gives the latencies (a warehouse is busy, not saturated; the load offered is printed).
 * {@code --day-think-ms} sets the full-speed window's pause instead of none.
 * <p>
 * Conflicts are the application's, not the harness's: each client has the items whose index modulo
 * the clients is its number, and moves only serials it knows to be where it says: the seed's (its
 * share, loaded with one SQL query at the start) and its own receipts' and builds', kept per (item,
 * location) as its documents move them. Every answer but a 2xx (and a request without an answer) is a
 * failure, printed and counted.
 * <p>
 * Figures (the measured window only): per kind, the count, operations per second and the latency end
 * to end (p50, p99); all writes as documents per second; the p99 of the 5-serial receipts on their
 * own; the server's peak heap and its full collections in the window ({@link Heap}).
 * <p>
 * Baseline, in the same run, after the day: as many JDBC connections as clients, each replaying its
 * client's recorded operations in the same order (the warm-up's untimed, then the measured window's
 * timed): every write the same kind and serial count as the client's, of the same item and
 * locations, into the baseline's schema, one transaction per document; every read the SQL the server
 * runs for it (the application's own {@link SerialRepository}: a serial with its warranty, history, list of
 * 51 rows and, for a next page, from the 50th's key) against the server's schema, one transaction
 * each. So the replay's reads run beside its writes as ours ran beside ours. The writes: a receipt is
 * a COPY of its serial rows and their history rows; a shipment, a transfer and a return an UPDATE of
 * the serial rows by id (the seeded ones, whose ids the layout gives, and the replay's own) and a
 * COPY of their history rows (a transfer's two per serial); a build an UPDATE of the consumed
 * components, a COPY of the new unit, of the history (one BUILD, a CONSUME per component) and of the
 * links. Ratios: writes, our documents per second over the replay's; latencies, ours over the
 * replay's for the same kind.
 */
final class WarehouseDay {

    /** What a client does, in the order the figures list them. */
    enum Kind {
        RECEIPT("receipt", true), SHIPMENT("shipment", true), TRANSFER("transfer", true), BUILD("build", true),
        RETURN("return (RESTOCK)", true), SERIAL("GET serial", false), HISTORY("GET serial history", false),
        LIST("serial list page", false);

        final String label;
        final boolean write;

        Kind(String label, boolean write) {
            this.label = label;
            this.write = write;
        }
    }

    /**
     * One operation as a client did it, for the replay: the item (1-based index) and location
     * (0-based), {@code to} the transfer's destination, {@code n} the serials it moved or received,
     * {@code components} a build's component items (its output item is {@code item}); a read's serial,
     * and whether a list read its next page.
     */
    record Op(Kind kind, boolean measured, int item, int location, int to, int n, int[] components, String serial,
              boolean nextPage) {
    }

    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
    private static final String NOW = "2026-12-01 08:00:00+00";
    private static final int PAGE = 50;

    private final Map<String, String> options;
    private final Database db;
    private final Seed seed;
    private final Heap heap;
    private final Report report;
    private final String url;
    private final String token;
    private final AtomicLong copySerialId;
    private final AtomicLong copyHistoryId;
    private final AtomicLong copyLinkId;
    private final Warehouse wh;
    /** Item ids by 1-based index, location ids by 0-based index. */
    private final long[] itemIds = new long[Warehouse.ITEMS + 1];
    private final long[] locationIds = new long[Warehouse.LOCATIONS];
    private final Map<Long, Integer> itemIndex = new HashMap<>();
    private final Map<Long, Integer> locationIndex = new HashMap<>();
    private final AtomicInteger printedFailures = new AtomicInteger();
    /** The mean pause of a client between two operations, ms (--day-think-ms; 0: none, as fast as it can). */
    private final double think;
    /** The paced window's mean pause, ms: set from the full-speed window's figures. */
    private volatile double pacedThink;

    WarehouseDay(Map<String, String> options, Database db, Seed seed, Heap heap, Report report, String url,
                 String token, AtomicLong copySerialId, AtomicLong copyHistoryId, AtomicLong copyLinkId) {
        this.options = options;
        this.db = db;
        this.seed = seed;
        this.heap = heap;
        this.report = report;
        this.url = url;
        this.token = token;
        this.copySerialId = copySerialId;
        this.copyHistoryId = copyHistoryId;
        this.copyLinkId = copyLinkId;
        this.wh = seed.warehouse;
        this.think = Double.parseDouble(options.getOrDefault("day-think-ms", "0"));
    }

    private static int slot(int item, int location) {
        return item * Warehouse.LOCATIONS + location;
    }

    // ------------------------------------------------------------------ the clients

    /** One client: its share of the items, what it knows of their serials, what it measured. */
    private final class Client {
        final int number;
        final Api api;
        final Random random;
        final int[] items;
        /** In-stock serials it knows, by slot (item, location). */
        final Map<Integer, List<String>> stock = new HashMap<>();
        /** Its shipments not yet all returned. */
        final List<Shipped> shipped = new ArrayList<>();
        final List<Op> ops = new ArrayList<>();
        final Map<Kind, List<Double>> millis = new EnumMap<>(Kind.class);
        final List<Double> receipt5 = new ArrayList<>();
        /** the paced window's latencies */
        final Map<Kind, List<Double>> pacedMillis = new EnumMap<>(Kind.class);
        final List<Double> pacedReceipt5 = new ArrayList<>();
        final Map<Kind, Integer> failures = new EnumMap<>(Kind.class);
        /** in the full-speed window (replayed timed), or in the paced one */
        boolean measured;
        boolean paced;
        /** where the paced window's operations start in {@link #ops} */
        int pacedFrom;
        boolean historyNext;
        int seq;

        Client(int number, int clients) {
            this.number = number;
            this.api = new Api(url, "clerk");
            this.random = new Random(1_000L + number);
            List<Integer> mine = new ArrayList<>();
            for (int i = 1; i <= Warehouse.ITEMS; i++) {
                if (i % clients == number) {
                    mine.add(i);
                }
            }
            this.items = mine.stream().mapToInt(Integer::intValue).toArray();
            for (Kind k : Kind.values()) {
                millis.put(k, new ArrayList<>());
                pacedMillis.put(k, new ArrayList<>());
            }
        }

        /** Its share of the seeded stock, with one query. */
        void load(Connection c) throws SQLException {
            Long[] ids = new Long[items.length];
            for (int j = 0; j < items.length; j++) {
                ids[j] = itemIds[items[j]];
            }
            try (PreparedStatement ps = c.prepareStatement("select item_id, location_id, serial from serial "
                    + "where status = 'IN_STOCK' and item_id = any(?) order by id")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer l = locationIndex.get(rs.getLong(2));
                        if (l != null) {
                            at(itemIndex.get(rs.getLong(1)), l).add(rs.getString(3));
                        }
                    }
                }
            }
        }

        List<String> at(int item, int location) {
            return stock.computeIfAbsent(slot(item, location), k -> new ArrayList<>());
        }

        int item() {
            return items[random.nextInt(items.length)];
        }

        /** Takes n serials at random from a place. */
        List<String> take(List<String> from, int n) {
            List<String> taken = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                int at = random.nextInt(from.size());
                taken.add(from.get(at));
                from.set(at, from.get(from.size() - 1));
                from.remove(from.size() - 1);
            }
            return taken;
        }

        /** A place of its items with stock: a random one, else the first found. */
        int[] placeWithStock() {
            for (int tries = 0; tries < 20; tries++) {
                int i = item();
                int l = random.nextInt(Warehouse.LOCATIONS);
                if (!at(i, l).isEmpty()) {
                    return new int[]{i, l};
                }
            }
            for (int i : items) {
                for (int l = 0; l < Warehouse.LOCATIONS; l++) {
                    if (!at(i, l).isEmpty()) {
                        return new int[]{i, l};
                    }
                }
            }
            throw new IllegalStateException("client " + number + " has no stock left");
        }

        String newSerial(String prefix) {
            return prefix + token + "-" + number + "-" + (++seq);
        }

        /** Runs until the deadline (System.nanoTime()). */
        Void day(long deadline) throws Exception {
            while (System.nanoTime() < deadline) {
                int r = random.nextInt(100);
                if (r < 20) {
                    receipt();
                } else if (r < 40) {
                    shipment();
                } else if (r < 50) {
                    transfer();
                } else if (r < 55) {
                    build();
                } else if (r < 60) {
                    if (shipped.isEmpty()) {
                        shipment();
                    } else {
                        restock();
                    }
                } else if (r < 90) {
                    lookup();
                } else {
                    list();
                }
                double pause = paced ? pacedThink : think;
                if (pause > 0) {
                    // a clerk's pause between two operations: exponential, of that mean
                    Thread.sleep((long) (-Math.log(1 - random.nextDouble()) * pause));
                }
            }
            return null;
        }

        /** A document posted; a request that gets no answer (I/O error, timeout) is a failure too (status 0). */
        Api.Reply postDocument(String body) throws InterruptedException {
            try {
                return api.postJson("/transactions", body);
            } catch (java.io.IOException e) {
                return new Api.Reply(0, e.toString());
            }
        }

        Api.Reply get(String path) throws InterruptedException {
            try {
                return api.get(path);
            } catch (java.io.IOException e) {
                return new Api.Reply(0, e.toString());
            }
        }

        /** Posts, times, counts; true when the server took it. */
        boolean post(Kind kind, String body) throws Exception {
            long t0 = System.nanoTime();
            Api.Reply reply = postDocument(body);
            double ms = Stats.millis(System.nanoTime() - t0);
            return done(kind, reply, ms, body);
        }

        /** Counts a failure (anything but a 2xx), printing the first 20; else records the latency. */
        boolean done(Kind kind, Api.Reply reply, double ms, String what) {
            if (reply.status() / 100 != 2) {
                failures.merge(kind, 1, Integer::sum);
                if (printedFailures.incrementAndGet() <= 20) {
                    System.out.println("  #15 " + kind.label + " failed: HTTP " + reply.status() + " "
                            + cut(reply.body(), 400) + " (request: " + cut(what, 300) + ")");
                }
                return false;
            }
            if (measured) {
                millis.get(kind).add(ms);
            }
            if (paced) {
                pacedMillis.get(kind).add(ms);
            }
            return true;
        }

        void receipt() throws Exception {
            int i = item();
            int l = random.nextInt(Warehouse.LOCATIONS);
            int n = random.nextBoolean() ? 5 : 1 + random.nextInt(50);
            List<String> serials = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                serials.add(newSerial("WD"));
            }
            StringBuilder json = new StringBuilder(n * 24 + 200).append("{\"type\":\"RECEIPT\",\"reference\":\"bench day\","
                    + "\"supplier\":\"" + Warehouse.SUPPLIER + "\",\"lines\":[");
            line(json, Warehouse.sku(i), l, -1, serials, null, null).append("]}");
            long t0 = System.nanoTime();
            Api.Reply reply = postDocument(json.toString());
            double ms = Stats.millis(System.nanoTime() - t0);
            if (done(Kind.RECEIPT, reply, ms, json.toString())) {
                if (measured && n == 5) {
                    receipt5.add(ms);
                }
                if (paced && n == 5) {
                    pacedReceipt5.add(ms);
                }
                at(i, l).addAll(serials);
                ops.add(new Op(Kind.RECEIPT, measured, i, l, -1, n, null, null, false));
            }
        }

        void shipment() throws Exception {
            int[] p = placeWithStock();
            List<String> from = at(p[0], p[1]);
            int n = Math.min(from.size(), 1 + random.nextInt(10));
            List<String> serials = take(from, n);
            String customer = String.format("CUST%05d", 1 + random.nextInt((int) seed.genealogy.customers));
            StringBuilder json = new StringBuilder(n * 24 + 200).append("{\"type\":\"SHIPMENT\",\"reference\":\"bench day\","
                    + "\"customer\":\"" + customer + "\",\"lines\":[");
            line(json, Warehouse.sku(p[0]), p[1], -1, serials, null, null).append("]}");
            if (post(Kind.SHIPMENT, json.toString())) {
                shipped.add(new Shipped(p[0], p[1], customer, serials));
                ops.add(new Op(Kind.SHIPMENT, measured, p[0], p[1], -1, n, null, null, false));
            } else {
                from.addAll(serials);
            }
        }

        void transfer() throws Exception {
            int[] p = placeWithStock();
            List<String> from = at(p[0], p[1]);
            int n = Math.min(from.size(), 1 + random.nextInt(10));
            List<Integer> others = Warehouse.sameCompany(p[1]);
            int to = others.get(random.nextInt(others.size()));
            List<String> serials = take(from, n);
            StringBuilder json = new StringBuilder(n * 24 + 200).append("{\"type\":\"TRANSFER\",\"reference\":\"bench day\","
                    + "\"lines\":[");
            line(json, Warehouse.sku(p[0]), p[1], to, serials, null, null).append("]}");
            if (post(Kind.TRANSFER, json.toString())) {
                at(p[0], to).addAll(serials);
                ops.add(new Op(Kind.TRANSFER, measured, p[0], p[1], to, n, null, null, false));
            } else {
                from.addAll(serials);
            }
        }

        void build() throws Exception {
            int wanted = 2 + random.nextInt(2);
            for (int tries = 0; tries < 10; tries++) {
                int l = random.nextInt(Warehouse.LOCATIONS);
                List<Integer> candidates = new ArrayList<>();
                for (int i : items) {
                    if (!at(i, l).isEmpty()) {
                        candidates.add(i);
                    }
                }
                if (candidates.size() < wanted || items.length < wanted + 1) {
                    continue;
                }
                Collections.shuffle(candidates, random);
                int[] components = candidates.subList(0, wanted).stream().mapToInt(Integer::intValue).toArray();
                int output;
                do {
                    output = item();
                } while (contains(components, output));
                String unit = newSerial("WB");
                StringBuilder json = new StringBuilder(600).append("{\"type\":\"BUILD\",\"reference\":\"bench day\","
                        + "\"lines\":[");
                line(json, Warehouse.sku(output), l, -1, List.of(unit), "OUTPUT", null);
                List<List<String>> taken = new ArrayList<>();
                for (int c : components) {
                    List<String> one = take(at(c, l), 1);
                    taken.add(one);
                    line(json.append(','), Warehouse.sku(c), l, -1, one, "COMPONENT", unit);
                }
                json.append("]}");
                if (post(Kind.BUILD, json.toString())) {
                    at(output, l).add(unit);
                    ops.add(new Op(Kind.BUILD, measured, output, l, -1, wanted, components, null, false));
                } else {
                    for (int j = 0; j < components.length; j++) {
                        at(components[j], l).addAll(taken.get(j));
                    }
                }
                return;
            }
        }

        void restock() throws Exception {
            int at = random.nextInt(shipped.size());
            Shipped s = shipped.get(at);
            int n = Math.min(s.serials.size(), 1 + random.nextInt(5));
            List<String> serials = take(s.serials, n);
            if (s.serials.isEmpty()) {
                shipped.set(at, shipped.get(shipped.size() - 1));
                shipped.remove(shipped.size() - 1);
            }
            StringBuilder json = new StringBuilder(n * 24 + 200).append("{\"type\":\"RESTOCK\",\"reference\":\"bench day\","
                    + "\"customer\":\"" + s.customer + "\",\"lines\":[");
            line(json, Warehouse.sku(s.item), s.location, -1, serials, null, null).append("]}");
            if (post(Kind.RETURN, json.toString())) {
                at(s.item, s.location).addAll(serials);
                ops.add(new Op(Kind.RETURN, measured, s.item, s.location, -1, n, null, null, false));
            }
        }

        void lookup() throws Exception {
            String serial;
            if (!shipped.isEmpty() && random.nextInt(4) == 0) {
                List<String> some = shipped.get(random.nextInt(shipped.size())).serials;
                serial = some.get(random.nextInt(some.size()));
            } else {
                int[] p = placeWithStock();
                List<String> some = at(p[0], p[1]);
                serial = some.get(random.nextInt(some.size()));
            }
            Kind kind = historyNext ? Kind.HISTORY : Kind.SERIAL;
            historyNext = !historyNext;
            String path = "/serials/" + serial + (kind == Kind.HISTORY ? "/history" : "");
            long t0 = System.nanoTime();
            Api.Reply reply = get(path);
            if (done(kind, reply, Stats.millis(System.nanoTime() - t0), "GET " + path)) {
                ops.add(new Op(kind, measured, 0, 0, -1, 0, null, serial, false));
            }
        }

        void list() throws Exception {
            int i = item();
            String path = "/serials?sku=" + Warehouse.sku(i) + "&status=IN_STOCK&limit=" + PAGE;
            long t0 = System.nanoTime();
            Api.Reply reply = get(path);
            if (!done(Kind.LIST, reply, Stats.millis(System.nanoTime() - t0), "GET " + path)) {
                return;
            }
            Matcher next = NEXT.matcher(reply.body());
            boolean more = next.find() && random.nextInt(3) == 0;
            if (more) {
                String second = path + "&after=" + next.group(1);
                long t1 = System.nanoTime();
                Api.Reply page = get(second);
                more = done(Kind.LIST, page, Stats.millis(System.nanoTime() - t1), "GET " + second);
            }
            ops.add(new Op(Kind.LIST, measured, i, 0, -1, 0, null, null, more));
        }
    }

    /** A shipment of the client's: what is left of it to return. */
    private record Shipped(int item, int location, String customer, List<String> serials) {
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static StringBuilder line(StringBuilder json, String sku, int location, int to, List<String> serials,
                                      String role, String into) {
        json.append("{\"sku\":\"").append(sku).append("\",\"location\":\"").append(Warehouse.location(location))
                .append('"');
        if (to >= 0) {
            json.append(",\"toLocation\":\"").append(Warehouse.location(to)).append('"');
        }
        json.append(",\"quantity\":").append(serials.size());
        if (role != null) {
            json.append(",\"role\":\"").append(role).append('"');
        }
        json.append(",\"serials\":[");
        for (int j = 0; j < serials.size(); j++) {
            json.append(j == 0 ? "\"" : ",\"").append(serials.get(j)).append('"');
        }
        json.append(']');
        if (into != null) {
            json.append(",\"into\":{");
            for (int j = 0; j < serials.size(); j++) {
                json.append(j == 0 ? "\"" : ",\"").append(serials.get(j)).append("\":\"").append(into).append('"');
            }
            json.append('}');
        }
        return json.append('}');
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }

    /** Every client through one phase; returns its wall time in seconds. */
    private static <T> double phase(ExecutorService pool, List<Callable<T>> work) throws Exception {
        long t0 = System.nanoTime();
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> w : work) {
            futures.add(pool.submit(w));
        }
        for (Future<T> f : futures) {
            f.get();
        }
        return Stats.seconds(System.nanoTime() - t0);
    }

    // ------------------------------------------------------------------ the scenario

    void run() throws Exception {
        int clients = Integer.parseInt(options.getOrDefault("day-clients", "32"));
        int seconds = Integer.parseInt(options.getOrDefault("day-seconds", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("day-warmup", "60"));
        int pacedSeconds = Integer.parseInt(options.getOrDefault("day-paced-seconds", "30"));
        try (Connection c = db.connect(Seed.APP)) {
            try (PreparedStatement ps = c.prepareStatement("select id, sku from item where sku like 'WH-%'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = Integer.parseInt(rs.getString(2).substring(3));
                    itemIds[i] = rs.getLong(1);
                    itemIndex.put(rs.getLong(1), i);
                }
            }
            for (int l = 0; l < Warehouse.LOCATIONS; l++) {
                locationIds[l] = seed.id("loc." + Warehouse.location(l));
                locationIndex.put(locationIds[l], l);
            }
        }
        List<Client> all = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            all.add(new Client(k, clients));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        double measuredSeconds;
        double pacedMeasured;
        double offered;
        Heap.Window window;
        try {
            // each client loads its share, one query each, on a connection of its own
            phase(pool, all.stream().map(cl -> (Callable<Void>) () -> {
                try (Connection c = db.connect(Seed.APP)) {
                    cl.load(c);
                }
                return null;
            }).toList());
            System.out.printf(Locale.ROOT, "  #15 %d clients, %,d serials in stock known to them; warm-up %d s, then %d s%n",
                    clients, all.stream().mapToLong(cl -> cl.stock.values().stream().mapToLong(List::size).sum()).sum(),
                    warmup, seconds);
            if (warmup > 0) {
                long end = System.nanoTime() + warmup * 1_000_000_000L;
                phase(pool, all.stream().map(cl -> (Callable<Void>) () -> cl.day(end)).toList());
            }
            all.forEach(cl -> cl.measured = true);
            heap.open();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            measuredSeconds = phase(pool, all.stream().map(cl -> (Callable<Void>) () -> cl.day(end)).toList());
            // the paced window: half the full-speed window's operations per second, offered by the
            // same clients pausing between operations (mean pause = the time each client then has
            // per operation, less the full-speed window's mean latency)
            long opsDone = all.stream().mapToLong(cl -> cl.millis.values().stream().mapToLong(List::size).sum()).sum();
            double meanMs = all.stream().flatMap(cl -> cl.millis.values().stream()).flatMap(List::stream)
                    .mapToDouble(Double::doubleValue).average().orElse(0);
            offered = opsDone / measuredSeconds / 2;
            pacedThink = Math.max(1, clients / offered * 1000 - meanMs);
            all.forEach(cl -> {
                cl.measured = false;
                cl.paced = true;
                cl.pacedFrom = cl.ops.size();
            });
            System.out.printf(Locale.ROOT, "  #15 paced: %.0f operations/s offered (half of full speed), mean pause "
                    + "%.0f ms, %d s%n", offered, pacedThink, pacedSeconds);
            long pacedEnd = System.nanoTime() + pacedSeconds * 1_000_000_000L;
            pacedMeasured = phase(pool, all.stream().map(cl -> (Callable<Void>) () -> cl.day(pacedEnd)).toList());
            window = heap.close();
        } finally {
            pool.shutdown();
        }

        Map<Kind, List<Double>> ours = new EnumMap<>(Kind.class);
        Map<Kind, Integer> failed = new EnumMap<>(Kind.class);
        List<Double> receipt5 = new ArrayList<>();
        Map<Kind, List<Double>> paced = new EnumMap<>(Kind.class);
        List<Double> pacedReceipt5 = new ArrayList<>();
        for (Kind k : Kind.values()) {
            ours.put(k, new ArrayList<>());
            paced.put(k, new ArrayList<>());
            failed.put(k, 0);
        }
        for (Client cl : all) {
            cl.millis.forEach((k, v) -> ours.get(k).addAll(v));
            cl.failures.forEach((k, v) -> failed.merge(k, v, Integer::sum));
            receipt5.addAll(cl.receipt5);
            cl.pacedMillis.forEach((k, v) -> paced.get(k).addAll(v));
            pacedReceipt5.addAll(cl.pacedReceipt5);
        }
        int failures = failed.values().stream().mapToInt(Integer::intValue).sum();
        long writes = ours.entrySet().stream().filter(e -> e.getKey().write).mapToLong(e -> e.getValue().size()).sum();
        double docsPerSecond = writes / measuredSeconds;
        System.out.printf(Locale.ROOT, "  #15 day: %.1f s measured, %,d writes = %.1f documents/s, %d failed requests%n",
                measuredSeconds, writes, docsPerSecond, failures);

        Replay replay = replay(all);

        Map<String, Object> mix = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            List<Double> v = ours.get(k);
            List<Double> b = replay.millis.get(k);
            mix.put(k.name(), v.size());
            System.out.printf(Locale.ROOT, "  #15 %-20s %,7d ops %8.1f/s  p50 %7.2f ms  p99 %7.2f ms   replay p50 %6.2f ms "
                            + "p99 %6.2f ms%n", k.label, v.size(), v.size() / measuredSeconds, Stats.percentile(v, 50),
                    Stats.percentile(v, 99), Stats.percentile(b, 50), Stats.percentile(b, 99));
            List<Double> p = paced.get(k);
            System.out.printf(Locale.ROOT, "  #15 %-20s paced %,7d ops %8.1f/s  p50 %7.2f ms  p99 %7.2f ms%n", k.label,
                    p.size(), p.size() / pacedMeasured, Stats.percentile(p, 50), Stats.percentile(p, 99));
        }
        String scale = String.format(Locale.ROOT, "%d clients, %d s", clients, seconds)
                + (think > 0 ? String.format(Locale.ROOT, ", think %.0f ms", think) : "");

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("measuredSeconds", measuredSeconds);
        d.put("clients", clients);
        d.put("thinkMs", think);
        d.put("warmupSeconds", warmup);
        d.put("writes", writes);
        d.put("opsByKind", mix);
        d.put("failedByKind", failed.toString());
        d.put("failedRequests", failures);
        d.put("baselineSeconds", replay.seconds);
        d.put("baselineWrites", replay.writes);
        d.put("warehouse", String.format(Locale.ROOT, "%d items x %d locations in %d companies, %d serials each seeded",
                Warehouse.ITEMS, Warehouse.LOCATIONS, Warehouse.COMPANIES.length, wh.perSlot));
        double base = replay.writes / replay.seconds;
        report.add(new Report.Row("15", "warehouse day, " + scale + ": all writes", "throughput; " + failures
                + " failed requests", docsPerSecond, "docs/s", base, "the same documents by COPY/UPDATE, " + clients
                + " connections, one transaction per document", docsPerSecond / base, "of COPY docs/s",
                ">= 0.25 of COPY docs/s; 0 failed", docsPerSecond / base >= 0.25 && failures == 0, d));

        d.put("pacedSeconds", pacedMeasured);
        d.put("pacedOfferedOpsPerSecond", offered);
        d.put("pacedMeanPauseMs", pacedThink);
        d.put("fullSpeedReceipt5P99", Stats.percentile(receipt5, 99));
        String load = String.format(Locale.ROOT, "paced, %.0f ops/s offered", offered);
        double r5 = Stats.percentile(pacedReceipt5, 99);
        double b5 = Stats.percentile(replay.receipt5, 99);
        report.add(new Report.Row("15", "warehouse day, " + load + ": receipt of 5 serials", "p99 (p50 "
                + Report.num(Stats.percentile(pacedReceipt5, 50)) + ", " + pacedReceipt5.size() + " receipts)", r5, "ms",
                b5, "COPY of 5 serial + 5 history rows, p99", r5 / b5, "x COPY", "p99 <= 25 ms", r5 <= 25,
                latencyDetail(pacedReceipt5, replay.receipt5, pacedMeasured)));

        for (Kind k : Kind.values()) {
            List<Double> v = paced.get(k);
            List<Double> b = replay.millis.get(k);
            double p99 = Stats.percentile(v, 99);
            double b99 = Stats.percentile(b, 99);
            report.add(new Report.Row("15", "warehouse day, " + load + ": " + k.label
                    + String.format(Locale.ROOT, ", %.1f/s", v.size() / pacedMeasured), "p99 (p50 " + Report.num(Stats.percentile(v, 50)) + ")", p99, "ms", b99,
                    (k.write ? "COPY/UPDATE of the same rows" : "the server's SQL over JDBC") + ", p99", p99 / b99,
                    k.write ? "x COPY" : "x SQL", "printed; 0 failed", failed.get(k) == 0,
                    latencyDetail(v, b, pacedMeasured)));
        }

        Map<String, Object> h = new LinkedHashMap<>();
        h.put("peakUsedMb", window.peakUsed());
        h.put("liveAtStartMb", window.liveAtStart());
        h.put("peakLiveAfterGcMb", window.peakLiveAfterGc());
        h.put("collections", window.collections());
        h.put("fullCollections", window.fullCollections());
        h.put("collectionsByNameAndCause", window.byNameAndCause());
        h.put("how", "JFR in the server: jdk.GCHeapSummary (peak = largest heap used before a GC in the measured "
                + "window, which jcmd GC.run opens and closes) and jdk.GarbageCollection (full: G1Full, SerialOld, "
                + "ParallelOld; not those jcmd asked for)");
        report.add(new Report.Row("15", "warehouse day: the server's heap", "peak heap used; "
                + window.fullCollections() + " full GCs", window.peakUsed(), "MB", window.liveAtStart(),
                "live heap before the day", window.peakUsed() / window.liveAtStart(), "x live before",
                "<= 512 MB, no full GC", window.peakUsed() <= 512 && window.fullCollections() == 0, h));
    }

    private static Map<String, Object> latencyDetail(List<Double> ours, List<Double> base, double seconds) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("count", ours.size());
        d.put("perSecond", ours.size() / seconds);
        d.put("p50", Stats.percentile(ours, 50));
        d.put("p95", Stats.percentile(ours, 95));
        d.put("p99", Stats.percentile(ours, 99));
        d.put("max", Stats.max(ours));
        d.put("baselineCount", base.size());
        d.put("baselineP50", Stats.percentile(base, 50));
        d.put("baselineP99", Stats.percentile(base, 99));
        return d;
    }

    // ------------------------------------------------------------------ the baseline

    /** What the replay measured. */
    private record Replay(double seconds, long writes, Map<Kind, List<Double>> millis, List<Double> receipt5) {
    }

    /** One replaying connection: its client's operations, against ids of the baseline's schema. */
    private final class Worker {
        final int number;
        final List<Op> ops;
        final Connection c;
        /** In-stock serial ids by slot, shipped ones by item. */
        final Map<Integer, ArrayDeque<Long>> stock = new HashMap<>();
        final Map<Integer, ArrayDeque<Long>> shipped = new HashMap<>();
        final Map<Kind, List<Double>> millis = new EnumMap<>(Kind.class);
        final List<Double> receipt5 = new ArrayList<>();
        int seq;
        long writes;

        Worker(int number, Client client) throws SQLException {
            this.number = number;
            // the paced window's operations are not replayed: the baseline is the full-speed window's
            this.ops = client.ops.subList(0, client.pacedFrom);
            this.c = db.connect(Seed.APP);
            c.setAutoCommit(false);
            for (Kind k : Kind.values()) {
                millis.put(k, new ArrayList<>());
            }
            // the seeded serials of its items, where the seed has them (the layout gives their ids)
            for (int i : client.items) {
                for (int l = 0; l < Warehouse.LOCATIONS; l++) {
                    ArrayDeque<Long> ids = at(i, l);
                    long first = wh.serialBase + ((long) (i - 1) * Warehouse.LOCATIONS + l) * wh.perSlot;
                    for (long k = 1; k <= wh.perSlot; k++) {
                        ids.add(first + k);
                    }
                }
            }
        }

        ArrayDeque<Long> at(int item, int location) {
            return stock.computeIfAbsent(slot(item, location), k -> new ArrayDeque<>());
        }

        Long[] take(ArrayDeque<Long> from, int n) {
            check(from.size() >= n, "the replay holds the serials its client moved");
            Long[] ids = new Long[n];
            for (int j = 0; j < n; j++) {
                ids[j] = from.poll();
            }
            return ids;
        }

        Void replay(boolean measured) throws Exception {
            for (Op op : ops) {
                if (op.measured() != measured) {
                    continue;
                }
                long t0 = System.nanoTime();
                if (op.kind().write) {
                    write(op);
                    writes += measured ? 1 : 0;
                } else {
                    read(op);
                }
                double ms = Stats.millis(System.nanoTime() - t0);
                if (measured) {
                    millis.get(op.kind()).add(ms);
                    if (op.kind() == Kind.RECEIPT && op.n() == 5) {
                        receipt5.add(ms);
                    }
                }
            }
            return null;
        }

        private void update(String set, Long[] ids) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("update " + Seed.COPY + ".serial set " + set
                    + ", last_transaction_id = 1 where id = any(?)")) {
                Array a = c.createArrayOf("bigint", ids);
                ps.setArray(1, a);
                ps.executeUpdate();
            }
        }

        private Database.Copy history() throws SQLException {
            return new Database.Copy(c, "copy " + Seed.COPY + ".serial_history (id, serial_id, transaction_id, "
                    + "line_id, type, quantity, location_id, at, username) from stdin");
        }

        private Database.Copy serials() throws SQLException {
            return new Database.Copy(c, "copy " + Seed.COPY + ".serial (id, serial, item_id, status, location_id, "
                    + "received_at, last_transaction_id) from stdin");
        }

        void write(Op op) throws SQLException {
            long item = itemIds[op.item()];
            long loc = locationIds[op.location()];
            int n = op.n();
            switch (op.kind()) {
                case RECEIPT -> {
                    long first = copySerialId.getAndAdd(n);
                    long h = copyHistoryId.getAndAdd(n);
                    try (Database.Copy copy = serials()) {
                        for (int j = 0; j < n; j++) {
                            copy.row(first + j, "WC" + token + "-" + number + "-" + (++seq), item, "IN_STOCK", loc, NOW, 1);
                        }
                    }
                    try (Database.Copy copy = history()) {
                        for (int j = 0; j < n; j++) {
                            copy.row(h + j, first + j, 1, 1, "RECEIVE", 1, loc, NOW, "clerk");
                        }
                    }
                    c.commit();
                    for (int j = 0; j < n; j++) {
                        at(op.item(), op.location()).add(first + j);
                    }
                }
                case SHIPMENT -> {
                    Long[] ids = take(at(op.item(), op.location()), n);
                    long h = copyHistoryId.getAndAdd(n);
                    update("status = 'SHIPPED', location_id = null", ids);
                    try (Database.Copy copy = history()) {
                        for (int j = 0; j < n; j++) {
                            copy.row(h + j, ids[j], 1, 1, "SHIP", -1, loc, NOW, "clerk");
                        }
                    }
                    c.commit();
                    shipped.computeIfAbsent(op.item(), k -> new ArrayDeque<>()).addAll(List.of(ids));
                }
                case TRANSFER -> {
                    Long[] ids = take(at(op.item(), op.location()), n);
                    long to = locationIds[op.to()];
                    long h = copyHistoryId.getAndAdd(2L * n);
                    update("location_id = " + to, ids);
                    try (Database.Copy copy = history()) {
                        for (int j = 0; j < n; j++) {
                            copy.row(h + 2L * j, ids[j], 1, 1, "MOVEOUT", -1, loc, NOW, "clerk");
                            copy.row(h + 2L * j + 1, ids[j], 1, 1, "MOVEIN", 1, to, NOW, "clerk");
                        }
                    }
                    c.commit();
                    at(op.item(), op.to()).addAll(List.of(ids));
                }
                case RETURN -> {
                    Long[] ids = take(shipped.get(op.item()), n);
                    long h = copyHistoryId.getAndAdd(n);
                    update("status = 'IN_STOCK', location_id = " + loc + ", received_at = '" + NOW + "'", ids);
                    try (Database.Copy copy = history()) {
                        for (int j = 0; j < n; j++) {
                            copy.row(h + j, ids[j], 1, 1, "RETURN", 1, loc, NOW, "clerk");
                        }
                    }
                    c.commit();
                    at(op.item(), op.location()).addAll(List.of(ids));
                }
                case BUILD -> {
                    int k = op.components().length;
                    Long[] consumed = new Long[k];
                    for (int j = 0; j < k; j++) {
                        consumed[j] = take(at(op.components()[j], op.location()), 1)[0];
                    }
                    long unit = copySerialId.getAndAdd(1);
                    long h = copyHistoryId.getAndAdd(1 + k);
                    long link = copyLinkId.getAndAdd(k);
                    update("status = 'CONSUMED', location_id = null", consumed);
                    try (Database.Copy copy = serials()) {
                        copy.row(unit, "WE" + token + "-" + number + "-" + (++seq), item, "IN_STOCK", loc, NOW, 1);
                    }
                    try (Database.Copy copy = history()) {
                        copy.row(h, unit, 1, 1, "BUILD", 1, loc, NOW, "clerk");
                        for (int j = 0; j < k; j++) {
                            copy.row(h + 1 + j, consumed[j], 1, 1, "CONSUME", -1, loc, NOW, "clerk");
                        }
                    }
                    try (Database.Copy copy = new Database.Copy(c, "copy " + Seed.COPY + ".serial_link (id, "
                            + "transaction_id, component_id, assembly_id, exact, linked_at) from stdin")) {
                        for (int j = 0; j < k; j++) {
                            copy.row(link + j, 1, consumed[j], unit, "t", NOW);
                        }
                    }
                    c.commit();
                    at(op.item(), op.location()).add(unit);
                }
                default -> throw new IllegalStateException("not a write: " + op.kind());
            }
        }

        /** The statements the server runs for the read, as SerialQueryService does. */
        void read(Op op) throws SQLException {
            SerialRepository repo = new SerialRepository(c);
            switch (op.kind()) {
                case SERIAL -> {
                    SerialNumber sn = SerialNumber.of(op.serial());
                    check(repo.findWithWarranty(sn).isPresent(), "the serial exists: " + op.serial());
                }
                case HISTORY -> check(repo.history(SerialNumber.of(op.serial())).isPresent(), "the serial exists");
                case LIST -> {
                    SerialFilter filter = new SerialFilter(Warehouse.sku(op.item()), SerialStatus.IN_STOCK, null, null,
                            null, null);
                    List<SerialRepository.Keyed> page = repo.list(filter, false, null, PAGE + 1);
                    if (op.nextPage() && page.size() > PAGE) {
                        c.commit();
                        repo = new SerialRepository(c);
                        repo.list(filter, false, page.get(PAGE - 1).key(), PAGE + 1);
                    }
                }
                default -> throw new IllegalStateException("not a read: " + op.kind());
            }
            c.commit();
        }
    }

    /**
     * The baseline: a connection per client replays its operations, the warm-up's first (untimed,
     * all connections together), then the measured window's, timed from the first start to the last end.
     */
    private Replay replay(List<Client> clients) throws Exception {
        List<Worker> workers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            for (int k = 0; k < clients.size(); k++) {
                workers.add(new Worker(k, clients.get(k)));
            }
            phase(pool, workers.stream().map(w -> (Callable<Void>) () -> w.replay(false)).toList());
            double seconds = phase(pool, workers.stream().map(w -> (Callable<Void>) () -> w.replay(true)).toList());
            Map<Kind, List<Double>> millis = new EnumMap<>(Kind.class);
            List<Double> receipt5 = new ArrayList<>();
            long writes = 0;
            for (Kind k : Kind.values()) {
                millis.put(k, new ArrayList<>());
            }
            for (Worker w : workers) {
                w.millis.forEach((k, v) -> millis.get(k).addAll(v));
                receipt5.addAll(w.receipt5);
                writes += w.writes;
            }
            System.out.printf(Locale.ROOT, "  #15 baseline: %,d writes replayed in %.2f s = %.1f documents/s%n", writes,
                    seconds, writes / seconds);
            return new Replay(seconds, writes, millis, receipt5);
        } finally {
            pool.shutdown();
            for (Worker w : workers) {
                w.c.close();
            }
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("check failed: " + what);
        }
    }
}
