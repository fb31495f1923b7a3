package org.serialtracking.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's data: seeded once with COPY (indexes and foreign keys dropped around the load and
 * recreated), kept between runs, and put back to the seeded state at the start of every run.
 * <p>
 * Schema {@code serial_bench} (the server's; another by {@code BENCH_SCHEMA}, see {@link #APP}): one company, seven locations, five tracked items for
 * scenarios 1–8 and those of the genealogy (see {@link Genealogy}). BENCH-POOL has {@code pool}
 * serials IN_STOCK at POOL (scenario 3 ships from them); the genealogy (issue 14, scenarios 10–13)
 * has 6 serials per unit plus the kit of scenario 13; BENCH-ARCH has the rest of the stored serials,
 * 70 % IN_STOCK at ARCH and 30 % SHIPPED (scenarios 4 and 5 read them); each serial has its RECEIVE
 * history row, shipped ones a SHIP row too. BENCH-RCV takes the explicit receipts (scenario 1),
 * BENCH-AUTO the generated ones (2), BENCH-PAR the parallel clients (7). Scenario 15 has a warehouse
 * of its own on top of the stored serials: 3 companies, 20 locations, 1,000 items (see {@link Warehouse}).
 * <p>
 * Schema {@code serial_bench_copy} (the baseline's): tables serial, serial_history and serial_link of
 * the same shape and the same indexes and unique constraints (LIKE ... INCLUDING ALL, indexes
 * replayed from the application's tables), without foreign keys, holding the same rows.
 */
final class Seed {

    /** Bump when the layout changes: a run then reseeds by itself. */
    static final long VERSION = 3;

    /** The server's schema (./bench passes BENCH_SCHEMA as -Dbench.schema; default serial_bench). */
    static final String APP = System.getProperty("bench.schema", "serial_bench");
    /** The baseline's schema: the server's with _copy. */
    static final String COPY = APP + "_copy";

    static final String POOL_SKU = "BENCH-POOL";
    static final String ARCH_SKU = "BENCH-ARCH";
    static final String RCV_SKU = "BENCH-RCV";
    static final String AUTO_SKU = "BENCH-AUTO";
    static final String PAR_SKU = "BENCH-PAR";

    private final Database db;
    final long stored;
    final long pool;
    final long arch;
    final Genealogy genealogy;
    /** Scenario 15's warehouse (issue 17, seed version 3): its serials come on top of {@code stored}. */
    final Warehouse warehouse;
    final Map<String, Long> info = new HashMap<>();

    /**
     * @param units the genealogy's finished units (6 serials each)
     * @param kit   serials of each of the three component items of scenario 13's build, in stock
     * @param warehouseStock scenario 15's serials per item and location of the warehouse
     */
    Seed(Database db, long stored, long units, long kit, long customers, long warehouseStock) {
        this.db = db;
        this.stored = stored;
        this.pool = Math.min(1_000_000, stored / 2);
        this.arch = stored - pool - Genealogy.serials(units, kit);
        if (arch < 10) {
            throw new IllegalArgumentException(String.format("--stored=%d holds no archive beside the pool (%d) and the "
                    + "genealogy (%d): store more or lower --units / --build-units", stored, pool,
                    Genealogy.serials(units, kit)));
        }
        long archShipped = 0;
        for (long j = 1; j <= arch; j++) {
            if (shipped(j)) {
                archShipped++;
            }
        }
        this.genealogy = new Genealogy(units, kit, customers, pool + arch, stored - Genealogy.serials(units, kit)
                + archShipped);
        this.warehouse = new Warehouse(warehouseStock, stored, genealogy.historyBase + genealogy.historyRows(),
                genealogy.lastDoc() + 1, genealogy.lastLine() + 1);
    }

    /** The serial number of a stored serial id. */
    String serialOf(long id) {
        if (id <= pool) {
            return poolSerial(id);
        }
        if (id <= pool + arch) {
            return archSerial(id - pool);
        }
        return genealogy.serialOf(id);
    }

    static String poolSerial(long i) {
        return String.format("P%07d", i);
    }

    static String archSerial(long j) {
        return String.format("A%08d", j);
    }

    /** ARCH serial j (1-based) is shipped for 3 in 10. */
    static boolean shipped(long j) {
        return j % 10 < 3;
    }

    long id(String key) {
        return info.get(key);
    }

    /** Seeds when the seed is missing, of another version or size, or when asked to. */
    void ensure(boolean reseed) throws SQLException {
        try (Connection c = db.connect(APP)) {
            Database.exec(c, "create schema if not exists " + COPY);
            Database.exec(c, "create table if not exists " + COPY + ".seed_info (name text primary key, value bigint)");
            loadInfo(c);
            boolean fits = Long.valueOf(VERSION).equals(info.get("version")) && Long.valueOf(stored).equals(info.get("stored"))
                    && Long.valueOf(genealogy.units).equals(info.get("units"))
                    && Long.valueOf(genealogy.kit).equals(info.get("kit"))
                    && Long.valueOf(genealogy.customers).equals(info.get("customers"))
                    && Long.valueOf(warehouse.perSlot).equals(info.get("wh.stock"))
                    && Long.valueOf(1).equals(info.get("complete"));
            if (fits && !reseed) {
                System.out.printf("seed: %,d serials stored (genealogy of %,d units), reused (--reseed to build again)%n",
                        stored, genealogy.units);
                matchBaseline();
                return;
            }
        }
        long t0 = System.nanoTime();
        seed();
        System.out.printf("seed: %,d serials stored in %.0f s%n", stored, Stats.seconds(System.nanoTime() - t0));
    }

    private void loadInfo(Connection c) throws SQLException {
        info.clear();
        try (PreparedStatement ps = c.prepareStatement("select name, value from " + COPY + ".seed_info");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                info.put(rs.getString(1), rs.getLong(2));
            }
        }
    }

    private void seed() throws SQLException {
        try (Connection c = db.connect(APP)) {
            Database.exec(c, "set maintenance_work_mem = '1GB'");
            Database.exec(c, "set max_parallel_maintenance_workers = 2");
            Database.exec(c, "delete from " + COPY + ".seed_info");
            c.setAutoCommit(false);
            step("empty the schema");
            // every table that refers to serial goes in the same statement (recall_suspect from V16 on)
            Database.exec(c, "truncate " + (hasRecalls(c) ? "recall_suspect, recall, " : "")
                    + (hasTable(c, "cancelled_movement") ? "cancelled_movement, " : "")
                    + "serial_link, serial_history, serial, transaction_line, idempotency_key, "
                    + "inventory_transaction, serial_counter, audit_event, stock restart identity");
            Database.exec(c, "truncate item, location, company, party restart identity cascade");
            Database.exec(c, "update document_counter set last_value = 0");
            Database.exec(c, "update settings set serial_tracking = true, auto_serial_number = true, "
                    + "version = version + 1");
            long company = Database.single(c, "insert into company (code, name) values ('BENCH', 'Benchmark') returning id");
            for (String loc : List.of("POOL", "ARCH", "RCV", "AUTO", "PAR", "FG", "KIT")) {
                info.put("loc." + loc, Database.single(c, "insert into location (code, name, company_id) "
                        + "values (?, ?, ?) returning id", loc, "Bench " + loc, company));
            }
            String[][] items = {
                    {POOL_SKU, null}, {ARCH_SKU, null}, {RCV_SKU, null},
                    {AUTO_SKU, "AU[[YY]][[MONTH]][[DAY]]-[[INCNUM,DAILY,9]]"},
                    {PAR_SKU, "PAR[[YY]][[MONTH]][[DAY]]-[[INCNUM,DAILY,7]]"}};
            for (String[] item : items) {
                info.put("item." + item[0], Database.single(c, "insert into item (sku, name, track_serials, "
                        + "serial_state, auto_serial_number, auto_serial_format) values (?, ?, true, 'TRACKED', ?, ?) "
                        + "returning id", item[0], "Bench " + item[0], item[1] != null, item[1]));
            }
            // the genealogy's items: the finished unit gives a warranty; the resin tracks no serials
            List<String> tracked = new ArrayList<>(List.of(Genealogy.UNIT_SKU, Genealogy.SUB_SKU));
            tracked.addAll(List.of(Genealogy.PART_SKUS));
            tracked.addAll(List.of(Genealogy.KIT_SKUS));
            tracked.add(Genealogy.ASM_SKU);
            for (String sku : tracked) {
                info.put("item." + sku, Database.single(c, "insert into item (sku, name, track_serials, serial_state, "
                        + "warranty_days) values (?, ?, true, 'TRACKED', ?) returning id", sku, "Bench " + sku,
                        sku.equals(Genealogy.UNIT_SKU) ? 730 : null));
            }
            info.put("item." + Genealogy.RESIN_SKU, Database.single(c, "insert into item (sku, name) values (?, ?) "
                    + "returning id", Genealogy.RESIN_SKU, "Bench resin (untracked)"));
            genealogy.parties(c, this);
            warehouse.master(c, this, genealogy.customers + 2);
            long poolItem = id("item." + POOL_SKU);
            long archItem = id("item." + ARCH_SKU);
            long poolLoc = id("loc.POOL");
            long archLoc = id("loc.ARCH");
            long archShipped = 0;
            for (long j = 1; j <= arch; j++) {
                if (shipped(j)) {
                    archShipped++;
                }
            }
            // the documents the seeded serials came with (ids 1..3, lines 1..3)
            Database.exec(c, "insert into inventory_transaction (id, type, number, reference, posted_by) values "
                    + "(1, 'RECEIPT', 'RCV-000001', 'bench seed pool', 'admin'), "
                    + "(2, 'RECEIPT', 'RCV-000002', 'bench seed archive', 'admin'), "
                    + "(3, 'SHIPMENT', 'SHP-000001', 'bench seed archive', 'admin')");
            Database.exec(c, "insert into transaction_line (id, transaction_id, line_no, item_id, location_id, quantity) "
                    + "values (1, 1, 1, " + poolItem + ", " + poolLoc + ", " + pool + "), "
                    + "(2, 2, 1, " + archItem + ", " + archLoc + ", " + arch + "), "
                    + "(3, 3, 1, " + archItem + ", " + archLoc + ", " + archShipped + ")");
            step(String.format("genealogy documents: %,d receipts, %,d builds, %,d shipments to %,d customers",
                    genealogy.receipts + 2, 2 * genealogy.batches, genealogy.shipments, genealogy.customers));
            genealogy.documents(c, this, 2, 1);
            step(String.format("warehouse documents: %d receipts of %,d lines", Warehouse.LOCATIONS, Warehouse.ITEMS));
            warehouse.documents(c, this, 5 + genealogy.receipts);
            info.put("counter.RECEIPT", 4 + genealogy.receipts + Warehouse.LOCATIONS);
            info.put("counter.SHIPMENT", 1 + genealogy.shipments);
            info.put("counter.BUILD", 2 * genealogy.batches);
            restoreCounters(c);
            c.commit();

            step("drop indexes and foreign keys of serial, serial_history and serial_link");
            List<String> serialDdl = Database.indexesAndConstraints(c, APP, "serial", APP, true);
            List<String> historyDdl = Database.indexesAndConstraints(c, APP, "serial_history", APP, true);
            List<String> linkDdl = Database.indexesAndConstraints(c, APP, "serial_link", APP, true);
            Database.dropIndexesAndConstraints(c, APP, "serial_link");
            Database.dropIndexesAndConstraints(c, APP, "serial_history");
            Database.dropIndexesAndConstraints(c, APP, "serial");
            c.commit();

            // the seed writes consistent rows itself: the triggers that check references and count
            // serials on their stock rows (V7, V8) are off during the load, the stock rows set below
            Database.exec(c, "alter table serial disable trigger user");
            Database.exec(c, "alter table serial_history disable trigger user");
            Database.exec(c, "alter table serial_link disable trigger user");
            step(String.format("COPY %,d serials (pool and archive)", pool + arch));
            String ts = "2025-01-01 00:00:00+00";
            try (Database.Copy copy = new Database.Copy(c, "copy serial (id, serial, item_id, status, location_id, "
                    + "received_at, last_transaction_id) from stdin")) {
                for (long i = 1; i <= pool; i++) {
                    copy.row(i, poolSerial(i), poolItem, "IN_STOCK", poolLoc, ts, 1);
                }
                for (long j = 1; j <= arch; j++) {
                    boolean s = shipped(j);
                    copy.row(pool + j, archSerial(j), archItem, s ? "SHIPPED" : "IN_STOCK", s ? null : archLoc, ts,
                            s ? 3 : 2);
                }
            }
            step(String.format("COPY %,d history rows (pool and archive)", pool + arch + archShipped));
            long h = 0;
            try (Database.Copy copy = new Database.Copy(c, "copy serial_history (id, serial_id, transaction_id, line_id, "
                    + "type, quantity, location_id, at, username) from stdin")) {
                for (long i = 1; i <= pool; i++) {
                    copy.row(++h, i, 1, 1, "RECEIVE", 1, poolLoc, ts, "admin");
                }
                for (long j = 1; j <= arch; j++) {
                    copy.row(++h, pool + j, 2, 2, "RECEIVE", 1, archLoc, ts, "admin");
                }
                for (long j = 1; j <= arch; j++) {
                    if (shipped(j)) {
                        copy.row(++h, pool + j, 3, 3, "SHIP", -1, archLoc, "2025-02-01 00:00:00+00", "admin");
                    }
                }
            }
            check(h == genealogy.historyBase, "the genealogy's history follows the archive's");
            step(String.format("genealogy: %,d units (%,d serials with the kit), %,d history rows, %,d links, by SQL",
                    genealogy.units, genealogy.serialCount(), genealogy.historyRows(), genealogy.links()));
            genealogy.serialsHistoryAndLinks(c, this);
            step(String.format("warehouse: %,d serials (%d per item and location) and their history rows, by SQL",
                    warehouse.serialCount(), warehouse.perSlot));
            warehouse.serialsAndHistory(c, this);
            Database.exec(c, "alter table serial enable trigger user");
            Database.exec(c, "alter table serial_history enable trigger user");
            Database.exec(c, "alter table serial_link enable trigger user");
            Database.exec(c, "insert into stock (item_id, location_id, quantity, in_stock_serials) values (" + poolItem
                    + ", " + poolLoc + ", " + pool + ", " + pool + "), (" + archItem + ", " + archLoc + ", "
                    + (arch - archShipped) + ", " + (arch - archShipped) + "), " + genealogy.stockValues(this));
            warehouse.stock(c, this);
            c.commit();
            step("recreate indexes and constraints (foreign keys validated)");
            for (String ddl : serialDdl) {
                Database.exec(c, ddl);
            }
            for (String ddl : historyDdl) {
                Database.exec(c, ddl);
            }
            for (String ddl : linkDdl) {
                Database.exec(c, ddl);
            }
            for (String seq : List.of("serial", "serial_history", "inventory_transaction", "transaction_line",
                    "serial_link")) {
                Database.exec(c, "select setval('" + seq + "_id_seq', greatest(1, (select max(id) from " + seq + ")))");
            }
            check(Database.single(c, "select count(*) from serial") == stored + warehouse.serialCount(),
                    "the seed stores --stored serials and the warehouse's");
            check(Database.single(c, "select max(id) from serial_history") == genealogy.historyBase
                    + genealogy.historyRows() + warehouse.serialCount(), "the history ids are dense");
            check(Database.single(c, "select max(id) from inventory_transaction") == warehouse.lastDoc(),
                    "the document ids are as laid out");
            // the seeded stock, which every run's reset puts back
            Database.exec(c, "drop table if exists " + COPY + ".seed_stock");
            Database.exec(c, "create table " + COPY + ".seed_stock as select item_id, location_id, quantity from stock");
            c.commit();

            baselineTables(c);
            c.setAutoCommit(true);
            step("vacuum analyze");
            for (String t : List.of(APP + ".serial", APP + ".serial_history", COPY + ".serial", COPY + ".serial_history",
                    APP + ".serial_link", COPY + ".serial_link", APP + ".party",
                    APP + ".stock", APP + ".item", APP + ".location", APP + ".transaction_line",
                    APP + ".inventory_transaction", APP + ".document_counter", APP + ".serial_ledger_checked",
                    APP + ".audit_event")) {
                Database.exec(c, "vacuum analyze " + t);
            }
            c.setAutoCommit(false);
            info.put("version", VERSION);
            info.put("stored", stored);
            info.put("pool", pool);
            info.put("arch.shipped", archShipped);
            info.put("units", genealogy.units);
            info.put("kit", genealogy.kit);
            info.put("customers", genealogy.customers);
            info.put("wh.stock", warehouse.perSlot);
            for (String t : List.of("serial", "serial_history", "inventory_transaction", "transaction_line",
                    "audit_event", "serial_link", "party")) {
                info.put("wm." + t, Database.single(c, "select coalesce(max(id), 0) from " + t));
            }
            info.put("indexes", indexFingerprint(c));
            info.put("complete", 1L);
            try (PreparedStatement ps = c.prepareStatement("insert into " + COPY + ".seed_info values (?, ?)")) {
                for (Map.Entry<String, Long> e : info.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setLong(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /**
     * The baseline's tables: the application's serial and serial_history, same shape, same indexes
     * and unique constraint, same rows, no foreign keys.
     */
    private void baselineTables(Connection c) throws SQLException {
        step("baseline tables (same shape, indexes and rows; no foreign keys)");
        Database.exec(c, "drop table if exists " + COPY + ".serial_link, " + COPY + ".serial_history, " + COPY + ".serial");
        for (String table : List.of("serial", "serial_history", "serial_link")) {
            Database.exec(c, "create table " + COPY + "." + table + " (like " + APP + "." + table
                + " including all excluding indexes)");
            Database.exec(c, "alter table " + COPY + "." + table + " add primary key (id)");
        }
        Database.exec(c, "insert into " + COPY + ".serial (id, serial, item_id, status, location_id, received_at, "
                + "last_transaction_id) select id, serial, item_id, status, location_id, received_at, "
                + "last_transaction_id from " + APP + ".serial");
        Database.exec(c, "insert into " + COPY + ".serial_history select * from " + APP + ".serial_history");
        Database.exec(c, "insert into " + COPY + ".serial_link select * from " + APP + ".serial_link");
        for (String table : List.of("serial", "serial_history", "serial_link")) {
            for (String ddl : Database.indexesAndConstraints(c, APP, table, COPY, false)) {
                Database.exec(c, ddl);
            }
        }
        c.commit();
    }

    /** Changes when a migration changes the indexes of serial or serial_history. */
    private static long indexFingerprint(Connection c) throws SQLException {
        return Database.single(c, "select hashtext(string_agg(replace(indexdef, schemaname || '.', ''), ';' "
                + "order by indexdef)) from pg_indexes where schemaname = ? "
                + "and tablename in ('serial', 'serial_history', 'serial_link')",
                APP);
    }

    /** After a migration changed the indexes, the baseline's tables are built again to match. */
    private void matchBaseline() throws SQLException {
        try (Connection c = db.connect(APP)) {
            long now = indexFingerprint(c);
            if (Long.valueOf(now).equals(info.get("indexes"))) {
                return;
            }
            long t0 = System.nanoTime();
            Database.exec(c, "set maintenance_work_mem = '1GB'");
            c.setAutoCommit(false);
            baselineTables(c);
            Database.exec(c, "insert into " + COPY + ".seed_info values ('indexes', " + now + ") "
                    + "on conflict (name) do update set value = excluded.value");
            c.commit();
            c.setAutoCommit(true);
            Database.exec(c, "vacuum analyze " + COPY + ".serial");
            Database.exec(c, "vacuum analyze " + COPY + ".serial_history");
            Database.exec(c, "vacuum analyze " + COPY + ".serial_link");
            info.put("indexes", now);
            System.out.printf("seed: the application's indexes changed; baseline tables rebuilt in %.0f s%n",
                    Stats.seconds(System.nanoTime() - t0));
        }
    }

    /**
     * Puts the data back to the seeded state: what earlier runs added is deleted, shipped pool serials
     * are back in stock, counters and stock as seeded. Then VACUUM, so no run pays for another's dead rows.
     */
    /** Runs one statement with one of the ledger's guards off (in the caller's transaction). */
    private static void unguarded(Connection c, String table, String trigger, String sql) throws SQLException {
        Database.exec(c, "alter table " + table + " disable trigger " + trigger);
        Database.exec(c, sql);
        Database.exec(c, "alter table " + table + " enable trigger " + trigger);
    }

    void reset() throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = db.connect(APP)) {
            c.setAutoCommit(false);
            long poolItem = id("item." + POOL_SKU);
            long poolLoc = id("loc.POOL");
            long serialWm = id("wm.serial");
            long historyWm = id("wm.serial_history");
            boolean dirty = Database.single(c, "select count(*) from serial where id > ?", serialWm) > 0
                    || Database.single(c, "select count(*) from serial_history where id > ?", historyWm) > 0
                    || Database.single(c, "select count(*) from inventory_transaction where id > ?",
                    id("wm.inventory_transaction")) > 0
                    || Database.single(c, "select count(*) from serial_link where id > ?", id("wm.serial_link")) > 0
                    || Database.single(c, "select count(*) from party where id > ?", id("wm.party")) > 0
                    || (hasRecalls(c) && Database.single(c, "select count(*) from recall") > 0)
                    || Database.single(c, "select count(*) from " + COPY + ".serial_history where id > ?", historyWm) > 0
                    || Database.single(c, "select count(*) from " + COPY + ".serial_link where id > ?",
                    id("wm.serial_link")) > 0;
            if (!dirty) {
                c.rollback();
                return;
            }
            // a rewind of the ledger, which the ledger's own guards (migration V9) refuse to the
            // application: history of serials that stay (the pool's shipments, the kit's consumption)
            // goes, and those serials go back to where their remaining history says they are. The
            // harness (the database's administrator) lifts those two guards for these statements,
            // inside this transaction. The seeded genealogy's links stay; the runs' go.
            if (hasRecalls(c)) {
                // the seed holds no recalls: every recall is a run's
                Database.exec(c, "delete from recall_suspect");
                Database.exec(c, "delete from recall");
                Database.exec(c, "alter sequence recall_number_seq restart");
            }
            if (hasTable(c, "cancelled_movement")) {
                // what runs' cancellations kept (migration V19) goes with their documents
                Database.exec(c, "delete from cancelled_movement where transaction_id > " + id("wm.inventory_transaction"));
            }
            Database.exec(c, "delete from serial_link where id > " + id("wm.serial_link"));
            unguarded(c, "serial_history", "serial_history_deleted_with_serial",
                    "delete from serial_history where id > " + historyWm);
            unguarded(c, "serial", "serial_3_ledger_on_update", "update serial set status = 'IN_STOCK', "
                    + "location_id = " + poolLoc + ", last_transaction_id = 1 where item_id = " + poolItem
                    + " and status <> 'IN_STOCK'");
            unguarded(c, "serial", "serial_3_ledger_on_update", "update serial set status = 'IN_STOCK', "
                    + "location_id = " + id("loc.KIT") + ", last_transaction_id = " + genealogy.kitDoc()
                    + " where item_id in (" + kitItems() + ") and status <> 'IN_STOCK'");
            // the warehouse's serials (scenario 15) back where their seeded RECEIVE says
            unguarded(c, "serial", "serial_3_ledger_on_update", warehouse.resetSql(APP));
            Database.exec(c, "delete from serial where id > " + serialWm);
            Database.exec(c, "delete from idempotency_key");
            Database.exec(c, "delete from transaction_line where id > " + id("wm.transaction_line"));
            Database.exec(c, "delete from inventory_transaction where id > " + id("wm.inventory_transaction"));
            Database.exec(c, "delete from audit_event where id > " + id("wm.audit_event"));
            Database.exec(c, "delete from serial_counter");
            Database.exec(c, "delete from party where id > " + id("wm.party"));
            Database.exec(c, "delete from stock s where not exists (select 1 from " + COPY + ".seed_stock x "
                    + "where x.item_id = s.item_id and x.location_id = s.location_id)");
            Database.exec(c, "update stock s set quantity = x.quantity from " + COPY + ".seed_stock x "
                    + "where x.item_id = s.item_id and x.location_id = s.location_id and s.quantity <> x.quantity");
            restoreCounters(c);
            Database.exec(c, "delete from " + COPY + ".serial_link where id > " + id("wm.serial_link"));
            Database.exec(c, "delete from " + COPY + ".serial_history where id > " + historyWm);
            Database.exec(c, "update " + COPY + ".serial set status = 'IN_STOCK', location_id = " + poolLoc
                    + ", last_transaction_id = 1 where item_id = " + poolItem + " and status <> 'IN_STOCK'");
            Database.exec(c, "update " + COPY + ".serial set status = 'IN_STOCK', location_id = " + id("loc.KIT")
                    + ", last_transaction_id = " + genealogy.kitDoc() + " where item_id in (" + kitItems()
                    + ") and status <> 'IN_STOCK'");
            Database.exec(c, warehouse.resetSql(COPY));
            Database.exec(c, "delete from " + COPY + ".serial where id > " + serialWm);
            c.commit();
            c.setAutoCommit(true);
            // this machine's PostgreSQL runs without autovacuum: what a run left dead goes now, or the
            // next run would pay for it (the hot rows above all)
            for (String t : List.of(APP + ".serial", APP + ".serial_history", COPY + ".serial", COPY + ".serial_history",
                    APP + ".serial_link", COPY + ".serial_link", APP + ".stock", APP + ".transaction_line",
                    APP + ".inventory_transaction", APP + ".document_counter", APP + ".serial_ledger_checked",
                    APP + ".audit_event")) {
                Database.exec(c, "vacuum analyze " + t);
            }
        }
        System.out.printf("reset to the seeded state in %.1f s%n", Stats.seconds(System.nanoTime() - t0));
    }

    /** Whether the schema has the recall tables (migration V16 of issue 14). */
    static boolean hasRecalls(Connection c) throws SQLException {
        return hasTable(c, "recall_suspect");
    }

    /** Whether the schema has this table (a migration after the seed's may add one that refers to its tables). */
    static boolean hasTable(Connection c, String table) throws SQLException {
        return Database.text(c, "select to_regclass(?)::text", table) != null;
    }

    private String kitItems() {
        StringBuilder ids = new StringBuilder();
        for (String sku : Genealogy.KIT_SKUS) {
            ids.append(ids.length() == 0 ? "" : ", ").append(id("item." + sku));
        }
        return ids.toString();
    }

    /** The document counters as seeded (0 for the types the seed wrote none of). */
    private void restoreCounters(Connection c) throws SQLException {
        Database.exec(c, "update document_counter set last_value = case type when 'RECEIPT' then "
                + info.getOrDefault("counter.RECEIPT", 0L) + " when 'SHIPMENT' then " + info.getOrDefault("counter.SHIPMENT", 0L)
                + " when 'BUILD' then " + info.getOrDefault("counter.BUILD", 0L) + " else 0 end");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("seed check failed: " + what);
        }
    }

    /** The seeded ids of the pool serials (1..pool), for picking shipments. */
    List<Long> poolIds() {
        List<Long> ids = new ArrayList<>((int) pool);
        for (long i = 1; i <= pool; i++) {
            ids.add(i);
        }
        return ids;
    }

    private static void step(String what) {
        System.out.printf("seed: %s%n", what);
    }
}
