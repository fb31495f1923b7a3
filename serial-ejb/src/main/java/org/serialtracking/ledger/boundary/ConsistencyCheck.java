package org.serialtracking.ledger.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.serialtracking.ledger.control.ConsistencyRepository;
import org.serialtracking.ledger.control.ConsistencyRepository.Findings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Verifies the whole ledger (issue 11): every invariant of {@link ConsistencyRepository}, read in one
 * REPEATABLE READ snapshot so that documents posted meanwhile never show up as half-done. The work
 * is shared by two connections that see the same snapshot (the second one imports the first one's,
 * {@code SET TRANSACTION SNAPSHOT}): each streams half of the serials with their history, then runs
 * half of the other queries. Read-only; nothing is locked.
 */
@Stateless
public class ConsistencyCheck {

    /** Violations listed per rule (all are counted). */
    public static final int MAX_LISTED = 100;

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ConsistencyReport run() {
        long started = System.nanoTime();
        OffsetDateTime at = OffsetDateTime.now();
        Findings found = new Findings(MAX_LISTED);
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            try {
                String snapshot = begin(first, null);
                begin(second, snapshot);
                ConsistencyRepository one = new ConsistencyRepository(first);
                ConsistencyRepository two = new ConsistencyRepository(second);
                long[] ids = one.serialIds();
                long middle = ids[0] + (ids[1] - ids[0]) / 2;
                Future<Void> secondHalf = executor.submit(() -> {
                    two.serialsWithHistory(middle, ids[1], found);
                    return null;
                });
                one.serialsWithHistory(ids[0], middle, found);
                one.others(found);
                secondHalf.get();
            } finally {
                end(first);
                end(second);
            }
        } catch (SQLException e) {
            throw new EJBException(e);
        } catch (ExecutionException e) {
            throw new EJBException(e.getCause() instanceof Exception ex ? ex : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EJBException(e);
        }
        Map<String, Long> byRule = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        found.byRule().forEach((rule, f) -> {
            byRule.put(rule, f.count());
            f.listed().forEach(v -> violations.add(new Violation(rule, v[0], v[1])));
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new ConsistencyReport(at, millis, violations.isEmpty(), byRule, violations);
    }

    /** Starts a read-only REPEATABLE READ transaction, on the given snapshot or exporting its own. */
    private static String begin(Connection c, String snapshot) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = c.createStatement()) {
            s.execute("set transaction read only");
            if (snapshot != null) {
                s.execute("set transaction snapshot '" + snapshot.replace("'", "") + "'");
                return snapshot;
            }
            try (ResultSet rs = s.executeQuery("select pg_export_snapshot()")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void end(Connection c) throws SQLException {
        c.rollback();
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
    }
}
