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

    /** The rule violation (or, for a failure that is not a refusal, the server error) for a failed statement. */
    public static RuntimeException translate(SQLException e) {
        Optional<RuleViolation> ledger = ledgerRule(e);
        if (ledger.isPresent()) {
            return ledger.get();
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "23505" -> new RuleViolation(ErrorCode.DUPLICATE_SERIAL,
                    "A concurrent document created the same record; nothing was saved");
            case "23514" -> new RuleViolation(ErrorCode.INSUFFICIENT_STOCK,
                    "A concurrent document changed the stock; nothing was saved");
            case "40001", "40P01" -> new RuleViolation(ErrorCode.CONFLICT,
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
            if (t instanceof SQLException sql && "23514".equals(sql.getSQLState()) && sql.getMessage() != null) {
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
