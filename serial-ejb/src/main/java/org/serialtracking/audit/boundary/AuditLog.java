package org.serialtracking.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.serialtracking.common.Cursor;
import org.serialtracking.common.Page;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail. {@link #record} joins the transaction of the change it describes (and refuses
 * to run without one), so the trail has exactly the changes that were saved.
 */
@Stateless
public class AuditLog {

    /** What is audited. */
    public enum Action {
        DOCUMENT_POSTED, DOCUMENT_CANCELLED, SETTINGS_CHANGED, SERIAL_DATA_DELETED, ITEM_CREATED, ITEM_CHANGED, SERIALS_INITIALIZED,
        COMPANY_CREATED, LOCATION_CREATED
    }

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Action action, String subject, String detail) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into audit_event (username, action, subject, detail) values (?, ?, ?, ?)")) {
            ps.setString(1, context.getCallerPrincipal().getName());
            ps.setString(2, action.name());
            ps.setString(3, subject);
            ps.setString(4, detail);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** Changes at or after {@code since} (all when null), in the order they were saved, keyset-paged. */
    public Page<AuditEvent> since(OffsetDateTime since, Integer limit, String after) {
        int size = Cursor.limit(limit);
        long afterId = Cursor.decodeId(after, 0);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, at, username, action, subject, detail "
                     + "from audit_event where at >= ? and id > ? order by id limit ?")) {
            ps.setObject(1, since == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : since);
            ps.setLong(2, afterId);
            ps.setInt(3, size + 1);
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            String next = null;
            if (events.size() > size) {
                events.remove(size);
                next = Cursor.encode(String.valueOf(events.get(size - 1).id()));
            }
            return new Page<>(events, next);
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }
}
