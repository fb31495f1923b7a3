package org.serialtracking.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements that always go together, sent as one: a prepared statement whose text holds several
 * statements separated by {@code ;} (parameters numbered across all of them). The PostgreSQL driver
 * sends them in one message with one sync, so the posting path waits for the database once instead
 * of once per statement; each still runs on its own, in order, and the first that fails stops the
 * rest and throws. A document's hot rows (its item's counter and stock) are held from their lock to
 * the commit, so every round trip saved there is saved for every concurrent document (issue 17).
 * <p>
 * Two ways to use it: {@link #of} and {@link #run(PreparedStatement)} for statements one repository
 * always sends together; an instance when statements of several repositories end a document together
 * ({@link #add} queues one with its parameters, {@link #send} sends what is queued).
 */
public final class OneRoundTrip {

    private final Connection c;
    private final List<String> statements = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** An empty queue of statements for this connection. */
    public OneRoundTrip(Connection connection) {
        this.c = connection;
    }

    /**
     * Queues a statement with its parameters ({@code Long}, {@code String}, {@code BigDecimal},
     * {@code Boolean} or a JDBC {@code Array}).
     *
     * @return where its result will be in what {@link #send} returns
     */
    public int add(String sql, Object... values) {
        statements.add(sql);
        parameters.addAll(List.of(values));
        return statements.size() - 1;
    }

    /**
     * Sends the queued statements in one round trip and empties the queue; one result per
     * statement, as {@link #run(PreparedStatement)} gives them, but a query's value as its own type.
     */
    public List<Object> send() throws SQLException {
        if (statements.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement(of(statements.toArray(String[]::new)))) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            return results(ps);
        } finally {
            statements.clear();
            parameters.clear();
        }
    }

    /** Joins statements into the text of one prepared statement. */
    public static String of(String... statements) {
        return String.join("; ", statements);
    }

    /**
     * Runs the statements; one result per statement, in order: a query's first column of its first
     * row (null when it returns none; {@code returning} makes a change a query), otherwise the update
     * count (0 for a statement that counts nothing, such as {@code savepoint}).
     */
    public static List<Long> run(PreparedStatement ps) throws SQLException {
        return results(ps).stream().map(r -> r == null ? null : ((Number) r).longValue()).toList();
    }

    private static List<Object> results(PreparedStatement ps) throws SQLException {
        List<Object> results = new ArrayList<>();
        boolean query = ps.execute();
        while (true) {
            if (query) {
                try (ResultSet rs = ps.getResultSet()) {
                    results.add(rs.next() ? rs.getObject(1) : null);
                }
            } else {
                int count = ps.getUpdateCount();
                if (count == -1) {
                    return results;
                }
                results.add((long) count);
            }
            query = ps.getMoreResults();
        }
    }
}
