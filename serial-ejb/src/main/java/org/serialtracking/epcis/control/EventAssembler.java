package org.serialtracking.epcis.control;

import org.serialtracking.epcis.control.EpcisEvent.BizTransaction;
import org.serialtracking.epcis.control.EpcisEvent.Place;
import org.serialtracking.epcis.control.EpcisEvent.Quantity;
import org.serialtracking.party.PartyKind;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one entry of a document (its lines, and the serials it moved in the feed's order) into its
 * EPCIS events, numbered 0 on ({@code seq}):
 * <ul>
 *   <li>a build or work order makes TransformationEvents: its serials in order (outputs and
 *       components as they come), {@link #EPCS_PER_EVENT} to an event, all with the document as
 *       transformation id; the first also carries the lines without serials as quantities;</li>
 *   <li>a repair makes an AggregationEvent per line and unit (the unit as parent), chunked the same way;</li>
 *   <li>every other document an ObjectEvent per line, chunked the same way.</li>
 * </ul>
 * The numbering depends only on the document's lines and serials, which never change (a cancelled
 * document's are kept), so an event keeps its number, and its id, for ever; the cancellation's
 * entry re-issues the same events, with the same ids, with an error declaration. A repair's group
 * whose unit is not known any more (cancelled before the feed kept them) keeps its number but makes
 * no event.
 */
public final class EventAssembler {

    /** EPCs in one event at most: a larger line makes several events. */
    public static final int EPCS_PER_EVENT = 1000;

    /** Where events go. */
    @FunctionalInterface
    public interface Sink {
        void accept(EpcisEvent event) throws IOException;
    }

    /**
     * What an event must have to be written: one of these business steps (empty: any), one of these
     * serials ({@code itemId + "\n" + serialKey}; null: any).
     */
    public record Filter(Set<String> bizSteps, Set<String> serials) {

        public static final Filter NONE = new Filter(Set.of(), null);

        public static String serial(long itemId, String serialKey) {
            return itemId + "\n" + serialKey;
        }
    }

    private final EpcisUris uris;
    private final ZoneId zone;
    private final int perEvent;

    public EventAssembler(EpcisUris uris, ZoneId zone) {
        this(uris, zone, EPCS_PER_EVENT);
    }

    /** With another chunk size (tests). */
    public EventAssembler(EpcisUris uris, ZoneId zone, int perEvent) {
        this.uris = uris;
        this.zone = zone;
        this.perEvent = perEvent;
    }

    /**
     * Writes the events of the entry numbered above {@code afterSeq} up to {@code untilSeq} that pass
     * the filter; every serial of the entry is read, also past the window.
     *
     * @param lines   the document's lines, in the feed's order (by id)
     * @param serials the entry's serials in the feed's order (line, unit, as written), and no others
     * @return how many numbers the entry's events take
     */
    public int assemble(FeedDocument doc, List<FeedLine> lines, Iterator<FeedSerial> serials, int afterSeq,
                        int untilSeq, Filter filter, Sink sink) throws IOException {
        Map<Long, FeedLine> byId = new LinkedHashMap<>();
        lines.forEach(l -> byId.put(l.id(), l));
        boolean transforms = EventMapping.transforms(doc.type());
        boolean aggregates = EventMapping.aggregates(doc.type());
        Chunk chunk = null;
        int seq = 0;
        while (serials.hasNext()) {
            FeedSerial s = serials.next();
            FeedLine line = Objects.requireNonNull(byId.get(s.lineId()), "a serial of a line of another document");
            Object group = transforms ? doc.id() : aggregates ? List.of(s.lineId(), String.valueOf(s.unitId())) : s.lineId();
            if (chunk != null && (chunk.full(perEvent) || !chunk.group.equals(group))) {
                emit(doc, lines, chunk, seq++, afterSeq, untilSeq, filter, sink);
                chunk = null;
            }
            if (chunk == null) {
                chunk = new Chunk(group, line, s, seq > afterSeq && seq <= untilSeq);
            }
            chunk.add(line, s, uris, filter.serials() != null);
        }
        if (chunk != null) {
            emit(doc, lines, chunk, seq++, afterSeq, untilSeq, filter, sink);
        }
        return seq;
    }

    /** The serials of one event: of one line (and unit), or of a build's lines, in order. */
    private static final class Chunk {
        final Object group;
        final FeedLine first;
        final FeedSerial firstSerial;
        final boolean wanted;
        final List<String> epcs = new ArrayList<>();
        final List<String> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        int size;

        Chunk(Object group, FeedLine first, FeedSerial firstSerial, boolean wanted) {
            this.group = group;
            this.first = first;
            this.firstSerial = firstSerial;
            this.wanted = wanted;
        }

        boolean full(int perEvent) {
            return size >= perEvent;
        }

        void add(FeedLine line, FeedSerial s, EpcisUris uris, boolean matching) {
            size++;
            if (!wanted) {
                return;
            }
            String epc = uris.epc(line.gtin(), line.sku(), s.serial());
            if (line.role() == LineRole.OUTPUT) {
                outputs.add(epc);
            } else if (line.role() == LineRole.COMPONENT) {
                inputs.add(epc);
            } else {
                epcs.add(epc);
            }
            if (matching) {
                keys.add(Filter.serial(line.itemId(), s.serialKey()));
            }
        }
    }

    private void emit(FeedDocument doc, List<FeedLine> lines, Chunk chunk, int seq, int afterSeq, int untilSeq,
                      Filter filter, Sink sink) throws IOException {
        if (!chunk.wanted || seq <= afterSeq || seq > untilSeq) {
            return;
        }
        FeedLine line = chunk.first;
        boolean transforms = EventMapping.transforms(doc.type());
        EventMapping m = EventMapping.of(doc.type(), line.role(), line.quantity());
        if (!filter.bizSteps().isEmpty() && !filter.bizSteps().contains(m.bizStep())) {
            return;
        }
        if (filter.serials() != null && chunk.keys.stream().noneMatch(filter.serials()::contains)) {
            return;
        }
        String parent = null;
        if (m.type() == EventMapping.EventType.AggregationEvent) {
            FeedSerial s = chunk.firstSerial;
            if (s.unitId() == null || s.unitSerial() == null) {
                return;
            }
            parent = uris.epc(s.unitGtin(), s.unitSku(), s.unitSerial());
        }
        List<Quantity> inQuantities = new ArrayList<>();
        List<Quantity> outQuantities = new ArrayList<>();
        FeedLine where = line;
        if (transforms) {
            where = lines.stream().filter(l -> l.role() == LineRole.OUTPUT).findFirst().orElse(lines.get(0));
            if (seq == 0) {
                for (FeedLine l : lines) {
                    if (!l.hasSerials() && l.quantity().signum() != 0) {
                        Quantity q = new Quantity(uris.epcClass(l.gtin(), l.sku()), plain(l.quantity().abs()));
                        (l.role() == LineRole.OUTPUT ? outQuantities : inQuantities).add(q);
                    }
                }
            }
        }
        OffsetDateTime eventTime = local(doc.postedAt());
        String readPoint;
        String bizLocation;
        List<Place> sources = new ArrayList<>();
        List<Place> destinations = new ArrayList<>();
        String company = uris.company(where.company());
        switch (m.bizStep()) {
            case Cbv.SHIPPING -> {
                readPoint = uris.location(where.location());
                bizLocation = null;
                sources.add(new Place(Cbv.OWNING_PARTY, company));
                if (doc.party() != null) {
                    destinations.add(new Place(Cbv.OWNING_PARTY, party(doc)));
                }
            }
            case Cbv.DECOMMISSIONING -> {
                readPoint = uris.location(where.location());
                bizLocation = null;
            }
            case Cbv.ARRIVING -> {
                readPoint = uris.location(where.toLocation());
                bizLocation = readPoint;
                sources.add(new Place(Cbv.LOCATION, uris.location(where.location())));
                destinations.add(new Place(Cbv.LOCATION, uris.location(where.toLocation())));
                if (!where.company().equals(where.toCompany())) {
                    sources.add(new Place(Cbv.OWNING_PARTY, company));
                    destinations.add(new Place(Cbv.OWNING_PARTY, uris.company(where.toCompany())));
                }
            }
            case Cbv.RECEIVING -> {
                readPoint = uris.location(where.location());
                bizLocation = readPoint;
                if (doc.party() != null) {
                    sources.add(new Place(Cbv.OWNING_PARTY, party(doc)));
                }
                destinations.add(new Place(Cbv.OWNING_PARTY, company));
            }
            default -> {
                readPoint = uris.location(where.location());
                bizLocation = readPoint;
            }
        }
        List<BizTransaction> transactions = new ArrayList<>();
        transactions.add(new BizTransaction(m.transactionType(), uris.document(doc.number())));
        if (doc.type() == DocumentType.RESTOCK && doc.rma() != null) {
            transactions.add(new BizTransaction(Cbv.RMA, uris.rma(doc.rma())));
        }
        sink.accept(new EpcisEvent(seq, m, uris.event(doc.number(), seq), eventTime,
                doc.declaration() ? local(doc.cancelledAt()) : eventTime, chunk.epcs, chunk.inputs, chunk.outputs,
                inQuantities, outQuantities, parent, transforms ? uris.transformation(doc.number()) : null, readPoint,
                bizLocation, transactions, sources, destinations, doc.declaration() ? local(doc.cancelledAt()) : null));
    }

    private String party(FeedDocument doc) {
        return doc.partyKind() == PartyKind.SUPPLIER ? uris.supplier(doc.party()) : uris.customer(doc.party());
    }

    private OffsetDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** 10.0000 as 10, 2.5000 as 2.5 (never 1E+1). */
    private static BigDecimal plain(BigDecimal quantity) {
        BigDecimal q = quantity.stripTrailingZeros();
        return q.scale() < 0 ? q.setScale(0) : q;
    }
}
