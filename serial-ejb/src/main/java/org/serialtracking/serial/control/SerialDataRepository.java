package org.serialtracking.serial.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Rule 9: all serial data goes when the platform stops tracking serials. The erasure is the
 * database owner's function (the application role may not TRUNCATE; migration V11).
 */
public class SerialDataRepository {

    private final Connection c;

    public SerialDataRepository(Connection connection) {
        this.c = connection;
    }

    /** How much would go: serials and history rows. */
    public record Counts(long serials, long historyRows) {
    }

    public Counts counts() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select (select count(*) from serial), (select count(*) from serial_history)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2));
        }
    }

    /** Deletes every serial, history row and serial counter. */
    public void eraseAll() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select erase_serial_data()")) {
            ps.execute();
        }
    }
}
