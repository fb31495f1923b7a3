package org.serialtracking.transaction.control;

import org.serialtracking.transaction.DocumentCommand;
import org.serialtracking.transaction.LineCommand;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of a document to post, kept with its Idempotency-Key: two requests that post the
 * same document get the same fingerprint, however their JSON was written. Key order and white space
 * never reach the command; what could still differ is settled here, field by field, the way posting
 * reads each field:
 * <ul>
 *   <li>quantities by value ({@code 1}, {@code 1.0} and {@code 1E+0} are one quantity);</li>
 *   <li>codes, the reference and serials stripped of surrounding white space, as posting strips
 *       them (case is kept: a serial is stored as entered);</li>
 *   <li>a missing value and an empty one alike (no serials, {@code "serials": []},
 *       {@code "toLocation": ""}).</li>
 * </ul>
 * The order of lines and of serials is kept: it is the order of the posted document. Each field is
 * written with its length, so no value can pass for two.
 */
public final class RequestFingerprint {

    /** Changes whenever the canonical form does, so that old and new fingerprints never meet. */
    static final String VERSION = "document-v1";

    private RequestFingerprint() {
    }

    /** SHA-256 (hex) of the canonical form. */
    public static String of(DocumentCommand command) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical(command).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The canonical form itself (what is hashed), for tests and for reading. */
    static String canonical(DocumentCommand command) {
        StringBuilder out = new StringBuilder(VERSION);
        if (command == null) {
            return field(out, "null").toString();
        }
        field(out, command.type() == null ? "" : command.type().name());
        field(out, text(command.reference()));
        List<LineCommand> lines = command.lines() == null ? List.of() : command.lines();
        out.append('L').append(lines.size());
        for (LineCommand line : lines) {
            if (line == null) {
                field(out, "null line");
                continue;
            }
            field(out, text(line.sku()));
            field(out, text(line.location()));
            field(out, text(line.toLocation()));
            field(out, quantity(line.quantity()));
            field(out, line.role() == null ? "" : line.role().name());
            List<String> serials = line.serialsOrEmpty();
            out.append('S').append(serials.size());
            for (String serial : serials) {
                field(out, serial == null ? "\u0000null" : serial.strip());
            }
            if (!text(line.reason()).isEmpty()) {
                out.append('R');
                field(out, text(line.reason()));
            }
            // an assignment of components, only when given (a line without one hashes as before)
            if (!line.intoOrEmpty().isEmpty()) {
                Map<String, String> into = new TreeMap<>();
                line.intoOrEmpty().forEach((component, output) -> into.put(text(component), text(output)));
                out.append('I').append(into.size());
                into.forEach((component, output) -> field(field(out, component), output));
            }
            // how the serials are written and their labels' data, only when given
            if (!text(line.serialsFormat()).isEmpty()) {
                out.append('F');
                field(out, text(line.serialsFormat()).toUpperCase(java.util.Locale.ROOT));
            }
            if (!line.serialAttributesOrEmpty().isEmpty()) {
                Map<String, String> labels = new TreeMap<>();
                line.serialAttributesOrEmpty().forEach((serial, a) -> labels.put(text(serial), a == null ? ""
                        : text(a.lot()) + "\u0000" + (a.expiry() == null ? "" : a.expiry().toString())));
                out.append('A').append(labels.size());
                labels.forEach((serial, label) -> field(field(out, serial), label));
            }
        }
        // the parties come last, and only when named: a document without one hashes as before
        if (!text(command.rma()).isEmpty()) {
            out.append('M');
            field(out, text(command.rma()));
        }
        if (!text(command.supplier()).isEmpty() || !text(command.customer()).isEmpty()) {
            out.append('P');
            field(out, text(command.supplier()));
            field(out, text(command.customer()));
        }
        return out.toString();
    }

    private static StringBuilder field(StringBuilder out, String value) {
        return out.append('|').append(value.length()).append(':').append(value);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String quantity(BigDecimal q) {
        return q == null ? "" : q.stripTrailingZeros().toPlainString();
    }
}
