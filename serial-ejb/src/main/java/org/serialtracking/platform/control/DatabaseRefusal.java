package org.serialtracking.platform.control;

import jakarta.ejb.EJBException;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What a database refusal means to the user: the one place where SQLSTATEs and the names of the
 * database's own rules (migrations V2, V7, V9) become rule violations. A refusal the Java rules
 * could not see coming is either a concurrent document that won, or a ledger rule that the
 * database holds for every writer; neither is ever answered with a 500.
 */
public final class DatabaseRefusal {

    /** The database's ledger rules, by the name their errors carry, with what each means. */
    private static final List<String[]> LEDGER_RULES = List.of(
            new String[]{"stock_matches_serials", "a tracked item's on-hand at a location equals its serials in stock there"},
            new String[]{"item_tracks_its_serials", "an item that does not track serials has no serial in stock"},
            new String[]{"serial_ledger", "a serial changes its status only with the history row that explains it"},
            new String[]{"serial_history_append_only", "history is never changed or deleted on its own"},
            new String[]{"serial_identity_fixed", "a serial keeps its number and item"});

    private DatabaseRefusal() {
    }

    /** What a failed statement means, by its SQLState: the one place that reads SQLStates. */
    public enum Kind {
        /** a unique key refused a row (23505) */
        DUPLICATE,
        /** a check constraint refused a row (23514) */
        CHECK,
        /** a number outgrew its column (22003) */
        OUT_OF_RANGE,
        /** a serialization failure, a deadlock or a lock not available (40001, 40P01, 55P03) */
        CONCURRENT,
        /** the connection is lost or the database is shutting down (class 08, 57P) */
        UNAVAILABLE,
        /** anything else: a server failure */
        OTHER;

        static Kind of(String state) {
            if (state == null) {
                return OTHER;
            }
            if (state.startsWith("08") || state.startsWith("57P")) {
                return UNAVAILABLE;
            }
            return switch (state) {
                case "23505" -> DUPLICATE;
                case "23514" -> CHECK;
                case "22003" -> OUT_OF_RANGE;
                case "40001", "40P01", "55P03" -> CONCURRENT;
                default -> OTHER;
            };
        }
    }

    /** What the statement's failure means. */
    public static Kind kind(SQLException e) {
        return Kind.of(e.getSQLState());
    }

    /** What the first failed statement among a failure and its causes means; empty when none is one. */
    public static Optional<Kind> kindOf(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(kind(sql));
            }
        }
        return Optional.empty();
    }

    /** The rule violation (or, for a failure that is not a refusal, the server error) for a failed statement. */
    public static RuntimeException translate(SQLException e) {
        Optional<RuleViolation> ledger = ledgerRule(e);
        if (ledger.isPresent()) {
            return ledger.get();
        }
        return switch (kind(e)) {
            case DUPLICATE -> new RuleViolation(ErrorCode.DUPLICATE_SERIAL,
                    "A concurrent document created the same record; nothing was saved");
            case CHECK -> new RuleViolation(ErrorCode.INSUFFICIENT_STOCK,
                    "A concurrent document changed the stock; nothing was saved");
            case CONCURRENT -> new RuleViolation(ErrorCode.CONFLICT,
                    "A concurrent document touched the same serials; nothing was saved, try again");
            default -> new EJBException(e);
        };
    }

    /**
     * The ledger rule that a failure (or one of its causes) reports, if any: LEDGER_RULE naming the
     * rule and what the database said.
     */
    public static Optional<RuleViolation> ledgerRule(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && kind(sql) == Kind.CHECK && sql.getMessage() != null) {
                for (String[] rule : LEDGER_RULES) {
                    int at = sql.getMessage().indexOf(rule[0] + ":");
                    if (at >= 0) {
                        String said = sql.getMessage().substring(at + rule[0].length() + 1).strip();
                        int end = said.indexOf('\n');
                        return Optional.of(new RuleViolation(ErrorCode.LEDGER_RULE, "Nothing was saved: the change "
                                + "would break the ledger rule '" + rule[0] + "' (" + rule[1] + "): "
                                + (end < 0 ? said : said.substring(0, end))));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
