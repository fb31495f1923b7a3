package org.serialtracking.transaction.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Idempotency keys of postings. A key is claimed by inserting its row in the posting's transaction:
 * a concurrent request with the same key waits on that row and then sees the outcome.
 */
public class IdempotencyRepository {

    /** What a key was used for before. {@code transactionId} is null only inside the claiming posting. */
    public record Used(String requestHash, Long transactionId) {
    }

    private final Connection c;

    public IdempotencyRepository(Connection connection) {
        this.c = connection;
    }

    /** Claims the key for this posting, or returns what it was used for by an earlier one. */
    public Optional<Used> claim(String user, String key, String requestHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into idempotency_key (username, key, request_hash) "
                + "values (?, ?, ?) on conflict (username, key) do nothing")) {
            ps.setString(1, user);
            ps.setString(2, key);
            ps.setString(3, requestHash);
            if (ps.executeUpdate() == 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select request_hash, transaction_id from idempotency_key "
                + "where username = ? and key = ?")) {
            ps.setString(1, user);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(2);
                return Optional.of(new Used(rs.getString(1), rs.wasNull() ? null : id));
            }
        }
    }

    public void complete(String user, String key, long transactionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update idempotency_key set transaction_id = ? "
                + "where username = ? and key = ?")) {
            ps.setLong(1, transactionId);
            ps.setString(2, user);
            ps.setString(3, key);
            ps.executeUpdate();
        }
    }

    /** Forgets keys older than {@code days} days (they are kept at least a day). */
    public int purgeOlderThan(int days) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from idempotency_key "
                + "where created_at < now() - make_interval(days => ?)")) {
            ps.setInt(1, days);
            return ps.executeUpdate();
        }
    }
}
