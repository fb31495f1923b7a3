package org.serialtracking.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seeded genealogy (issue 14), part of the stored serials: {@code units} finished units
 * (BENCH-UNIT), each built from a sub-assembly (BENCH-SUB) and two bought parts (BENCH-PA, BENCH-PB);
 * each sub-assembly built from two bought parts (BENCH-PC, BENCH-PD). So a third of the units'
 * components are sub-assemblies of two more components each: 6 serials per unit. The bought parts
 * came with receipts from one supplier; a quarter of the sub-assembly builds also consumed an
 * untracked material (BENCH-RESIN, a component line without serials); 60 % of the units were shipped
 * to {@code customers} customers. Everything happened at location FG during 2025, spread evenly over
 * the year: a one-month window holds about a twelfth of the builds.
 * <p>
 * Documents, lines, serials, history rows and links are written set-wise by SQL
 * ({@code generate_series}) with ids computed from the layout below, so that every history row
 * names a line of its own document and of its serial's item, every serial's history adds up to its
 * status and location and ends with its last document, and each serial's rows are in time order.
 * Documents per 100 units (a batch): one sub-assembly build, one unit build (the components assigned
 * one to one, so every link is exact), six shipments of 10 units each (one customer each); one
 * receipt of parts per 10 batches.
 * <p>
 * Also the stock of scenario 13: {@code kit} serials in stock at KIT for each of BENCH-KA, BENCH-KB,
 * BENCH-KC (its build's components; its units are BENCH-ASM).
 */
final class Genealogy {

    static final int BATCH = 100;
    static final int SHIPMENTS_PER_BATCH = 6;
    static final String UNIT_SKU = "BENCH-UNIT";
    static final String SUB_SKU = "BENCH-SUB";
    static final String[] PART_SKUS = {"BENCH-PA", "BENCH-PB", "BENCH-PC", "BENCH-PD"};
    static final String[] PART_PREFIXES = {"CA", "CB", "CC", "CD"};
    static final String RESIN_SKU = "BENCH-RESIN";
    static final String[] KIT_SKUS = {"BENCH-KA", "BENCH-KB", "BENCH-KC"};
    static final String[] KIT_PREFIXES = {"KA", "KB", "KC"};
    static final String ASM_SKU = "BENCH-ASM";
    /** Resin per sub-assembly, and what is left in stock. */
    static final int RESIN_EACH = 2;
    static final int RESIN_LEFT = 10_000;

    final long units;
    final long kit;
    final long customers;
    final long batches;
    final long receipts;
    final long shipments;
    final long resinBuilds;
    /** The last serial id before the genealogy's (pool and archive come first). */
    final long serialBase;
    final long historyBase;
    /** The first document id and line id the genealogy takes. */
    static final long FIRST_DOC = 4;
    static final long FIRST_LINE = 4;

    Genealogy(long units, long kit, long customers, long serialBase, long historyBase) {
        if (units <= 0 || units % (BATCH * 10) != 0) {
            throw new IllegalArgumentException("--units must be a positive multiple of " + BATCH * 10);
        }
        this.units = units;
        this.kit = kit;
        this.customers = customers;
        this.batches = units / BATCH;
        this.receipts = batches / 10;
        this.shipments = batches * SHIPMENTS_PER_BATCH;
        this.resinBuilds = (batches + 3) / 4;
        this.serialBase = serialBase;
        this.historyBase = historyBase;
    }

    /** Serials the genealogy and the kit store. */
    static long serials(long units, long kit) {
        return 6 * units + 3 * kit;
    }

    long serialCount() {
        return serials(units, kit);
    }

    // ---- the layout: ids of serials, documents and lines

    long unitId(long u) {
        return serialBase + u;
    }

    long subId(long u) {
        return serialBase + units + u;
    }

    /** Part k (0..3: PA, PB of the unit; PC, PD of its sub-assembly) of unit u. */
    long partId(int k, long u) {
        return serialBase + (2 + k) * units + u;
    }

    long kitId(int j, long k) {
        return serialBase + 6 * units + j * kit + k;
    }

    long resinDoc() {
        return FIRST_DOC;
    }

    long receiptDoc(long g) {
        return FIRST_DOC + 1 + g;
    }

    long subBuildDoc(long b) {
        return FIRST_DOC + 1 + receipts + 2 * b;
    }

    long unitBuildDoc(long b) {
        return subBuildDoc(b) + 1;
    }

    long shipDoc(long s) {
        return FIRST_DOC + 1 + receipts + 2 * batches + s;
    }

    long kitDoc() {
        return shipDoc(shipments);
    }

    long lastDoc() {
        return kitDoc();
    }

    long firstBuildLine() {
        return FIRST_LINE + 1 + 4 * receipts;
    }

    long firstShipLine() {
        return firstBuildLine() + 8 * batches;
    }

    long kitLine(int j) {
        return firstShipLine() + shipments + j;
    }

    long lastLine() {
        return kitLine(2);
    }

    long shipped() {
        return shipments * 10;
    }

    long historyRows() {
        return 4 * units + 7 * units + shipped() + 3 * kit;
    }

    long links() {
        return 5 * units;
    }

    static String unitSerial(long u) {
        return String.format("U%08d", u);
    }

    static String subSerial(long u) {
        return String.format("S%08d", u);
    }

    static String partSerial(int k, long u) {
        return String.format("%s%08d", PART_PREFIXES[k], u);
    }

    static String kitSerial(int j, long k) {
        return String.format("%s%08d", KIT_PREFIXES[j], k);
    }

    /** The serial number of a genealogy or kit serial id, or null. */
    String serialOf(long id) {
        long i = id - serialBase;
        if (i < 1 || i > serialCount()) {
            return null;
        }
        long block = (i - 1) / units;
        long u = (i - 1) % units + 1;
        if (block == 0) {
            return unitSerial(u);
        }
        if (block == 1) {
            return subSerial(u);
        }
        if (block < 6) {
            return partSerial((int) block - 2, u);
        }
        long k = i - 6 * units;
        return kitSerial((int) ((k - 1) / kit), (k - 1) % kit + 1);
    }

    /** Whether unit u was shipped (6 of every 10). */
    static boolean unitShipped(long u) {
        return (u - 1) % 10 < 6;
    }

    // ---- the SQL

    private Map<String, String> vars(Seed seed) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("U", Long.toString(units));
        v.put("KN", Long.toString(kit));
        v.put("NB", Long.toString(batches));
        v.put("NR", Long.toString(receipts));
        v.put("NS", Long.toString(shipments));
        v.put("G0", Long.toString(serialBase));
        v.put("H0", Long.toString(historyBase));
        v.put("H1", Long.toString(historyBase + 4 * units));
        v.put("H2", Long.toString(historyBase + 11 * units));
        v.put("H3", Long.toString(historyBase + 11 * units + shipped()));
        v.put("FG", Long.toString(seed.id("loc.FG")));
        v.put("KIT", Long.toString(seed.id("loc.KIT")));
        v.put("UNIT", Long.toString(seed.id("item." + UNIT_SKU)));
        v.put("SUB", Long.toString(seed.id("item." + SUB_SKU)));
        v.put("RESIN", Long.toString(seed.id("item." + RESIN_SKU)));
        for (int k = 0; k < 4; k++) {
            v.put("P" + k, Long.toString(seed.id("item." + PART_SKUS[k])));
        }
        for (int j = 0; j < 3; j++) {
            v.put("K" + j, Long.toString(seed.id("item." + KIT_SKUS[j])));
        }
        v.put("SUPPLIER", Long.toString(seed.id("party.supplier")));
        v.put("RDOC", Long.toString(resinDoc()));
        v.put("DR0", Long.toString(receiptDoc(0)));
        v.put("DB0", Long.toString(subBuildDoc(0)));
        v.put("DS0", Long.toString(shipDoc(0)));
        v.put("DK", Long.toString(kitDoc()));
        v.put("LR", Long.toString(FIRST_LINE));
        v.put("LR0", Long.toString(FIRST_LINE + 1));
        v.put("LB0", Long.toString(firstBuildLine()));
        v.put("LS0", Long.toString(firstShipLine()));
        v.put("LK0", Long.toString(kitLine(0)));
        v.put("RESIN_IN", Long.toString(resinBuilds * BATCH * RESIN_EACH + RESIN_LEFT));
        v.put("RESIN_EACH", Long.toString(BATCH * RESIN_EACH));
        // times: batch b's day of 2025, the receipt of parts 3 days before its first batch
        v.put("DAY(b)", "(timestamptz '2025-01-01 00:00:00+00' + ((b) * 360 / ${NB}) * interval '1 day')");
        return v;
    }

    private static String sql(String template, Map<String, String> vars) {
        String s = template;
        // DAY(x) first: its expansion holds ${NB}
        while (s.contains("${DAY(")) {
            int at = s.indexOf("${DAY(");
            int end = s.indexOf(")}", at);
            String arg = s.substring(at + 6, end);
            s = s.substring(0, at) + vars.get("DAY(b)").replace("(b)", "(" + arg + ")") + s.substring(end + 2);
        }
        for (Map.Entry<String, String> e : vars.entrySet()) {
            s = s.replace("${" + e.getKey() + "}", e.getValue());
        }
        if (s.contains("${")) {
            throw new IllegalStateException("unresolved placeholder in " + s);
        }
        return s;
    }

    private static String number(String prefix, String n) {
        return "'" + prefix + "-' || lpad((" + n + ")::text, greatest(6, length((" + n + ")::text)), '0')";
    }

    /** Parties: the customers (ids 1..customers) and one supplier. */
    void parties(Connection c, Seed seed) throws SQLException {
        Database.exec(c, "insert into party (id, kind, code, name) select i, 'CUSTOMER', 'CUST' || lpad(i::text, 5, '0'), "
                + "'Bench customer ' || i from generate_series(1, " + customers + ") i");
        long supplier = customers + 1;
        Database.exec(c, "insert into party (id, kind, code, name) values (" + supplier
                + ", 'SUPPLIER', 'BENCH-SUP', 'Bench supplier')");
        Database.exec(c, "select setval('party_id_seq', " + supplier + ")");
        seed.info.put("party.supplier", supplier);
    }

    /** Documents and lines (with their indexes and keys in place: a few hundred thousand rows). */
    void documents(Connection c, Seed seed, long receiptNumberBase, long shipmentNumberBase) throws SQLException {
        Map<String, String> v = vars(seed);
        v.put("RN", Long.toString(receiptNumberBase));
        v.put("SN", Long.toString(shipmentNumberBase));
        Database.exec(c, sql("insert into inventory_transaction (id, type, number, reference, posted_at, posted_by, "
                + "party_id, party_kind) "
                + "select ${RDOC}, 'RECEIPT', " + number("RCV", "${RN} + 1") + ", 'bench seed resin', "
                + "timestamptz '2024-12-01 08:00:00+00', 'admin', null, null "
                + "union all select ${DR0} + g, 'RECEIPT', " + number("RCV", "${RN} + 2 + g") + ", 'bench seed parts', "
                + "${DAY(10 * g)} - interval '3 days' + interval '8 hours', 'admin', ${SUPPLIER}, 'SUPPLIER' "
                + "from generate_series(0::bigint, ${NR} - 1) g "
                + "union all select ${DB0} + 2 * b + x, 'BUILD', " + number("BLD", "2 * b + x + 1") + ", "
                + "case x when 0 then 'bench seed sub-assemblies' else 'bench seed units' end, "
                + "${DAY(b)} + case x when 0 then interval '9 hours' else interval '14 hours' end, 'admin', null, null "
                + "from generate_series(0::bigint, ${NB} - 1) b cross join generate_series(0, 1) x "
                + "union all select ${DS0} + s, 'SHIPMENT', " + number("SHP", "${SN} + 1 + s") + ", 'bench seed', "
                + "${DAY(s / 6)} + interval '7 days' + (s % 6) * interval '1 hour', 'admin', "
                + "1 + (s * 7919) % " + customers + ", 'CUSTOMER' from generate_series(0::bigint, ${NS} - 1) s "
                + "union all select ${DK}, 'RECEIPT', " + number("RCV", "${RN} + 2 + ${NR}") + ", 'bench seed kit', "
                + "timestamptz '2026-11-01 08:00:00+00', 'admin', null, null", v));
        Database.exec(c, sql("insert into transaction_line (id, transaction_id, line_no, item_id, location_id, quantity, role) "
                + "select ${LR}, ${RDOC}, 1, ${RESIN}, ${FG}, ${RESIN_IN}, null "
                + "union all select ${LR0} + 4 * g + k, ${DR0} + g, k + 1, (array[${P0}, ${P1}, ${P2}, ${P3}])[k + 1], ${FG}, "
                + 10 * BATCH + ", null from generate_series(0::bigint, ${NR} - 1) g cross join generate_series(0, 3) k "
                // per batch 8 line slots: sub build (output, PC, PD, resin), unit build (output, SUB, PA, PB)
                + "union all select ${LB0} + 8 * b + x.slot, ${DB0} + 2 * b + x.doc, x.line_no, x.item, ${FG}, x.quantity, x.role "
                + "from generate_series(0::bigint, ${NB} - 1) b cross join lateral (values "
                + "(0, 0, 1, ${SUB}, " + BATCH + ", 'OUTPUT'), (1, 0, 2, ${P2}, " + BATCH + ", 'COMPONENT'), "
                + "(2, 0, 3, ${P3}, " + BATCH + ", 'COMPONENT'), (3, 0, 4, ${RESIN}, ${RESIN_EACH}, 'COMPONENT'), "
                + "(4, 1, 1, ${UNIT}, " + BATCH + ", 'OUTPUT'), (5, 1, 2, ${SUB}, " + BATCH + ", 'COMPONENT'), "
                + "(6, 1, 3, ${P0}, " + BATCH + ", 'COMPONENT'), (7, 1, 4, ${P1}, " + BATCH + ", 'COMPONENT')"
                + ") as x(slot, doc, line_no, item, quantity, role) where x.slot <> 3 or b % 4 = 0 "
                + "union all select ${LS0} + s, ${DS0} + s, 1, ${UNIT}, ${FG}, 10, null "
                + "from generate_series(0::bigint, ${NS} - 1) s "
                + "union all select ${LK0} + j, ${DK}, j + 1, (array[${K0}, ${K1}, ${K2}])[j + 1], ${KIT}, ${KN}, null "
                + "from generate_series(0, 2) j", v));
    }

    /** Serials, history rows and links (the caller has dropped their indexes and turned their triggers off). */
    void serialsHistoryAndLinks(Connection c, Seed seed) throws SQLException {
        Map<String, String> v = vars(seed);
        String batch = "(u - 1) / " + BATCH;
        Database.exec(c, sql("insert into serial (id, serial, item_id, status, location_id, received_at, last_transaction_id) "
                + "select ${G0} + u, 'U' || lpad(u::text, 8, '0'), ${UNIT}, "
                + "case when shipped then 'SHIPPED' else 'IN_STOCK' end, case when shipped then null else ${FG} end, "
                + "${DAY(b)} + interval '14 hours', case when shipped then ${DS0} + 6 * b + (u - 1) % 10 "
                + "else ${DB0} + 2 * b + 1 end "
                + "from (select u, " + batch + " as b, (u - 1) % 10 < 6 as shipped "
                + "from generate_series(1::bigint, ${U}) u) x", v));
        Database.exec(c, sql("insert into serial (id, serial, item_id, status, location_id, received_at, last_transaction_id) "
                + "select ${G0} + ${U} + u, 'S' || lpad(u::text, 8, '0'), ${SUB}, 'CONSUMED', null, "
                + "${DAY(b)} + interval '9 hours', ${DB0} + 2 * b + 1 "
                + "from (select u, " + batch + " as b from generate_series(1::bigint, ${U}) u) x", v));
        Database.exec(c, sql("insert into serial (id, serial, item_id, status, location_id, received_at, last_transaction_id) "
                + "select ${G0} + (2 + k) * ${U} + u, (array['CA', 'CB', 'CC', 'CD'])[k + 1] || lpad(u::text, 8, '0'), "
                + "(array[${P0}, ${P1}, ${P2}, ${P3}])[k + 1], 'CONSUMED', null, "
                + "${DAY(10 * (b / 10))} - interval '3 days' + interval '8 hours', "
                + "case when k < 2 then ${DB0} + 2 * b + 1 else ${DB0} + 2 * b end "
                + "from (select u, " + batch + " as b from generate_series(1::bigint, ${U}) u) x "
                + "cross join generate_series(0, 3) k", v));
        Database.exec(c, sql("insert into serial (id, serial, item_id, status, location_id, received_at, last_transaction_id) "
                + "select ${G0} + 6 * ${U} + j * ${KN} + k, (array['KA', 'KB', 'KC'])[j + 1] || lpad(k::text, 8, '0'), "
                + "(array[${K0}, ${K1}, ${K2}])[j + 1], 'IN_STOCK', ${KIT}, timestamptz '2026-11-01 08:00:00+00', ${DK} "
                + "from generate_series(0, 2) j cross join generate_series(1::bigint, ${KN}) k", v));

        String history = "insert into serial_history (id, serial_id, transaction_id, line_id, type, quantity, location_id, "
                + "at, username) ";
        // 1. the bought parts received (4 per unit), 3 days before their batch's 10-batch group
        Database.exec(c, sql(history + "select ${H0} + 4 * (u - 1) + k + 1, ${G0} + (2 + k) * ${U} + u, ${DR0} + b / 10, "
                + "${LR0} + 4 * (b / 10) + k, 'RECEIVE', 1, ${FG}, "
                + "${DAY(10 * (b / 10))} - interval '3 days' + interval '8 hours', 'admin' "
                + "from (select u, " + batch + " as b from generate_series(1::bigint, ${U}) u) x "
                + "cross join generate_series(0, 3) k", v));
        // 2. the builds: the sub-assembly built of PC and PD, then the unit of the sub-assembly, PA and PB
        Database.exec(c, sql(history + "select ${H1} + 7 * (u - 1) + y.j + 1, y.serial_id, ${DB0} + 2 * b + y.doc, "
                + "${LB0} + 8 * b + y.slot, y.type, y.quantity::smallint, ${FG}, "
                + "${DAY(b)} + case y.doc when 0 then interval '9 hours' else interval '14 hours' end, 'admin' "
                + "from (select u, " + batch + " as b from generate_series(1::bigint, ${U}) u) x cross join lateral (values "
                + "(0, ${G0} + ${U} + u, 0, 0, 'BUILD', 1), (1, ${G0} + 4 * ${U} + u, 0, 1, 'CONSUME', -1), "
                + "(2, ${G0} + 5 * ${U} + u, 0, 2, 'CONSUME', -1), (3, ${G0} + u, 1, 4, 'BUILD', 1), "
                + "(4, ${G0} + ${U} + u, 1, 5, 'CONSUME', -1), (5, ${G0} + 2 * ${U} + u, 1, 6, 'CONSUME', -1), "
                + "(6, ${G0} + 3 * ${U} + u, 1, 7, 'CONSUME', -1)) as y(j, serial_id, doc, slot, type, quantity)", v));
        // 3. the shipped units: shipment 6 b + r of batch b takes its units with (u - 1) % 10 = r
        Database.exec(c, sql(history + "select ${H2} + ((u - 1) / 10) * 6 + (u - 1) % 10 + 1, ${G0} + u, "
                + "${DS0} + 6 * b + (u - 1) % 10, ${LS0} + 6 * b + (u - 1) % 10, 'SHIP', -1, ${FG}, "
                + "${DAY(b)} + interval '7 days' + ((u - 1) % 10) * interval '1 hour', 'admin' "
                + "from (select u, " + batch + " as b from generate_series(1::bigint, ${U}) u) x where (u - 1) % 10 < 6", v));
        // 4. the kit of scenario 13, received at KIT
        Database.exec(c, sql(history + "select ${H3} + j * ${KN} + k, ${G0} + 6 * ${U} + j * ${KN} + k, ${DK}, ${LK0} + j, "
                + "'RECEIVE', 1, ${KIT}, timestamptz '2026-11-01 08:00:00+00', 'admin' "
                + "from generate_series(0, 2) j cross join generate_series(1::bigint, ${KN}) k", v));

        Database.exec(c, sql("insert into serial_link (id, transaction_id, component_id, assembly_id, exact, linked_at) "
                + "select 5 * (u - 1) + y.j + 1, ${DB0} + 2 * b + y.doc, y.component, y.assembly, true, "
                + "${DAY(b)} + case y.doc when 0 then interval '9 hours' else interval '14 hours' end "
                + "from (select u, " + batch + " as b from generate_series(1::bigint, ${U}) u) x cross join lateral (values "
                + "(0, 0, ${G0} + 4 * ${U} + u, ${G0} + ${U} + u), (1, 0, ${G0} + 5 * ${U} + u, ${G0} + ${U} + u), "
                + "(2, 1, ${G0} + ${U} + u, ${G0} + u), (3, 1, ${G0} + 2 * ${U} + u, ${G0} + u), "
                + "(4, 1, ${G0} + 3 * ${U} + u, ${G0} + u)) as y(j, doc, component, assembly)", v));
    }

    /** The genealogy's stock rows: units in stock at FG, the consumed items at 0, resin left, the kit. */
    String stockValues(Seed seed) {
        long fg = seed.id("loc.FG");
        StringBuilder s = new StringBuilder();
        s.append("(").append(seed.id("item." + UNIT_SKU)).append(", ").append(fg).append(", ")
                .append(units - shipped()).append(", ").append(units - shipped()).append(")");
        s.append(", (").append(seed.id("item." + SUB_SKU)).append(", ").append(fg).append(", 0, 0)");
        for (String sku : PART_SKUS) {
            s.append(", (").append(seed.id("item." + sku)).append(", ").append(fg).append(", 0, 0)");
        }
        s.append(", (").append(seed.id("item." + RESIN_SKU)).append(", ").append(fg).append(", ").append(RESIN_LEFT)
                .append(", 0)");
        for (String sku : KIT_SKUS) {
            s.append(", (").append(seed.id("item." + sku)).append(", ").append(seed.id("loc.KIT")).append(", ")
                    .append(kit).append(", ").append(kit).append(")");
        }
        return s.toString();
    }
}
