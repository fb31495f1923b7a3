package org.serialtracking.platform.control;

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
 */
public final class OneRoundTrip {

    private OneRoundTrip() {
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
        List<Long> results = new ArrayList<>();
        boolean query = ps.execute();
        while (true) {
            if (query) {
                try (ResultSet rs = ps.getResultSet()) {
                    results.add(rs.next() ? rs.getLong(1) : null);
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
