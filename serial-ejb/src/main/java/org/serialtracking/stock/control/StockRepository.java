package org.serialtracking.stock.control;

import org.serialtracking.common.Quantities;
import org.serialtracking.platform.control.OneRoundTrip;
import org.serialtracking.platform.control.SqlArrays;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The only writer of {@code stock}: on-hand quantities per item and location (rule 6: never below
 * zero) and whether a tracked item's stock there has its serials yet (rule 8). Postings and
 * cancellations lock the rows in (item, location) order; tracking changes of an item go through
 * here too. The database counts the serials in stock on each row and checks the two agree
 * (migration V8).
 */
public class StockRepository {

    private final Connection c;

    public StockRepository(Connection connection) {
        this.c = connection;
    }

    /**
     * Creates missing stock rows (on-hand 0) and locks the given ones, in (item, location) order.
     * Keys must come in that order (see {@code StockChanges#lock}).
     */
    public void lock(long[] items, long[] locations) throws SQLException {
        if (items.length == 0) {
            return;
        }
        // one round trip: these rows are the hottest locks of a busy item
        try (PreparedStatement ps = c.prepareStatement(OneRoundTrip.of("insert into stock (item_id, location_id) "
                + "select i, l from unnest(?::bigint[], ?::bigint[]) as u(i, l) order by i, l "
                + "on conflict (item_id, location_id) do nothing", "select 1 from stock s "
                + "join unnest(?::bigint[], ?::bigint[]) as u(i, l) on s.item_id = u.i and s.location_id = u.l "
                + "order by s.item_id, s.location_id for no key update of s"))) {
            Array itemIds = SqlArrays.longs(c, items);
            Array locationIds = SqlArrays.longs(c, locations);
            ps.setArray(1, itemIds);
            ps.setArray(2, locationIds);
            ps.setArray(3, itemIds);
            ps.setArray(4, locationIds);
            OneRoundTrip.run(ps);
        }
    }

    private static final String ADD = "insert into stock (item_id, location_id, quantity) values (?, ?, ?) "
            + "on conflict (item_id, location_id) do update set quantity = stock.quantity + excluded.quantity";
    private static final String CHECK_NOW = "set constraints stock_matches_serials immediate";

    /** Adds to on-hand, creating the stock row if needed. */
    public void add(long itemId, long locationId, BigDecimal quantity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ADD)) {
            ps.setLong(1, itemId);
            ps.setLong(2, locationId);
            ps.setBigDecimal(3, quantity);
            ps.executeUpdate();
        }
    }

    /** {@link #add}, queued to go with the statements that end the document. */
    public void add(OneRoundTrip last, long itemId, long locationId, BigDecimal quantity) {
        last.add(ADD, itemId, locationId, quantity);
    }

    /**
     * Takes from on-hand if enough is there (rule 6: never negative).
     *
     * @return false, changing nothing, when less than {@code quantity} is on hand
     */
    public boolean take(long itemId, long locationId, BigDecimal quantity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update stock set quantity = quantity - ? "
                + "where item_id = ? and location_id = ? and quantity >= ?")) {
            ps.setBigDecimal(1, quantity);
            ps.setLong(2, itemId);
            ps.setLong(3, locationId);
            ps.setBigDecimal(4, quantity);
            return ps.executeUpdate() == 1;
        }
    }

    public BigDecimal onHand(long itemId, long locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select quantity from stock where item_id = ? and location_id = ?")) {
            ps.setLong(1, itemId);
            ps.setLong(2, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
            }
        }
    }

    /**
     * Queues the database's check that on-hand equals IN_STOCK serials (rule 6), to run now rather
     * than at commit, so that a broken invariant fails inside the posting, before its number is taken
     * (the number goes in the same round trip, after it).
     */
    public void checkMatchesSerials(OneRoundTrip last) {
        last.add(CHECK_NOW);
    }

    /**
     * Runs the database's checks of a tracking change now (migration V9): an item's state agrees with
     * its stock waiting for serials, and on-hand with the serials in stock.
     */
    public void checkTrackingMatchesStock() throws SQLException {
        execute("set constraints item_tracking_matches_stock, stock_matches_serials immediate");
    }

    // ----- rule 8: stock that waits for its serials -----

    /** One stock row of an item, as the item's view shows it. */
    public record OnHandRow(String location, BigDecimal quantity, boolean serialsInitialized) {
    }

    /** The item's stock rows that hold something or wait for serials, by location code. */
    public List<OnHandRow> onHandOf(long itemId) throws SQLException {
        List<OnHandRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select l.code, s.quantity, s.serials_initialized from stock s "
                + "join location l on l.id = s.location_id where s.item_id = ? "
                + "and (s.quantity <> 0 or not s.serials_initialized) order by l.code")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OnHandRow(rs.getString(1), Quantities.plain(rs.getBigDecimal(2)), rs.getBoolean(3)));
                }
            }
        }
        return rows;
    }

    /** The on-hand quantity at a location that waits for its serials, locked; empty when none waits there. */
    public Optional<BigDecimal> lockWaiting(long itemId, String locationCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select s.quantity from stock s join location l "
                + "on l.id = s.location_id where s.item_id = ? and l.code = ? and not s.serials_initialized "
                + "for update of s")) {
            ps.setLong(1, itemId);
            ps.setString(2, locationCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBigDecimal(1)) : Optional.empty();
            }
        }
    }

    /** Marks the item's stock at a location as having its serials; returns how many rows still wait. */
    public long markInitialized(long itemId, String locationCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update stock set serials_initialized = true where item_id = ? "
                + "and location_id = (select id from location where code = ?)")) {
            ps.setLong(1, itemId);
            ps.setString(2, locationCode);
            ps.executeUpdate();
        }
        return count("select count(*) from stock where item_id = ? and not serials_initialized", itemId);
    }

    /** Whether any of the item's stock is a fractional quantity (serial-tracked stock is whole units). */
    public boolean hasFractional(long itemId) throws SQLException {
        return count("select count(*) from stock where item_id = ? and quantity <> trunc(quantity)", itemId) > 0;
    }

    /** Tracking starts: the item's stock on hand waits for its serials; returns how many rows wait. */
    public int markWaiting(long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update stock set serials_initialized = false "
                + "where item_id = ? and quantity > 0")) {
            ps.setLong(1, itemId);
            return ps.executeUpdate();
        }
    }

    /** How many serials of the item are in stock (tracking stops only at none). */
    public long serialsInStock(long itemId) throws SQLException {
        return count("select count(*) from serial where item_id = ? and status = 'IN_STOCK'", itemId);
    }

    /** Tracking stops: nothing of the item waits for serials any more. */
    public void markAllInitialized(long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update stock set serials_initialized = true "
                + "where item_id = ?")) {
            ps.setLong(1, itemId);
            ps.executeUpdate();
        }
    }

    /** Serial tracking is turned off for the platform: no stock waits for serials any more. */
    public void markEverythingInitialized() throws SQLException {
        execute("update stock set serials_initialized = true where not serials_initialized");
    }

    private long count(String sql, long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }
}
