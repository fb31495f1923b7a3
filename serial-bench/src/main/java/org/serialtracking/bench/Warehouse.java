package org.serialtracking.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeded warehouse of scenario 15, "a warehouse day" (issue 17), stored after the genealogy and
 * the kit (seed version 3): three companies (WH-A, WH-B, WH-C) with 7, 7 and 6 locations (WH-A01 …
 * WH-A07, WH-B01 …, WH-C01 … WH-C06), 1,000 serial-tracked items (WH-0001 … WH-1000) and
 * {@code perSlot} serials IN_STOCK of every item at every location (10 by default: 200,000 serials),
 * received by one RECEIPT per location from one supplier (WH-SUP): 20 documents of 1,000 lines
 * (one per item), one RECEIVE history row per serial, 20,000 stock rows counting them.
 * <p>
 * Its serials come on top of {@code --stored} (they are not part of the serials scenarios 1–14 read,
 * whose layout stays as it was): serial {@code W0042-07-0003} is the third of item WH-0042 at the
 * seventh location (WH-A07). Ids follow the layout below, as the genealogy's do, so the rows are
 * written set-wise by SQL ({@code generate_series}) at COPY speed; the customers the day ships to
 * are the genealogy's ({@code CUST00001} …).
 * <p>
 * A run's documents move these serials (ship, transfer, consume, return): the reset puts every one
 * of them back where its one remaining history row (the seed's RECEIVE) says, see {@link #resetSql}.
 */
final class Warehouse {

    static final int ITEMS = 1000;
    static final String[] COMPANIES = {"WH-A", "WH-B", "WH-C"};
    static final int[] LOCATIONS_PER_COMPANY = {7, 7, 6};
    static final int LOCATIONS = 20;
    static final String SUPPLIER = "WH-SUP";
    /** When the seeded serials were received. */
    static final String RECEIVED = "2026-06-01 08:00:00+00";

    /** Serials seeded per item and location. */
    final long perSlot;
    /** The last serial id and history id before the warehouse's. */
    final long serialBase;
    final long historyBase;
    /** The first document id and line id the warehouse takes. */
    final long firstDoc;
    final long firstLine;

    Warehouse(long perSlot, long serialBase, long historyBase, long firstDoc, long firstLine) {
        if (perSlot < 1 || perSlot > 9999) {
            throw new IllegalArgumentException("--wh-stock must be between 1 and 9999");
        }
        this.perSlot = perSlot;
        this.serialBase = serialBase;
        this.historyBase = historyBase;
        this.firstDoc = firstDoc;
        this.firstLine = firstLine;
    }

    long serialCount() {
        return (long) ITEMS * LOCATIONS * perSlot;
    }

    long lastDoc() {
        return firstDoc + LOCATIONS - 1;
    }

    long lastSerialId() {
        return serialBase + serialCount();
    }

    /** Item i, 1-based. */
    static String sku(int i) {
        return String.format("WH-%04d", i);
    }

    /** The company (0..2) of location l (0-based). */
    static int company(int l) {
        int c = 0;
        for (int first = 0; l >= first + LOCATIONS_PER_COMPANY[c]; c++) {
            first += LOCATIONS_PER_COMPANY[c];
        }
        return c;
    }

    /** Location l, 0-based: WH-A01 … WH-C06. */
    static String location(int l) {
        int c = company(l);
        int first = 0;
        for (int j = 0; j < c; j++) {
            first += LOCATIONS_PER_COMPANY[j];
        }
        return String.format("%s%02d", COMPANIES[c], l - first + 1);
    }

    /** The other locations of location l's company. */
    static List<Integer> sameCompany(int l) {
        List<Integer> others = new ArrayList<>();
        for (int m = 0; m < LOCATIONS; m++) {
            if (m != l && company(m) == company(l)) {
                others.add(m);
            }
        }
        return others;
    }

    /** The k-th (1-based) seeded serial of item i (1-based) at location l (0-based). */
    static String serial(int i, int l, long k) {
        return String.format("W%04d-%02d-%04d", i, l + 1, k);
    }

    /** Companies, locations, items and the supplier (the ids go into the seed's info). */
    void master(Connection c, Seed seed, long supplierId) throws SQLException {
        List<Long> companies = new ArrayList<>();
        for (String code : COMPANIES) {
            companies.add(Database.single(c, "insert into company (code, name) values (?, ?) returning id", code,
                    "Warehouse company " + code.substring(3)));
        }
        for (int l = 0; l < LOCATIONS; l++) {
            seed.info.put("loc." + location(l), Database.single(c, "insert into location (code, name, company_id) "
                    + "values (?, ?, ?) returning id", location(l), "Warehouse " + location(l), companies.get(company(l))));
        }
        Database.exec(c, "insert into item (sku, name, track_serials, serial_state) select 'WH-' || lpad(i::text, 4, '0'), "
                + "'Warehouse item ' || i, true, 'TRACKED' from generate_series(1, " + ITEMS + ") i order by i");
        Database.exec(c, "insert into party (id, kind, code, name) values (" + supplierId + ", 'SUPPLIER', '" + SUPPLIER
                + "', 'Warehouse supplier')");
        Database.exec(c, "select setval('party_id_seq', " + supplierId + ")");
        seed.info.put("party.wh-supplier", supplierId);
    }

    /** The location ids, as an SQL array indexed by l + 1. */
    private String locationArray(Seed seed) {
        StringBuilder a = new StringBuilder("(array[");
        for (int l = 0; l < LOCATIONS; l++) {
            a.append(l == 0 ? "" : ", ").append(seed.id("loc." + location(l)));
        }
        return a.append("]::bigint[])").toString();
    }

    private static final String ITEM_JOIN = "join item it on it.sku = 'WH-' || lpad(i::text, 4, '0') ";

    /** The 20 receipts (numbers from {@code receiptNumber}) and their 20,000 lines. */
    void documents(Connection c, Seed seed, long receiptNumber) throws SQLException {
        Database.exec(c, "insert into inventory_transaction (id, type, number, reference, posted_at, posted_by, party_id, "
                + "party_kind) select " + firstDoc + " + l, 'RECEIPT', 'RCV-' || lpad((" + receiptNumber + " + l)::text, "
                + "6, '0'), 'bench seed warehouse', timestamptz '" + RECEIVED + "', 'admin', " + seed.id("party.wh-supplier")
                + ", 'SUPPLIER' from generate_series(0, " + (LOCATIONS - 1) + ") l");
        Database.exec(c, "insert into transaction_line (id, transaction_id, line_no, item_id, location_id, quantity) "
                + "select " + firstLine + " + l * " + ITEMS + " + (i - 1), " + firstDoc + " + l, i, it.id, "
                + locationArray(seed) + "[l + 1], " + perSlot + " from generate_series(1, " + ITEMS + ") i " + ITEM_JOIN
                + "cross join generate_series(0, " + (LOCATIONS - 1) + ") l");
    }

    /** The serials and their RECEIVE rows (the caller has dropped the indexes and turned the triggers off). */
    void serialsAndHistory(Connection c, Seed seed) throws SQLException {
        String slot = "((i - 1) * " + LOCATIONS + " + l) * " + perSlot + " + k";
        String from = " from generate_series(1, " + ITEMS + ") i " + ITEM_JOIN + "cross join generate_series(0, "
                + (LOCATIONS - 1) + ") l cross join generate_series(1::bigint, " + perSlot + ") k";
        Database.exec(c, "insert into serial (id, serial, item_id, status, location_id, received_at, last_transaction_id) "
                + "select " + serialBase + " + " + slot + ", 'W' || lpad(i::text, 4, '0') || '-' || lpad((l + 1)::text, 2, '0') "
                + "|| '-' || lpad(k::text, 4, '0'), it.id, 'IN_STOCK', " + locationArray(seed) + "[l + 1], timestamptz '"
                + RECEIVED + "', " + firstDoc + " + l" + from);
        Database.exec(c, "insert into serial_history (id, serial_id, transaction_id, line_id, type, quantity, location_id, "
                + "at, username) select " + historyBase + " + " + slot + ", " + serialBase + " + " + slot + ", "
                + firstDoc + " + l, " + firstLine + " + l * " + ITEMS + " + (i - 1), 'RECEIVE', 1, "
                + locationArray(seed) + "[l + 1], timestamptz '" + RECEIVED + "', 'admin'" + from);
    }

    /** The stock rows: perSlot of every item at every location, all counted serials. */
    void stock(Connection c, Seed seed) throws SQLException {
        Database.exec(c, "insert into stock (item_id, location_id, quantity, in_stock_serials) select it.id, "
                + locationArray(seed) + "[l + 1], " + perSlot + ", " + perSlot + " from generate_series(1, " + ITEMS
                + ") i " + ITEM_JOIN + "cross join generate_series(0, " + (LOCATIONS - 1) + ") l");
    }

    /**
     * Puts the seeded serials a run moved back where the seed had them, in {@code schema} (the
     * server's or the baseline's), once the run's history rows are deleted: the one row each has left
     * is its RECEIVE, which says where, since when and by which document.
     */
    String resetSql(String schema) {
        return "update " + schema + ".serial s set status = 'IN_STOCK', location_id = h.location_id, "
                + "last_transaction_id = h.transaction_id, received_at = h.at from " + schema + ".serial_history h "
                + "where h.serial_id = s.id and s.id > " + serialBase + " and s.id <= " + lastSerialId()
                + " and h.serial_id > " + serialBase + " and h.serial_id <= " + lastSerialId()
                + " and (s.status <> 'IN_STOCK' or s.location_id is distinct from h.location_id "
                + "or s.last_transaction_id is distinct from h.transaction_id or s.received_at <> h.at)";
    }
}
