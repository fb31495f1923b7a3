package org.serialtracking.transaction.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import org.serialtracking.common.Cursor;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.transaction.DocumentSummary;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.DocumentView;
import org.serialtracking.transaction.control.DocumentRepository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/** Reads posted documents: one with its lines and serials, or a keyset-paged list, newest first. */
@Stateless
public class DocumentQueryService {

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    public DocumentView get(long id) {
        try (Connection c = dataSource.getConnection()) {
            return new DocumentRepository(c).find(id)
                    .orElseThrow(() -> RuleViolation.notFound("Document", String.valueOf(id)));
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** Newest first; {@code after} is the cursor of the previous page. */
    public Page<DocumentSummary> list(String sku, DocumentType type, Integer limit, String after) {
        return list(sku, type, null, null, limit, after);
    }

    /**
     * Newest first, posted in {@code [from, before)} when given; {@code after} is the cursor of the
     * previous page.
     */
    public Page<DocumentSummary> list(String sku, DocumentType type, OffsetDateTime from, OffsetDateTime before,
                                      Integer limit, String after) {
        int size = Cursor.limit(limit);
        long beforeId = Cursor.decodeId(after, Long.MAX_VALUE);
        Text.field("sku", sku);
        try (Connection c = dataSource.getConnection()) {
            List<DocumentSummary> items = new DocumentRepository(c)
                    .list(new DocumentRepository.Filter(sku, type, from, before), beforeId, size + 1);
            return Page.of(items, size, e -> String.valueOf(e.id()));
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }
}
