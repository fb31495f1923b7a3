package org.serialtracking.it.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serialtracking.it.rest.Api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules the database keeps by itself, whoever writes (migrations V2, V7, V8): tried with plain
 * SQL against the schema of the server under test, each in a transaction that is rolled back.
 */
class DatabaseGuardsIT {

    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String CHECK_VIOLATION = "23514";

    private static long itemId;
    private static long serialId;
    private static long locationId;

    private Connection db;

    @BeforeAll
    static void aReceivedSerial() throws SQLException {
        Api.useServerUnderTest();
        Api.enableTracking();
        String location = Api.twoLocations()[0];
        String sku = Api.trackedItem();
        String serial = Api.serials(1)[0];
        Api.post("RECEIPT", sku, location, serial);
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "select s.id, s.item_id, s.location_id from serial s where s.serial_key = lower(?)")) {
            ps.setString(1, serial);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                serialId = rs.getLong(1);
                itemId = rs.getLong(2);
                locationId = rs.getLong(3);
            }
        }
    }

    @BeforeEach
    void open() throws SQLException {
        db = connect();
        db.setAutoCommit(false);
    }

    @AfterEach
    void rollBack() throws SQLException {
        db.rollback();
        db.close();
    }

    @Test
    void aSerialOfAnItemThatDoesNotExistIsRefused() {
        assertRefused(FOREIGN_KEY_VIOLATION, "insert into serial (serial, item_id, status, location_id) "
                + "values ('guard-' || gen_random_uuid(), -1, 'SHIPPED', null)");
    }

    @Test
    void aSerialAtALocationThatDoesNotExistIsRefused() {
        assertRefused(FOREIGN_KEY_VIOLATION, "update serial set location_id = -1 where id = " + serialId);
    }

    @Test
    void aHistoryRowMustNameALineOfItsOwnDocument() {
        assertRefused(FOREIGN_KEY_VIOLATION, "insert into serial_history (serial_id, transaction_id, line_id, type, "
                + "quantity, location_id, at, username) select " + serialId + ", h.transaction_id + 1000000, h.line_id, "
                + "'ADJUST', 1, h.location_id, now(), 'guard' from serial_history h where h.serial_id = " + serialId);
    }

    @Test
    void referencedMasterDataCannotBeDeletedRekeyedOrTruncated() throws SQLException {
        assertRefused(FOREIGN_KEY_VIOLATION, "delete from item where id = " + itemId);
        db.rollback();
        assertRefused(FOREIGN_KEY_VIOLATION, "update location set id = -id where id = " + locationId);
        db.rollback();
        assertRefused(FOREIGN_KEY_VIOLATION, "truncate table transaction_line cascade");
    }

    @Test
    void deletesOfMasterDataAreRefusedUnderRepeatableRead() throws SQLException {
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        assertRefused(FOREIGN_KEY_VIOLATION, "delete from location where id = -1");
    }

    @Test
    void aSerialLeavingStockWithoutItsStockIsRefused() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("update serial set status = 'SHIPPED', location_id = null where id = " + serialId);
        }
        assertRefused(CHECK_VIOLATION, "set constraints all immediate");
    }

    @Test
    void stockCountsItsSerials() throws SQLException {
        String counts = "select st.quantity, st.in_stock_serials, (select count(*) from serial x where "
                + "x.item_id = st.item_id and x.location_id = st.location_id and x.status = 'IN_STOCK') "
                + "from stock st where st.item_id = " + itemId;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(counts)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(2)).isEqualTo(rs.getLong(3)).isEqualTo(1);
        }
        try (Statement s = db.createStatement()) {
            s.executeUpdate("update serial set status = 'SHIPPED', location_id = null where id = " + serialId);
            s.executeUpdate("update stock set quantity = quantity - 1 where item_id = " + itemId);
            s.execute("set constraints all immediate");
            try (ResultSet rs = s.executeQuery(counts)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(2)).as("the count follows the serial").isZero();
                assertThat(rs.getLong(3)).isZero();
            }
        }
    }

    private void assertRefused(String sqlState, String sql) {
        assertThatThrownBy(() -> {
            try (Statement s = db.createStatement()) {
                s.execute(sql);
            }
        }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
    }

    private static Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + System.getProperty("it.db.schema", "serial_it"));
        }
        return c;
    }
}
