package org.serialtracking.format.control;

import org.serialtracking.platform.control.OneRoundTrip;
import org.serialtracking.platform.control.SqlArrays;
import org.serialtracking.serial.SerialNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The SQL of auto serial numbers: counters in PostgreSQL, taken in blocks. */
public class CounterRepository {

    private final Connection c;

    public CounterRepository(Connection connection) {
        this.c = connection;
    }

    /**
     * Takes {@code count} consecutive numbers of a counter with one locked statement and returns
     * the first. The row stays locked until the transaction ends: concurrent documents on the
     * same counter take their blocks one after the other, and a rollback returns the block.
     */
    public long allocate(long itemId, String context, String period, long start, long count) throws SQLException {
        // the row made if missing and taken, in one round trip: it is held to the commit
        try (PreparedStatement ps = c.prepareStatement(OneRoundTrip.of("insert into serial_counter (item_id, context, "
                + "period, next_value) values (?, ?, ?, ?) on conflict (item_id, context, period) do nothing",
                "update serial_counter set next_value = next_value + ? where item_id = ? and context = ? and period = ? "
                + "returning next_value - ?"))) {
            ps.setLong(1, itemId);
            ps.setString(2, context);
            ps.setString(3, period);
            ps.setLong(4, start);
            ps.setLong(5, count);
            ps.setLong(6, itemId);
            ps.setString(7, context);
            ps.setString(8, period);
            ps.setLong(9, count);
            return OneRoundTrip.run(ps).get(1);
        }
    }

    /** The next number of a counter, without taking it. */
    public long peek(long itemId, String context, String period, long start) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select next_value from serial_counter "
                + "where item_id = ? and context = ? and period = ?")) {
            ps.setLong(1, itemId);
            ps.setString(2, context);
            ps.setString(3, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : start;
            }
        }
    }

    /** Which of these values are taken by a serial already (as keys, {@link SerialNumber#keyOf}). */
    public Set<String> taken(Collection<String> values) throws SQLException {
        Set<String> taken = new HashSet<>();
        if (values.isEmpty()) {
            return taken;
        }
        try (PreparedStatement ps = c.prepareStatement("select s.serial_key from serial s "
                + "where s.serial_key in (select v from unnest(?::text[]) v)")) {
            ps.setArray(1, SqlArrays.texts(c, values.stream().map(SerialNumber::keyOf).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                }
            }
        }
        return taken;
    }
}
