package org.serialtracking.common;

/** Small text rules shared by every capability: names and search patterns. */
public final class Text {

    public static final int MAX_NAME = 200;

    private Text() {
    }

    /** A display name: trimmed, at most 200 characters; blank means {@code fallback}. */
    public static String name(String raw, String fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String name = raw.strip();
        if (name.length() > MAX_NAME) {
            throw RuleViolation.invalid("name must be at most " + MAX_NAME + " characters");
        }
        return name;
    }

    /** Escapes LIKE wildcards so that a search text matches itself (escape character: backslash). */
    public static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
