package org.serialtracking.ledger.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.serialtracking.ledger.control.ConsistencyRepository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies the whole ledger in one pass (issue 11): every invariant of
 * {@link ConsistencyRepository#RULES}, read in one REPEATABLE READ snapshot so that documents posted
 * meanwhile never show up as half-done. Read-only; nothing is locked.
 */
@Stateless
public class ConsistencyCheck {

    /** Violations listed per rule (all are counted). */
    public static final int MAX_LISTED = 100;

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ConsistencyReport run() {
        long started = System.nanoTime();
        OffsetDateTime at = OffsetDateTime.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("set transaction read only");
                    // the big aggregates (one group per serial) stay in memory instead of spilling to disk
                    s.execute("set local work_mem = '512MB'");
                }
                Map<String, ConsistencyRepository.Found> found = new ConsistencyRepository(c).run(MAX_LISTED);
                Map<String, Long> byRule = new LinkedHashMap<>();
                List<Violation> violations = new ArrayList<>();
                found.forEach((rule, f) -> {
                    byRule.put(rule, f.count());
                    f.listed().forEach(v -> violations.add(new Violation(rule, v[0], v[1])));
                });
                long millis = (System.nanoTime() - started) / 1_000_000;
                return new ConsistencyReport(at, millis, violations.isEmpty(), byRule, violations);
            } finally {
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }
}
