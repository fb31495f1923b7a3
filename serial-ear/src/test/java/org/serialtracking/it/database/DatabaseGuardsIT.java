package org.serialtracking.it.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.serialtracking.it.rest.Api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules the database keeps by itself, whoever writes (migrations V2, V7, V8, V9, V23): tried with
 * plain SQL against the schema of the server under test, each in a transaction that is rolled back.
 * <p>
 * Each guard is tried twice: as the schema is, the statement is refused by that guard (its SQLSTATE
 * and its own name in the message); and with the guard's trigger dropped (inside the same rolled
 * back transaction), the statement is not refused by it. So every test here fails when its own
 * trigger is missing, and none passes on another rule by accident. References that a real foreign
 * key also holds (stock to item and location, a line to its document) are not tried here: their
 * triggers are a second guard.
 */
class DatabaseGuardsIT {

    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String CHECK_VIOLATION = "23514";
    /** A recall of its own, for the guards of what suspects name (V23). */
    private static final String RECALL = "insert into recall (number, reason, criteria, created_by) "
            + "values ('GUARD-' || gen_random_uuid(), 'guard', '{}', 'guard')";

    /** One guard: the triggers that hold it ("name on table"), statements it refuses, and how. */
    record Guard(String name, List<String> triggers, String sqlState, String says, List<String> statements) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static long itemA;
    private static long itemB;
    private static long untracked;
    private static long location;
    private static long inStock;
    private static long shipped;
    private static long consumed;
    private static long buildTx;
    private static long componentLine;
    private static long shipmentLine;
    private static long shipmentTx;
    private static long untrackedTx;
    private static long untrackedLine;

    private Connection db;

    @BeforeAll
    static void aSmallLedger() throws SQLException {
        Api.useServerUnderTest();
        Api.enableTracking();
        String[] wh = Api.twoLocations();
        String a = Api.trackedItem();
        String b = Api.trackedItem();
        String bulk = Api.unique("BULK");
        Api.as("admin").body(Api.json("sku", bulk, "name", "Screws", "trackSerials", false)).post("/api/items")
                .then().statusCode(201);
        Api.as("clerk").body(Api.doc("RECEIPT", bulk, wh[0], 5)).post("/api/transactions").then().statusCode(201);
        String[] sn = Api.serials(4);
        Api.post("RECEIPT", a, wh[0], sn[0], sn[1]);
        Api.post("RECEIPT", b, wh[0], sn[2]);
        Api.post("SHIPMENT", a, wh[0], sn[1]);
        Api.as("clerk").body("{\"type\":\"BUILD\",\"lines\":[{\"sku\":\"" + b + "\",\"location\":\"" + wh[0]
                        + "\",\"quantity\":1,\"role\":\"COMPONENT\",\"serials\":[\"" + sn[2] + "\"]},{\"sku\":\"" + a
                        + "\",\"location\":\"" + wh[0] + "\",\"quantity\":1,\"role\":\"OUTPUT\",\"serials\":[\""
                        + sn[3] + "\"]}]}")
                .post("/api/transactions").then().statusCode(201);
        try (Connection c = Db.connect()) {
            itemA = id(c, "select id from item where sku = '" + a + "'");
            itemB = id(c, "select id from item where sku = '" + b + "'");
            untracked = id(c, "select id from item where sku = '" + bulk + "'");
            location = id(c, "select id from location where code = '" + wh[0] + "'");
            inStock = id(c, "select id from serial where serial = '" + sn[0] + "'");
            shipped = id(c, "select id from serial where serial = '" + sn[1] + "'");
            consumed = id(c, "select id from serial where serial = '" + sn[2] + "'");
            buildTx = id(c, "select transaction_id from serial_history where serial_id = " + consumed + " and type = 'CONSUME'");
            componentLine = id(c, "select line_id from serial_history where serial_id = " + consumed + " and type = 'CONSUME'");
            shipmentTx = id(c, "select transaction_id from serial_history where serial_id = " + shipped + " and type = 'SHIP'");
            shipmentLine = id(c, "select line_id from serial_history where serial_id = " + shipped + " and type = 'SHIP'");
            untrackedTx = id(c, "select transaction_id from transaction_line where item_id = " + untracked);
            untrackedLine = id(c, "select id from transaction_line where item_id = " + untracked);
        }
    }

    static List<Guard> guards() {
        String history = "insert into serial_history (serial_id, transaction_id, line_id, type, quantity, location_id, at, "
                + "username, reversal) ";
        return List.of(
                new Guard("a serial of an item that does not exist", List.of("serial_1_references_on_insert on serial"),
                        FOREIGN_KEY_VIOLATION, "serial_item_id_fkey",
                        List.of("insert into serial (serial, item_id, status, location_id) "
                                + "values ('guard-' || gen_random_uuid(), -1, 'SHIPPED', null)")),
                new Guard("a history row naming a line of another document", List.of("serial_history_1_references_on_insert on serial_history"), FOREIGN_KEY_VIOLATION, "serial_history_line_fkey",
                        List.of(history + "select " + inStock + ", " + buildTx + ", " + shipmentLine
                                + ", 'SHIP', -1, " + location + ", now(), 'guard', false")),
                new Guard("a line that history refers to is deleted", List.of("transaction_line_referenced_by_serials on transaction_line"), FOREIGN_KEY_VIOLATION, "serial data refers",
                        List.of("delete from transaction_line where id = " + shipmentLine)),
                new Guard("a line's key changes", List.of("transaction_line_key_referenced_by_serials on transaction_line"),
                        FOREIGN_KEY_VIOLATION, "never changes",
                        List.of("update transaction_line set id = -id where id = " + shipmentLine)),
                new Guard("lines are truncated under history", List.of("transaction_line_truncate_referenced_by_serials on transaction_line"), FOREIGN_KEY_VIOLATION, "serial data refers",
                        // cancelled_movement (V19) keeps a foreign key to lines: truncated with them, so that it is
                        // the guard that refuses, not PostgreSQL's own check of that key
                        List.of("truncate table transaction_line, cancelled_movement")),
                new Guard("a consumed serial comes back by a plain update", List.of("serial_3_ledger_on_update on serial"),
                        CHECK_VIOLATION, "serial_ledger",
                        List.of("update serial set status = 'IN_STOCK', location_id = " + location + " where id = " + consumed)),
                new Guard("a consumed serial comes back with a made-up return", List.of("serial_3_ledger_on_update on serial"),
                        CHECK_VIOLATION, "cannot become IN_STOCK from CONSUMED",
                        List.of("with u as (update serial set status = 'IN_STOCK', location_id = " + location
                                + " where id = " + consumed + " returning id) " + history + "select u.id, " + buildTx
                                + ", " + componentLine + ", 'RETURN', 1, " + location + ", now(), 'guard', false from u")),
                new Guard("a serial leaves stock without history", List.of("serial_3_ledger_on_update on serial"),
                        CHECK_VIOLATION, "history adds up to 1",
                        List.of("update serial set status = 'SHIPPED', location_id = null where id = " + inStock)),
                new Guard("history without the serial's change", List.of("serial_history_3_ledger_on_insert on serial_history"),
                        CHECK_VIOLATION, "serial_ledger",
                        List.of(history + "select " + inStock + ", " + shipmentTx + ", " + shipmentLine + ", 'SHIP', -1, "
                                + location + ", now(), 'guard', false")),
                new Guard("a restock of another item's serial",
                        List.of("serial_3_ledger_on_update on serial", "serial_history_3_ledger_on_insert on serial_history"),
                        CHECK_VIOLATION, "another item",
                        List.of("with u as (update serial set status = 'IN_STOCK', location_id = " + location
                                + " where id = " + shipped + " returning id) " + history + "select u.id, " + buildTx
                                + ", " + componentLine + ", 'RETURN', 1, " + location + ", now(), 'guard', false from u")),
                new Guard("history is changed", List.of("serial_history_append_only on serial_history"), CHECK_VIOLATION,
                        "serial_history_append_only",
                        List.of("update serial_history set quantity = -quantity where serial_id = " + inStock)),
                new Guard("history is deleted without its serial", List.of("serial_history_deleted_with_serial on serial_history"),
                        CHECK_VIOLATION, "serial_history_append_only",
                        List.of("delete from serial_history where serial_id = " + shipped)),
                new Guard("a serial changes its number", List.of("serial_identity_fixed on serial"), CHECK_VIOLATION,
                        "serial_identity_fixed",
                        List.of("update serial set serial = serial || '-X' where id = " + shipped)),
                new Guard("a serial changes its item", List.of("serial_identity_fixed on serial"), CHECK_VIOLATION,
                        "serial_identity_fixed",
                        List.of("update serial set item_id = " + itemB + " where id = " + shipped)),
                new Guard("an item stops tracking with serials in stock", List.of("item_tracking_matches_stock on item"),
                        CHECK_VIOLATION, "item_tracks_its_serials",
                        List.of("update item set track_serials = false, serial_state = 'UNTRACKED', "
                                + "auto_serial_number = false, auto_serial_format = null where id = " + itemA,
                                "set constraints all immediate")),
                new Guard("an item starts tracking over stock without serials", List.of("item_tracking_matches_stock on item"),
                        CHECK_VIOLATION, "stock_matches_serials",
                        List.of("update item set track_serials = true, serial_state = 'TRACKED' where id = " + untracked,
                                "set constraints all immediate")),
                new Guard("an untracked item's serial in stock", List.of("serial_3_ledger_on_insert on serial"),
                        CHECK_VIOLATION, "item_tracks_its_serials",
                        List.of("with s as (insert into serial (serial, item_id, status, location_id) values "
                                + "('guard-' || gen_random_uuid(), " + untracked + ", 'IN_STOCK', " + location
                                + ") returning id) " + history + "select s.id, " + untrackedTx + ", " + untrackedLine
                                + ", 'RECEIVE', 1, " + location + ", now(), 'guard', false from s")),
                // V23: what recall suspects name, checked per statement
                new Guard("a suspect of a recall that does not exist",
                        List.of("recall_suspect_references_on_insert on recall_suspect"), FOREIGN_KEY_VIOLATION,
                        "recall_suspect_recall_id_fkey",
                        List.of("insert into recall_suspect (recall_id, serial_id, source) values (-1, " + inStock
                                + ", 'SERIAL')")),
                new Guard("a suspect naming a document that does not exist",
                        List.of("recall_suspect_references_on_insert on recall_suspect"), FOREIGN_KEY_VIOLATION,
                        "recall_suspect_document_id_fkey",
                        List.of(RECALL, "insert into recall_suspect (recall_id, serial_id, source, document_id) "
                                + "values (currval('recall_id_seq'), " + inStock + ", 'RECEIPT', -1)")),
                new Guard("a recall its suspects name is deleted",
                        List.of("recall_referenced_by_suspects on recall"), FOREIGN_KEY_VIOLATION, "recall suspects refer",
                        List.of(RECALL, "insert into recall_suspect (recall_id, serial_id, source) "
                                + "values (currval('recall_id_seq'), " + inStock + ", 'SERIAL')",
                                "delete from recall where id = currval('recall_id_seq')")),
                new Guard("a document its suspects name is deleted",
                        List.of("inventory_transaction_referenced_by_suspects on inventory_transaction"),
                        FOREIGN_KEY_VIOLATION, "recall suspects refer",
                        List.of("insert into inventory_transaction (type, number, posted_by) values ('RECEIPT', "
                                        + "'GUARD-' || gen_random_uuid(), 'guard')", RECALL,
                                "insert into recall_suspect (recall_id, serial_id, source, document_id) values "
                                        + "(currval('recall_id_seq'), " + inStock + ", 'RECEIPT', "
                                        + "currval('inventory_transaction_id_seq'))",
                                "delete from inventory_transaction where id = currval('inventory_transaction_id_seq')")),
                new Guard("recalls are truncated under their suspects",
                        List.of("recall_truncate_referenced_by_suspects on recall"), FOREIGN_KEY_VIOLATION,
                        "recall suspects refer",
                        List.of(RECALL, "insert into recall_suspect (recall_id, serial_id, source) "
                                + "values (currval('recall_id_seq'), " + inStock + ", 'SERIAL')", "truncate table recall")),
                new Guard("on-hand changes without serials", List.of("stock_matches_serials on stock"), CHECK_VIOLATION,
                        "stock_matches_serials",
                        List.of("update stock set quantity = quantity + 1 where item_id = " + itemA
                                + " and location_id = " + location, "set constraints all immediate")));
    }

    @BeforeEach
    void open() throws SQLException {
        db = Db.connect();
        db.setAutoCommit(false);
    }

    @AfterEach
    void rollBack() throws SQLException {
        db.rollback();
        db.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guards")
    void refusedByItsGuard(Guard g) {
        Optional<SQLException> refusal = run(g.statements());
        assertThat(refusal).as(g.name() + " is refused").isPresent();
        assertThat(refusal.get().getSQLState()).as(refusal.get().getMessage()).isEqualTo(g.sqlState());
        assertThat(refusal.get().getMessage()).contains(g.says());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guards")
    void notRefusedThatWayWithoutItsGuard(Guard g) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String trigger : g.triggers()) {
                s.execute("drop trigger " + trigger);
            }
        }
        Optional<SQLException> refusal = run(g.statements());
        assertThat(refusal.map(SQLException::getMessage).orElse("accepted"))
                .as("without " + g.triggers() + ", nothing else refuses " + g.name() + " as it does")
                .doesNotContain(g.says());
    }

    @Test
    void deletesAndTruncationsOfMasterDataAreRefusedUnderRepeatableRead() throws SQLException {
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        Optional<SQLException> delete = run(List.of("delete from location where id = -1"));
        assertThat(delete).hasValueSatisfying(e -> assertThat(e.getMessage()).contains("only under READ COMMITTED"));
        db.rollback();
        Optional<SQLException> truncate = run(List.of("truncate table transaction_line, cancelled_movement"));
        assertThat(truncate).hasValueSatisfying(e -> assertThat(e.getMessage()).contains("only under READ COMMITTED"));
    }

    /**
     * Two connections: a line is deleted while another transaction writes history on it. Whichever
     * commits first, no history row is left pointing at a line that does not exist.
     */
    @Test
    void aDeleteRacingAnInsertLeavesNoDanglingReference() throws Exception {
        for (boolean deleteFirst : new boolean[]{true, false}) {
            long line;
            long tx;
            try (Connection c = Db.connect()) {
                tx = id(c, "insert into inventory_transaction (type, number, posted_by) values ('RECEIPT', "
                        + "'RACE-' || gen_random_uuid(), 'guard') returning id");
                line = id(c, "insert into transaction_line (transaction_id, line_no, item_id, location_id, quantity) "
                        + "values (" + tx + ", 1, " + itemA + ", " + location + ", 1) returning id");
            }
            try (Connection inserter = Db.connect(); Connection deleter = Db.connect()) {
                inserter.setAutoCommit(false);
                deleter.setAutoCommit(false);
                String insert = "with s as (insert into serial (serial, item_id, status, location_id, last_transaction_id) "
                        + "values ('RACE-' || gen_random_uuid(), " + itemA + ", 'IN_STOCK', " + location + ", " + tx
                        + ") returning id) insert into serial_history (serial_id, transaction_id, line_id, type, "
                        + "quantity, location_id, at, username) select s.id, " + tx + ", " + line + ", 'RECEIVE', 1, "
                        + location + ", now(), 'guard' from s; update stock set quantity = quantity + 1 "
                        + "where item_id = " + itemA + " and location_id = " + location;
                String delete = "delete from transaction_line where id = " + line;
                Connection first = deleteFirst ? deleter : inserter;
                Connection second = deleteFirst ? inserter : deleter;
                execute(first, deleteFirst ? delete : insert);
                // the second waits for the first's locks; it finishes only after the first commits
                CompletableFuture<Optional<SQLException>> waiting = CompletableFuture.supplyAsync(() ->
                        tryExecute(second, deleteFirst ? insert : delete));
                Thread.sleep(300);
                assertThat(waiting).as("the second statement waits for the first transaction").isNotDone();
                first.commit();
                Optional<SQLException> outcome = waiting.get(10, TimeUnit.SECONDS);
                assertThat(outcome).as("the later statement is refused (delete first: " + deleteFirst + ")")
                        .hasValueSatisfying(e -> assertThat(e.getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION));
                second.rollback();
            }
            try (Connection c = Db.connect()) {
                assertThat(id(c, "select count(*) from serial_history h where not exists "
                        + "(select 1 from transaction_line l where l.id = h.line_id)")).isZero();
                if (deleteFirst) {
                    // the document lost its only line: it goes too, so the ledger holds no empty document
                    execute(c, "delete from inventory_transaction where id = " + tx);
                }
            }
        }
    }

    private Optional<SQLException> run(List<String> statements) {
        try (Statement s = db.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e);
        }
    }

    private static Optional<SQLException> tryExecute(Connection c, String sql) {
        try {
            execute(c, sql);
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long id(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }

}
