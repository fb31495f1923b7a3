package org.serialtracking.epcis.control;

import org.serialtracking.party.PartyKind;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Documents, lines and serials as the feed reads them, made by hand, and the events they become. */
final class FeedFixtures {

    static final EpcisUris URIS = EpcisUris.under("https://serials.example.com/");
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final OffsetDateTime POSTED = OffsetDateTime.parse("2026-11-26T09:15:00Z");
    static final OffsetDateTime CANCELLED = OffsetDateTime.parse("2026-11-27T16:00:00Z");
    static final String GTIN = "04012345000016";

    private FeedFixtures() {
    }

    static FeedDocument doc(DocumentType type, String number) {
        return new FeedDocument(900, 7, 0, number, type, POSTED, null, null, null, null);
    }

    static FeedDocument doc(DocumentType type, String number, PartyKind kind, String party, String rma) {
        return new FeedDocument(900, 7, 0, number, type, POSTED, null, kind, party, rma);
    }

    /** The same document's cancellation entry. */
    static FeedDocument cancelled(FeedDocument d) {
        return new FeedDocument(950, d.id(), 1, d.number(), d.type(), d.postedAt(), CANCELLED, d.partyKind(), d.party(),
                d.rma());
    }

    /** A line of item {@code sku} (GTIN or null) at WH-1 of company ACME. */
    static FeedLine line(long id, LineRole role, String quantity, String sku, String gtin, boolean serials) {
        return new FeedLine(id, (int) id, role, new BigDecimal(quantity), id * 10, sku, gtin, "WH-1", "ACME", null, null,
                serials);
    }

    static FeedLine move(long id, String quantity, String to, String toCompany) {
        return new FeedLine(id, (int) id, null, new BigDecimal(quantity), id * 10, "PUMP", null, "WH-1", "ACME", to,
                toCompany, true);
    }

    static List<FeedSerial> serials(long lineId, String... values) {
        List<FeedSerial> list = new ArrayList<>();
        for (String v : values) {
            list.add(new FeedSerial(lineId, null, v, SerialNumber.keyOf(v), null, null, null));
        }
        return list;
    }

    static List<FeedSerial> installed(long lineId, long unitId, String unit, String... values) {
        List<FeedSerial> list = new ArrayList<>();
        for (String v : values) {
            list.add(new FeedSerial(lineId, unitId, v, SerialNumber.keyOf(v), unit, "UNIT", null));
        }
        return list;
    }

    static List<String> numbered(String prefix, int n) {
        List<String> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(prefix + i);
        }
        return list;
    }

    @SafeVarargs
    static List<FeedSerial> concat(List<FeedSerial>... parts) {
        List<FeedSerial> all = new ArrayList<>();
        for (List<FeedSerial> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    /** Every event of the entry, as the assembler makes them (chunks of {@code perEvent}). */
    static List<EpcisEvent> events(FeedDocument doc, List<FeedLine> lines, List<FeedSerial> serials, int perEvent,
                                   EventAssembler.Filter filter) {
        List<EpcisEvent> events = new ArrayList<>();
        try {
            new EventAssembler(URIS, ZONE, perEvent).assemble(doc, lines, serials.iterator(), -1, FeedPosition.WHOLE,
                    filter, events::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    static List<EpcisEvent> events(FeedDocument doc, List<FeedLine> lines, List<FeedSerial> serials) {
        return events(doc, lines, serials, EventAssembler.EPCS_PER_EVENT, EventAssembler.Filter.NONE);
    }

    /** A query document of these events, as the feed writes it. */
    static String document(List<EpcisEvent> events, String nextPageToken) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EpcisWriter writer = new EpcisWriter(out, URIS, OffsetDateTime.parse("2026-11-28T10:00:00+01:00"), nextPageToken);
        events.forEach(writer::event);
        writer.finish();
        return out.toString(StandardCharsets.UTF_8);
    }
}
