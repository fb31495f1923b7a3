package org.serialtracking.transaction.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.transaction.DocumentCommand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Idempotency keys: a document posts once per (user, key). A retry with the same key and the same
 * document is answered with the first posting's document; the same key with another document is
 * refused. Keys are kept {@value #KEEP_KEYS_DAYS} days (at least a day is promised).
 */
public final class IdempotentPosting {

    /** Idempotency keys are kept a week. */
    public static final int KEEP_KEYS_DAYS = 7;
    static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyRepository keys;
    private final String user;
    private final String key;

    private IdempotentPosting(Connection connection, String user, String key) {
        this.keys = new IdempotencyRepository(connection);
        this.user = user;
        this.key = key;
    }

    /** The key as given in the request, checked; empty when the request gave none. */
    public static Optional<String> key(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return Optional.empty();
        }
        String key = idempotencyKey.strip();
        if (key.length() > MAX_KEY_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
            throw RuleViolation.invalid("Idempotency-Key must be at most " + MAX_KEY_LENGTH
                    + " characters without control characters");
        }
        return Optional.of(key);
    }

    public static IdempotentPosting of(Connection connection, String user, String key) {
        return new IdempotentPosting(connection, user, key);
    }

    /**
     * Claims the key for this document (waiting for a concurrent request with the same key to end).
     *
     * @return the document the key posted before, when this request is a retry of it
     */
    public Optional<Long> claim(DocumentCommand command) throws SQLException {
        String hash = RequestFingerprint.of(command);
        keys.purgeOlderThan(KEEP_KEYS_DAYS);
        Optional<IdempotencyRepository.Used> used = keys.claim(user, key, hash);
        if (used.isEmpty()) {
            return Optional.empty();
        }
        if (!used.get().requestHash().equals(hash) || used.get().transactionId() == null) {
            throw new RuleViolation(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
                    + "' was used for a different document; use a new key for a new document");
        }
        return Optional.of(used.get().transactionId());
    }

    /** Records the document this key posted. */
    public void complete(long transactionId) throws SQLException {
        keys.complete(user, key, transactionId);
    }
}
