package org.serialtracking.epcis.control;

import org.serialtracking.common.RuleViolation;
import org.serialtracking.gs1.Gs1;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The identifiers the feed writes. An item with a GTIN names its serials as GS1 Digital Link URIs
 * ({@code https://id.gs1.org/01/{gtin}/21/{serial}}) and itself as {@code https://id.gs1.org/01/{gtin}};
 * an item without one, and everything else of ours (locations, companies, customers and suppliers,
 * documents, events), is named under the configured base ({@code SERIAL_EPCIS_BASE}), e.g.
 * {@code {base}/item/{sku}/serial/{serial}}. Every value in a path is percent-encoded as UTF-8 except
 * RFC 3986's unreserved characters ({@code A-Z a-z 0-9 - . _ ~}), as the Digital Link standard asks of
 * an AI value: a serial with {@code /}, {@code %}, spaces or any other character keeps one segment.
 */
public final class EpcisUris {

    /** The base when none is configured: a reserved name that is no one's. */
    public static final String DEFAULT_BASE = "https://serials.example.invalid";

    private static final String DIGITAL_LINK = "https://id.gs1.org/01/";

    private final String base;

    private EpcisUris(String base) {
        this.base = base;
    }

    /**
     * Identifiers under this base: an absolute http(s) URI without query or fragment (a trailing
     * slash is dropped); blank gives {@link #DEFAULT_BASE}.
     *
     * @throws IllegalArgumentException when the base is no such URI
     */
    public static EpcisUris under(String base) {
        String b = base == null || base.isBlank() ? DEFAULT_BASE : base.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        try {
            URI uri = new URI(b);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("not an absolute http(s) URI without query: " + base);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: " + base, e);
        }
        return new EpcisUris(b);
    }

    public String base() {
        return base;
    }

    /** A serial of an item: its SGTIN as a Digital Link when the item has a GTIN, else under the base. */
    public String epc(String gtin, String sku, String serial) {
        return gtin != null ? DIGITAL_LINK + gtin + "/21/" + encode(serial)
                : base + "/item/" + encode(sku) + "/serial/" + encode(serial);
    }

    /** An item as a class (untracked quantities): its GTIN as a Digital Link, else under the base. */
    public String epcClass(String gtin, String sku) {
        return gtin != null ? DIGITAL_LINK + gtin : base + "/item/" + encode(sku);
    }

    public String location(String code) {
        return base + "/location/" + encode(code);
    }

    /** One of our companies, as the owner of what is at its locations. */
    public String company(String code) {
        return base + "/company/" + encode(code);
    }

    public String customer(String code) {
        return base + "/customer/" + encode(code);
    }

    public String supplier(String code) {
        return base + "/supplier/" + encode(code);
    }

    /** A posted document, as a business transaction. */
    public String document(String number) {
        return base + "/document/" + encode(number);
    }

    /** A customer's return authorisation, as a business transaction. */
    public String rma(String rma) {
        return base + "/rma/" + encode(rma);
    }

    /** A build or work order, as the transformation its events make together. */
    public String transformation(String number) {
        return base + "/transformation/" + encode(number);
    }

    /**
     * The event a document makes as its {@code seq}-th (0 on, in the feed's order of its lines and
     * serials): the same for the event and for its re-issue with an error declaration, and for
     * every read of the feed.
     */
    public String event(String number, int seq) {
        return base + "/event/" + encode(number) + "/" + seq;
    }

    /**
     * The serial an EPC names: an SGTIN Digital Link URI as this feed writes it, or any other Digital
     * Link with a GTIN and a serial (another resolver, a lot before the serial) that GS1's rules read
     * ({@code gtin} set), or an instance URI under the base ({@code sku} set); empty for anything else.
     */
    public Optional<Epc> parse(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String u = uri.strip();
        if (u.startsWith(DIGITAL_LINK)) {
            String[] parts = u.substring(DIGITAL_LINK.length()).split("/", -1);
            if (parts.length == 3 && parts[0].matches("[0-9]{14}") && parts[1].equals("21")) {
                // as written here: also a serial outside GS1's character set 82
                Optional<Epc> own = decode(parts[2]).map(serial -> new Epc(parts[0], null, serial));
                if (own.isPresent()) {
                    return own;
                }
            }
        }
        if (u.startsWith("https://") || u.startsWith("http://")) {
            try {
                Optional<Epc> link = Gs1.parseIfGs1(u).filter(d -> d.gtin() != null && d.serial() != null)
                        .map(d -> new Epc(d.gtin().value(), null, d.serial()));
                if (link.isPresent()) {
                    return link;
                }
            } catch (RuleViolation e) {
                // meant as GS1 but not valid: names no serial
            }
        }
        String prefix = base + "/item/";
        if (u.startsWith(prefix)) {
            String[] parts = u.substring(prefix.length()).split("/", -1);
            if (parts.length == 3 && parts[1].equals("serial")) {
                Optional<String> sku = decode(parts[0]);
                Optional<String> serial = decode(parts[2]);
                if (sku.isPresent() && serial.isPresent()) {
                    return Optional.of(new Epc(null, sku.get(), serial.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** A serial as an EPC names it: by the GTIN of its item or by its SKU. */
    public record Epc(String gtin, String sku, String serial) {
    }

    /** UTF-8 percent-encoding of everything but RFC 3986's unreserved characters, hex in upper case. */
    public static String encode(String value) {
        if (unreserved(value)) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length() + 16);
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** The text of a percent-encoded segment; empty when it is not one (a bare reserved character, a bad escape, not UTF-8). */
    public static Optional<String> decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.' || c == '_' || c == '~') {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean unreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }
}
