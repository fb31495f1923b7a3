package org.serialtracking.epcis.control;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import org.serialtracking.epcis.control.EpcisEvent.BizTransaction;
import org.serialtracking.epcis.control.EpcisEvent.Place;
import org.serialtracking.epcis.control.EpcisEvent.Quantity;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an EPCIS 2.0 query document in JSON-LD as its events come, with a constant amount of
 * memory: the header, each event as it is given, and the end. The next page's token, when there is
 * one, is an extension property of the document ({@code st:nextPageToken}, its prefix declared in
 * the context under the base); the Link header carries it too.
 */
public final class EpcisWriter {

    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    /** The prefix of this feed's own extension properties. */
    public static final String PREFIX = "st";
    public static final String NEXT_PAGE_TOKEN = PREFIX + ":nextPageToken";
    public static final String QUERY_NAME = "SimpleEventQuery";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final JsonGenerator json;

    /** Starts the document: header, then the event list, open. */
    public EpcisWriter(OutputStream out, EpcisUris uris, OffsetDateTime creationDate, String nextPageToken) {
        json = Json.createGenerator(out);
        json.writeStartObject();
        json.writeStartArray("@context").write(CONTEXT).writeStartObject().write(PREFIX, uris.base() + "/epcis/ns/")
                .writeEnd().writeEnd();
        json.write("type", "EPCISQueryDocument");
        json.write("schemaVersion", "2.0");
        json.write("creationDate", TIME.format(creationDate));
        if (nextPageToken != null) {
            json.write(NEXT_PAGE_TOKEN, nextPageToken);
        }
        json.writeStartObject("epcisBody").writeStartObject("queryResults").write("queryName", QUERY_NAME)
                .writeStartObject("resultsBody").writeStartArray("eventList");
    }

    public void event(EpcisEvent e) {
        EventMapping m = e.mapping();
        json.writeStartObject();
        json.write("type", m.type().name());
        json.write("eventID", e.eventId());
        json.write("eventTime", TIME.format(e.eventTime()));
        json.write("eventTimeZoneOffset", offset(e.eventTime().getOffset()));
        json.write("recordTime", TIME.format(e.recordTime()));
        if (e.declaredAt() != null) {
            json.writeStartObject("errorDeclaration").write("declarationTime", TIME.format(e.declaredAt()))
                    .write("reason", Cbv.INCORRECT_DATA).writeEnd();
        }
        switch (m.type()) {
            case ObjectEvent -> {
                uris("epcList", e.epcs());
                json.write("action", m.action().name());
            }
            case AggregationEvent -> {
                json.write("parentID", e.parentId());
                uris("childEPCs", e.epcs());
                json.write("action", m.action().name());
            }
            case TransformationEvent -> {
                if (!e.inputs().isEmpty()) {
                    uris("inputEPCList", e.inputs());
                }
                quantities("inputQuantityList", e.inputQuantities());
                if (!e.outputs().isEmpty()) {
                    uris("outputEPCList", e.outputs());
                }
                quantities("outputQuantityList", e.outputQuantities());
                json.write("transformationID", e.transformationId());
            }
        }
        json.write("bizStep", m.bizStep());
        if (m.disposition() != null) {
            json.write("disposition", m.disposition());
        }
        json.writeStartObject("readPoint").write("id", e.readPoint()).writeEnd();
        if (e.bizLocation() != null) {
            json.writeStartObject("bizLocation").write("id", e.bizLocation()).writeEnd();
        }
        json.writeStartArray("bizTransactionList");
        for (BizTransaction t : e.transactions()) {
            json.writeStartObject();
            if (t.type() != null) {
                json.write("type", t.type());
            }
            json.write("bizTransaction", t.id()).writeEnd();
        }
        json.writeEnd();
        places("sourceList", "source", e.sources());
        places("destinationList", "destination", e.destinations());
        json.writeEnd();
    }

    /** Ends the event list and the document, and flushes it (the stream stays open: it is the caller's). */
    public void finish() {
        json.writeEnd().writeEnd().writeEnd().writeEnd().writeEnd();
        json.flush();
    }

    /** An offset as EPCIS writes it: +01:00, -05:30, +00:00 (never Z). */
    public static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return String.format("%s%02d:%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60);
    }

    private void uris(String name, List<String> values) {
        json.writeStartArray(name);
        values.forEach(json::write);
        json.writeEnd();
    }

    private void quantities(String name, List<Quantity> quantities) {
        if (quantities.isEmpty()) {
            return;
        }
        json.writeStartArray(name);
        for (Quantity q : quantities) {
            json.writeStartObject().write("epcClass", q.epcClass()).write("quantity", q.quantity()).writeEnd();
        }
        json.writeEnd();
    }

    private void places(String list, String name, List<Place> places) {
        if (places.isEmpty()) {
            return;
        }
        json.writeStartArray(list);
        for (Place p : places) {
            json.writeStartObject().write("type", p.type()).write(name, p.id()).writeEnd();
        }
        json.writeEnd();
    }
}
