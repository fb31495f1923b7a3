package org.serialtracking.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors: the last key of a page, base64url-encoded, so clients pass it back
 * unchanged and never build one.
 */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("'after' is not a cursor returned by this API");
        }
        if (Text.problemWith(key, false).isPresent()) {
            // no key this API hands out holds one; a made-up cursor must not carry it into SQL
            throw RuleViolation.invalid("'after' is not a cursor returned by this API");
        }
        return key;
    }

    /** A cursor that holds a row id; {@code none} when there is no cursor (the first page). */
    public static long decodeId(String cursor, long none) {
        String decoded = decode(cursor);
        try {
            return decoded == null ? none : Long.parseLong(decoded);
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid("'after' is not a cursor returned by this API");
        }
    }

    /** A page size within bounds: default 50, at most 1000. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return 50;
        }
        if (requested < 1 || requested > 1000) {
            throw RuleViolation.invalid("limit must be between 1 and 1000");
        }
        return requested;
    }
}
