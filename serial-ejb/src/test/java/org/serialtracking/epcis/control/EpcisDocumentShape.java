package org.serialtracking.epcis.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of an EPCIS 2.0 JSON / JSON-LD document, checked by hand: no package that the build
 * may fetch carries GS1's EPCIS 2.0 JSON Schema (io.openepcis stops at 0.9.2, whose validation jar
 * expects to download the schema from ref.gs1.org at run time), so the rules of the standard's
 * schema and context that an EPCISDocument or EPCISQueryDocument must meet are written down here:
 * the header, the event types and which fields each may have, actions, CBV words (business steps,
 * dispositions, source/destination, business transaction and error reason types), URIs, times and
 * offsets, quantity elements, error declarations, and that every field the standard does not name
 * is an extension with a prefix the context declares. {@code EpcisDocumentShapeTest} shows that the
 * GS1 examples of openepcis-test-resources pass and that broken documents do not.
 */
public final class EpcisDocumentShape {

    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    static final Set<String> BIZ_STEPS = Set.of("accepting", "arriving", "assembling", "collecting", "commissioning",
            "consigning", "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying",
            "disassembling", "dispensing", "encoding", "entering_exiting", "holding", "inspecting", "installing",
            "killing", "loading", "other", "packing", "picking", "receiving", "removing", "repackaging", "repairing",
            "replacing", "reserving", "retail_selling", "sampling", "sensor_reporting", "shipping", "staging_outbound",
            "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking", "void_shipping");
    static final Set<String> DISPOSITIONS = Set.of("active", "available", "completeness_inferred",
            "completeness_verified", "conformant", "container_closed", "container_open", "damaged", "destroyed",
            "dispensed", "disposed", "encoded", "expired", "in_progress", "in_transit", "inactive", "mismatch_instance",
            "mismatch_class", "mismatch_quantity", "needs_replacement", "no_pedigree_match", "non_conformant",
            "non_sellable_other", "partially_dispensed", "recalled", "reserved", "retail_sold", "returned",
            "sellable_accessible", "sellable_not_accessible", "stolen", "unavailable", "unknown");
    static final Set<String> PLACE_TYPES = Set.of("owning_party", "possessing_party", "location");
    static final Set<String> TRANSACTION_TYPES = Set.of("bol", "cert", "desadv", "inv", "pedigree", "po", "poc",
            "prodorder", "recadv", "rma", "testprd", "testres", "upevt");
    static final Set<String> ERROR_REASONS = Set.of("did_not_occur", "incorrect_data");
    static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE", "DELETE");

    private static final Set<String> HEADER = Set.of("@context", "type", "schemaVersion", "creationDate", "epcisHeader",
            "epcisBody", "id", "instanceIdentifier", "sender", "receiver");
    private static final Set<String> COMMON = Set.of("@context", "type", "eventTime", "eventTimeZoneOffset", "recordTime",
            "eventID", "errorDeclaration", "certificationInfo", "bizStep", "disposition", "persistentDisposition",
            "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList", "sensorElementList");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "ObjectEvent", Set.of("epcList", "quantityList", "action", "ilmd"),
            "AggregationEvent", Set.of("parentID", "childEPCs", "childQuantityList", "action"),
            "AssociationEvent", Set.of("parentID", "childEPCs", "childQuantityList", "action"),
            "TransactionEvent", Set.of("parentID", "epcList", "quantityList", "action"),
            "TransformationEvent", Set.of("inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList",
                    "transformationID", "ilmd"));
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
    private static final Pattern OFFSET = Pattern.compile("[+-]((0\\d|1[0-3]):[0-5]\\d|14:00)");
    private static final Pattern UOM = Pattern.compile("[A-Z0-9]{2,3}");
    private static final Pattern EXTENSION = Pattern.compile("([A-Za-z_][\\w.-]*):[^:]+");

    private final List<String> problems = new ArrayList<>();
    private final Set<String> prefixes = new HashSet<>();

    private EpcisDocumentShape() {
    }

    /** What is wrong with a document (empty: nothing). */
    public static List<String> problems(String json) {
        JsonObject doc;
        try {
            doc = Json.createReader(new StringReader(json)).readObject();
        } catch (RuntimeException e) {
            return List.of("not a JSON object: " + e.getMessage());
        }
        return problems(doc);
    }

    public static List<String> problems(JsonObject doc) {
        EpcisDocumentShape shape = new EpcisDocumentShape();
        shape.document(doc);
        return shape.problems;
    }

    private void document(JsonObject doc) {
        context(doc.get("@context"), "$", true);
        String type = text(doc, "type", "$");
        if (!"EPCISQueryDocument".equals(type) && !"EPCISDocument".equals(type)) {
            problem("$.type", "must be EPCISDocument or EPCISQueryDocument, is " + type);
        }
        if (!"2.0".equals(text(doc, "schemaVersion", "$"))) {
            problem("$.schemaVersion", "must be \"2.0\"");
        }
        time(doc, "creationDate", "$", true);
        fields(doc, HEADER, "$");
        JsonObject body = object(doc, "epcisBody", "$", true);
        if (body == null) {
            return;
        }
        JsonArray events;
        if ("EPCISQueryDocument".equals(type)) {
            fields(body, Set.of("queryResults"), "$.epcisBody");
            JsonObject results = object(body, "queryResults", "$.epcisBody", true);
            if (results == null) {
                return;
            }
            fields(results, Set.of("queryName", "subscriptionID", "resultsBody"), "$.epcisBody.queryResults");
            text(results, "queryName", "$.epcisBody.queryResults");
            JsonObject resultsBody = object(results, "resultsBody", "$.epcisBody.queryResults", true);
            if (resultsBody == null) {
                return;
            }
            fields(resultsBody, Set.of("eventList"), "$.epcisBody.queryResults.resultsBody");
            events = array(resultsBody, "eventList", "$.epcisBody.queryResults.resultsBody", true);
        } else {
            fields(body, Set.of("eventList"), "$.epcisBody");
            events = array(body, "eventList", "$.epcisBody", true);
        }
        if (events != null) {
            for (int i = 0; i < events.size(); i++) {
                String at = "eventList[" + i + "]";
                if (events.get(i) instanceof JsonObject e) {
                    event(e, at);
                } else {
                    problem(at, "must be an object");
                }
            }
        }
    }

    private void event(JsonObject e, String at) {
        if (e.containsKey("@context")) {
            context(e.get("@context"), at, false);
        }
        String type = text(e, "type", at);
        Set<String> own = FIELDS.get(type);
        if (own == null) {
            problem(at + ".type", "is not an EPCIS event type: " + type);
            return;
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(own);
        fields(e, allowed, at);
        time(e, "eventTime", at, true);
        time(e, "recordTime", at, false);
        String offset = text(e, "eventTimeZoneOffset", at);
        if (offset != null && !OFFSET.matcher(offset).matches()) {
            problem(at + ".eventTimeZoneOffset", "is no offset of the form +hh:mm: " + offset);
        }
        uriField(e, "eventID", at, false);
        String action = e.containsKey("action") ? text(e, "action", at) : null;
        if (type.equals("TransformationEvent")) {
            if (!nonEmpty(e, "inputEPCList") && !nonEmpty(e, "inputQuantityList") && !nonEmpty(e, "outputEPCList")
                    && !nonEmpty(e, "outputQuantityList")) {
                problem(at, "a TransformationEvent needs an input or an output");
            }
            uriField(e, "transformationID", at, false);
        } else if (action == null) {
            problem(at + ".action", "is required");
        } else if (!ACTIONS.contains(action)) {
            problem(at + ".action", "must be ADD, OBSERVE or DELETE, is " + action);
        }
        if (type.equals("ObjectEvent") && !e.containsKey("epcList") && !nonEmpty(e, "quantityList")
                && !nonEmpty(e, "sensorElementList")) {
            problem(at, "an ObjectEvent needs epcList or quantityList");
        }
        if (e.containsKey("ilmd") && action != null && !action.equals("ADD")) {
            problem(at + ".ilmd", "only an ADD event carries ilmd");
        }
        if ((type.equals("AggregationEvent") || type.equals("AssociationEvent")) && "ADD".equals(action)
                && !e.containsKey("parentID")) {
            problem(at + ".parentID", "is required when children are added");
        }
        uriField(e, "parentID", at, false);
        for (String list : List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList")) {
            JsonArray epcs = array(e, list, at, false);
            if (epcs != null) {
                for (int i = 0; i < epcs.size(); i++) {
                    uri(epcs.get(i), at + "." + list + "[" + i + "]");
                }
            }
        }
        for (String list : List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList")) {
            JsonArray quantities = array(e, list, at, false);
            if (quantities != null) {
                for (int i = 0; i < quantities.size(); i++) {
                    quantity(quantities.get(i), at + "." + list + "[" + i + "]");
                }
            }
        }
        word(e, "bizStep", BIZ_STEPS, at);
        word(e, "disposition", DISPOSITIONS, at);
        idObject(e, "readPoint", at);
        idObject(e, "bizLocation", at);
        JsonArray transactions = array(e, "bizTransactionList", at, false);
        if (transactions != null) {
            for (int i = 0; i < transactions.size(); i++) {
                String t = at + ".bizTransactionList[" + i + "]";
                if (transactions.get(i) instanceof JsonObject o) {
                    fields(o, Set.of("type", "bizTransaction"), t);
                    uriField(o, "bizTransaction", t, true);
                    word(o, "type", TRANSACTION_TYPES, t);
                } else {
                    problem(t, "must be an object");
                }
            }
        }
        places(e, "sourceList", "source", at);
        places(e, "destinationList", "destination", at);
        if (e.containsKey("errorDeclaration")) {
            JsonObject d = object(e, "errorDeclaration", at, true);
            if (d != null) {
                String t = at + ".errorDeclaration";
                fields(d, Set.of("declarationTime", "reason", "correctiveEventIDs"), t);
                time(d, "declarationTime", t, true);
                word(d, "reason", ERROR_REASONS, t);
                JsonArray corrective = array(d, "correctiveEventIDs", t, false);
                if (corrective != null) {
                    for (int i = 0; i < corrective.size(); i++) {
                        uri(corrective.get(i), t + ".correctiveEventIDs[" + i + "]");
                    }
                }
            }
        }
    }

    private void context(JsonValue context, String at, boolean required) {
        List<JsonValue> entries = new ArrayList<>();
        if (context instanceof JsonArray a) {
            entries.addAll(a);
        } else if (context != null) {
            entries.add(context);
        }
        boolean standard = false;
        for (JsonValue v : entries) {
            if (v instanceof JsonString s) {
                standard |= s.getString().equals(CONTEXT);
            } else if (v instanceof JsonObject o) {
                for (Map.Entry<String, JsonValue> p : o.entrySet()) {
                    if (p.getValue() instanceof JsonString iri && isUri(iri.getString())) {
                        prefixes.add(p.getKey());
                    } else {
                        problem(at + ".@context." + p.getKey(), "must map a prefix to an IRI");
                    }
                }
            } else {
                problem(at + ".@context", "holds the context's URL and objects of prefixes");
            }
        }
        if (required && !standard) {
            problem(at + ".@context", "must name " + CONTEXT);
        }
    }

    /** Every field is one of the standard's here or an extension whose prefix the context declares. */
    private void fields(JsonObject o, Set<String> allowed, String at) {
        for (String name : o.keySet()) {
            if (allowed.contains(name)) {
                continue;
            }
            var m = EXTENSION.matcher(name);
            if (!m.matches()) {
                problem(at + "." + name, "is no field of EPCIS 2.0 and no extension (prefix:name)");
            } else if (!prefixes.contains(m.group(1))) {
                problem(at + "." + name, "is an extension whose prefix the @context does not declare");
            }
        }
    }

    private void word(JsonObject o, String name, Set<String> words, String at) {
        if (!o.containsKey(name)) {
            return;
        }
        String value = text(o, name, at);
        if (value != null && !words.contains(value) && !(value.contains(":") && isUri(value))) {
            problem(at + "." + name, "is neither a CBV word nor a URI: " + value);
        }
    }

    private void idObject(JsonObject o, String name, String at) {
        if (!o.containsKey(name)) {
            return;
        }
        JsonObject id = object(o, name, at, true);
        if (id != null) {
            fields(id, Set.of("id"), at + "." + name);
            uriField(id, "id", at + "." + name, true);
        }
    }

    private void places(JsonObject o, String list, String name, String at) {
        JsonArray places = array(o, list, at, false);
        if (places == null) {
            return;
        }
        for (int i = 0; i < places.size(); i++) {
            String t = at + "." + list + "[" + i + "]";
            if (places.get(i) instanceof JsonObject p) {
                fields(p, Set.of("type", name), t);
                if (!p.containsKey("type")) {
                    problem(t + ".type", "is required");
                }
                word(p, "type", PLACE_TYPES, t);
                uriField(p, name, t, true);
            } else {
                problem(t, "must be an object");
            }
        }
    }

    private void quantity(JsonValue value, String at) {
        if (!(value instanceof JsonObject q)) {
            problem(at, "must be an object");
            return;
        }
        fields(q, Set.of("epcClass", "quantity", "uom"), at);
        uriField(q, "epcClass", at, true);
        if (q.containsKey("quantity") && !(q.get("quantity") instanceof JsonNumber)) {
            problem(at + ".quantity", "must be a number");
        }
        if (q.containsKey("uom") && !(q.get("uom") instanceof JsonString s && UOM.matcher(s.getString()).matches())) {
            problem(at + ".uom", "must be a UN/CEFACT unit code");
        }
    }

    private void time(JsonObject o, String name, String at, boolean required) {
        if (!o.containsKey(name)) {
            if (required) {
                problem(at + "." + name, "is required");
            }
            return;
        }
        String value = text(o, name, at);
        if (value != null && !DATE_TIME.matcher(value).matches()) {
            problem(at + "." + name, "is no date-time with offset: " + value);
        }
    }

    private void uriField(JsonObject o, String name, String at, boolean required) {
        if (!o.containsKey(name)) {
            if (required) {
                problem(at + "." + name, "is required");
            }
            return;
        }
        uri(o.get(name), at + "." + name);
    }

    private void uri(JsonValue value, String at) {
        if (!(value instanceof JsonString s) || !isUri(s.getString())) {
            problem(at, "must be an absolute URI: " + value);
        }
    }

    static boolean isUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean nonEmpty(JsonObject o, String name) {
        return o.get(name) instanceof JsonArray a && !a.isEmpty();
    }

    private String text(JsonObject o, String name, String at) {
        JsonValue v = o.get(name);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        problem(at + "." + name, v == null ? "is required" : "must be a string");
        return null;
    }

    private JsonObject object(JsonObject o, String name, String at, boolean required) {
        JsonValue v = o.get(name);
        if (v instanceof JsonObject x) {
            return x;
        }
        if (v != null || required) {
            problem(at + "." + name, v == null ? "is required" : "must be an object");
        }
        return null;
    }

    private JsonArray array(JsonObject o, String name, String at, boolean required) {
        JsonValue v = o.get(name);
        if (v instanceof JsonArray x) {
            return x;
        }
        if (v != null || required) {
            problem(at + "." + name, v == null ? "is required" : "must be an array");
        }
        return null;
    }

    private void problem(String at, String what) {
        problems.add(at + " " + what);
    }
}
