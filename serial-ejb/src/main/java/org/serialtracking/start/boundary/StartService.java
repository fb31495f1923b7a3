package org.serialtracking.start.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import org.serialtracking.start.StartFigures;
import org.serialtracking.start.control.StartRepository;

import javax.sql.DataSource;
import java.sql.Connection;
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
        try (Connection c = dataSource.getConnection()) {
            return new StartRepository(c).figures(today);
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }
}
