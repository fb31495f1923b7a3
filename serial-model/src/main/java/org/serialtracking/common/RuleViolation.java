package org.serialtracking.common;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * A broken rule: the stable code, a sentence a clerk can act on, and the serials at fault.
 * Thrown anywhere inside a posting, it rolls the whole JTA transaction back, and the API turns it
 * into an RFC 9457 problem.
 */
@ApplicationException(rollback = true)
public class RuleViolation extends RuntimeException {

    /** No more serials than this are named in one error: the rest are counted. */
    public static final int MAX_LISTED_SERIALS = 1000;

    private final ErrorCode code;
    private final List<String> serials;

    public RuleViolation(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public RuleViolation(ErrorCode code, String detail, List<String> serials) {
        super(detail, null, false, false);
        this.code = code;
        // a missing serial (a null in a client's list) is named as the empty text it amounts to
        this.serials = (serials.size() > MAX_LISTED_SERIALS ? serials.subList(0, MAX_LISTED_SERIALS) : serials)
                .stream().map(s -> s == null ? "" : s).toList();
    }

    public static RuleViolation notFound(String what, String key) {
        return new RuleViolation(ErrorCode.NOT_FOUND, what + " '" + key + "' not found");
    }

    public static RuleViolation invalid(String detail) {
        return new RuleViolation(ErrorCode.VALIDATION, detail);
    }

    public ErrorCode code() {
        return code;
    }

    public List<String> serials() {
        return serials;
    }
}
