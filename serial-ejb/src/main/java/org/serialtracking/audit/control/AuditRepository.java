package org.serialtracking.audit.control;

import org.serialtracking.audit.AuditEvent;
import org.serialtracking.platform.control.OneRoundTrip;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The only writer of {@code audit_event}, and its reads. */
public class AuditRepository {

    private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    private final Connection c;

    public AuditRepository(Connection connection) {
        this.c = connection;
    }

    public void insert(String user, String action, String subject, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into audit_event (username, action, subject, detail) values (?, ?, ?, ?)")) {
            ps.setString(1, user);
            ps.setString(2, action);
            ps.setString(3, subject);
            ps.setString(4, detail);
            ps.executeUpdate();
        }
    }

    /**
     * Queues the event of a document, whose subject is the document's number as it is when the
     * statement runs: it goes in the round trip that gives the document its number, right after it
     * (a posting holds its hot rows until it commits; issue 17).
     */
    public static void insertForDocument(OneRoundTrip last, String user, String action, long documentId,
                                         String detail) {
        last.add("insert into audit_event (username, action, subject, detail) "
                + "select ?, ?, t.number, ? from inventory_transaction t where t.id = ?", user, action, detail, documentId);
    }

    /** Up to {@code limit} events at or after {@code since} (all when null) with ids above {@code afterId}, in order. */
    public List<AuditEvent> since(OffsetDateTime since, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, at, username, action, subject, detail "
                + "from audit_event where at >= ? and id > ? order by id limit ?")) {
            ps.setObject(1, since == null ? EPOCH : since);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return events;
        }
    }
}
