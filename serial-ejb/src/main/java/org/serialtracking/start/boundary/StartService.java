package org.serialtracking.start.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import org.serialtracking.common.Quantities;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The figures of the start page, in one read. Units in stock come from the stock table (which
 * equals the serials in stock for tracked items, a rule the database holds), so the page stays
 * instant with millions of serials.
 */
@Stateless
public class StartService {

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    public StartFigures figures() {
        OffsetDateTime today = LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select "
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
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }
}
