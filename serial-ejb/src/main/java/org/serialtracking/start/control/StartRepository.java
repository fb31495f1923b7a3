package org.serialtracking.start.control;

import org.serialtracking.common.Quantities;
import org.serialtracking.start.StartFigures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** The start page's figures in one statement (units in stock from the stock table, not by counting serials). */
public class StartRepository {

    private final Connection c;

    public StartRepository(Connection connection) {
        this.c = connection;
    }

    /** @param today the start of today, from which documents count as today's */
    public StartFigures figures(OffsetDateTime today) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select "
                + "(select coalesce(sum(s.quantity), 0) from stock s join item i on i.id = s.item_id "
                + "  where i.track_serials and i.serial_state = 'TRACKED'), "
                + "(select count(*) from inventory_transaction where posted_at >= ?), "
                + "(select count(*) from item where serial_state = 'NOT_INITIALIZED'), "
                + "(select count(*) from company), (select count(*) from location), (select count(*) from item), "
                + "(select coalesce(sum(s.quantity), 0) from stock s join item i on i.id = s.item_id "
                + "  where not i.track_serials)")) {
            ps.setObject(1, today);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new StartFigures(rs.getBigDecimal(1).longValue(), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), Quantities.plain(rs.getBigDecimal(7)));
            }
        }
    }
}
