package org.serialtracking.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.serialtracking.common.Cursor;
import org.serialtracking.common.Page;
import org.serialtracking.audit.AuditEvent;
import org.serialtracking.audit.control.AuditRepository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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
        COMPANY_CREATED, LOCATION_CREATED, CUSTOMER_CREATED, SUPPLIER_CREATED, RECALL_CREATED, RECALL_CLOSED
    }

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Action action, String subject, String detail) {
        try (Connection c = dataSource.getConnection()) {
            new AuditRepository(c).insert(context.getCallerPrincipal().getName(), action.name(), subject, detail);
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** Changes at or after {@code since} (all when null), in the order they were saved, keyset-paged. */
    public Page<AuditEvent> since(OffsetDateTime since, Integer limit, String after) {
        int size = Cursor.limit(limit);
        long afterId = Cursor.decodeId(after, 0);
        try (Connection c = dataSource.getConnection()) {
            List<AuditEvent> events = new AuditRepository(c).since(since, afterId, size + 1);
            return Page.of(events, size, e -> String.valueOf(e.id()));
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }
}
