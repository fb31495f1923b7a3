package org.serialtracking.epcis.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The feed's {@code nextPageToken}: the position of the last event a page served, bound to the
 * query it answered (its filters' fingerprint), with a check over both. A token altered in any
 * way, made up, or passed with other filters is refused as 400 BAD_REQUEST instead of reading from
 * somewhere else. The check is integrity, not secrecy: every caller may read the whole feed, so a
 * token computed by hand gains nothing. Tokens do not expire: positions are stable for ever.
 */
public final class PageToken {

    private static final String VERSION = "1";
    private static final String CHECK_SALT = "serial-tracking epcis feed token|";

    private PageToken() {
    }

    public static String encode(FeedPosition position, String fingerprint) {
        String payload = VERSION + "." + position.xid() + "." + position.documentId() + "." + position.part() + "."
                + position.seq() + "." + fingerprint;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((payload + "." + check(payload)).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a token of a page of this query holds; 400 BAD_REQUEST for anything else. */
    public static FeedPosition decode(String token, String fingerprint) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 7 || !parts[0].equals(VERSION)) {
            throw refused();
        }
        String payload = text.substring(0, text.lastIndexOf('.'));
        if (!MessageDigest.isEqual(check(payload).getBytes(StandardCharsets.US_ASCII),
                parts[6].getBytes(StandardCharsets.US_ASCII))) {
            throw refused();
        }
        if (!parts[5].equals(fingerprint)) {
            throw new RuleViolation(ErrorCode.BAD_REQUEST, "nextPageToken belongs to a query with other parameters: "
                    + "repeat the query of the page that returned it");
        }
        try {
            return new FeedPosition(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Integer.parseInt(parts[3]),
                    Integer.parseInt(parts[4]));
        } catch (IllegalArgumentException e) {
            throw refused();
        }
    }

    /** A short hash of a canonical text (a query's filters). */
    public static String fingerprint(String canonical) {
        return HexFormat.of().formatHex(sha256(canonical), 0, 8);
    }

    private static String check(String payload) {
        return HexFormat.of().formatHex(sha256(CHECK_SALT + payload), 0, 12);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleViolation refused() {
        return new RuleViolation(ErrorCode.BAD_REQUEST, "nextPageToken is not a token this feed returned");
    }
}
