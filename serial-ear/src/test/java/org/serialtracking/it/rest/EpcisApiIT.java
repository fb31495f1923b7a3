package org.serialtracking.it.rest;

import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.serialtracking.epcis.control.EpcisDocumentShape;
import org.serialtracking.epcis.control.EpcisUris;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The EPCIS 2.0 event feed (issue 15) over HTTP: every document type's events with their business
 * steps, EPCs, places and business transactions, a cancelled receipt re-issued with an error
 * declaration, each page of the shape of an EPCIS 2.0 query document, paging by the Link header
 * to the end, the filters, refusals, and a document posted after a page was read coming on a later
 * page. Each test makes its own items, locations and documents and reads the feed through MATCH_epc
 * of its own serials (other tests post at the same time). The server runs with the default
 * SERIAL_EPCIS_BASE; the pump has a GTIN (SGTIN Digital Links), the other items are named under the base.
 */
@MicroShedTest
class EpcisApiIT {

    static final EpcisUris URIS = EpcisUris.under(EpcisUris.DEFAULT_BASE);
    static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    Instant start;
    String wh1;
    String wh2;
    String abroad;
    String company;
    String otherCompany;
    String supplier;
    String customer;
    String pump;
    String pumpGtin;
    String cell;
    String pack;
    String glue;
    String[] pumps;
    String[] cells;
    String[] packs;
    final Map<String, String> numbers = new LinkedHashMap<>();
    int cancelledReceiptId;

    /**
     * Pumps received from a supplier (one with /, %, a space and é in its serial), one moved to the
     * second location, one relocated to another company, one written off; two cells built with glue
     * into a pack, the pack shipped to a customer and returned under an RMA; a receipt cancelled.
     */
    @BeforeEach
    void world() {
        start = Instant.now().minus(5, ChronoUnit.MINUTES);
        Api.enableTracking();
        String[] wh = Api.twoLocations();
        wh1 = wh[0];
        wh2 = wh[1];
        company = Api.as("viewer").get("/api/locations").then().extract().jsonPath()
                .getString("find { it.code == '" + wh1 + "' }.company");
        otherCompany = Api.unique("CO");
        Api.as("admin").body(Api.json("code", otherCompany, "name", "Other")).post("/api/companies").then().statusCode(201);
        abroad = Api.unique("EU");
        Api.as("admin").body(Api.json("code", abroad, "name", "Abroad", "company", otherCompany)).post("/api/locations")
                .then().statusCode(201);
        supplier = Api.party("suppliers", "Pumps Inc");
        customer = Api.party("customers", "Grid Co");
        // the pump has a GTIN (its serials are SGTIN Digital Links), the others do not (named under the base)
        pumpGtin = Api.gtin();
        pump = Api.unique("GS1");
        Api.as("admin").body("{\"sku\":\"" + pump + "\",\"name\":\"Pump\",\"trackSerials\":true,\"gtin\":\""
                + pumpGtin + "\"}").post("/api/items").then().statusCode(201);
        cell = Api.trackedItem();
        pack = Api.trackedItem();
        glue = TraceApiIT.untrackedItem();
        String prefix = Api.unique("P");
        pumps = new String[]{prefix + "-1", prefix + "/2 %é", prefix + "-3", prefix + "-4", prefix + "-5"};
        cells = Api.serials(2);
        packs = Api.serials(1);

        numbers.put("receipt", post(Api.doc("RECEIPT", pump, wh1, 4, pumps[0], pumps[1], pumps[2], pumps[3])
                .replaceFirst("\\{", "{\"supplier\":\"" + supplier + "\",")));
        numbers.put("cells", post(Api.doc("RECEIPT", cell, wh1, 2, cells)));
        numbers.put("glue", post("{\"type\":\"RECEIPT\",\"lines\":[{\"sku\":\"" + glue + "\",\"location\":\"" + wh1
                + "\",\"quantity\":10}]}"));
        numbers.put("transfer", post(move("TRANSFER", wh2, pumps[0])));
        numbers.put("relocation", post(move("RELOCATION", abroad, pumps[2])));
        numbers.put("build", Api.build(Api.line(pack, wh1, 1, "OUTPUT", Api.list(packs[0]), null),
                Api.line(cell, wh1, 2, "COMPONENT", Api.list(cells), null),
                Api.line(glue, wh1, 2, "COMPONENT", null, null)).then().statusCode(201).extract().jsonPath()
                .getString("number"));
        numbers.put("shipment", post(Api.doc("SHIPMENT", pack, wh1, 1, packs[0])
                .replaceFirst("\\{", "{\"customer\":\"" + customer + "\",")));
        numbers.put("restock", post(Api.doc("RESTOCK", pack, wh1, 1, packs[0])
                .replaceFirst("\\{", "{\"customer\":\"" + customer + "\",\"rma\":\"RMA 7/1\",")));
        numbers.put("writeOff", post(Api.doc("ADJUSTMENT", pump, wh1, -1, pumps[3])));
        Response wrong = Api.as("clerk").body(Api.doc("RECEIPT", pump, wh1, 1, pumps[4])).post("/api/transactions");
        wrong.then().statusCode(201);
        numbers.put("cancelled", wrong.jsonPath().getString("number"));
        cancelledReceiptId = wrong.jsonPath().getInt("id");
        Api.as("clerk").post("/api/transactions/" + cancelledReceiptId + "/cancel").then().statusCode(200);
        awaitInFeed(id(numbers.get("cancelled"), 0) + "#");
    }

    /**
     * Waits until the feed serves this event (eventID, # for its error declaration): a document is
     * served once every transaction older than it has finished, and one may be running anywhere on
     * the database.
     */
    private void awaitInFeed(String key) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (page(first(allEpcs(), "&perPage=1000")).events().stream().noneMatch(e -> key(e).equals(key))) {
            assertThat(System.currentTimeMillis()).as(key + " in the feed").isLessThan(deadline);
            sleep();
        }
    }

    private static String post(String body) {
        return Api.as("clerk").body(body).post("/api/transactions").then().statusCode(201).extract().jsonPath()
                .getString("number");
    }

    private String move(String type, String to, String serial) {
        return "{\"type\":\"" + type + "\",\"lines\":[{\"sku\":\"" + pump + "\",\"location\":\"" + wh1
                + "\",\"toLocation\":\"" + to + "\",\"quantity\":1,\"serials\":" + Api.list(serial) + "}]}";
    }

    String epc(String sku, String serial) {
        return URIS.epc(sku.equals(pump) ? pumpGtin : null, sku, serial);
    }

    static String id(String number, int seq) {
        return URIS.event(number, seq);
    }

    private List<String> allEpcs() {
        List<String> epcs = new ArrayList<>();
        for (String p : pumps) {
            epcs.add(epc(pump, p));
        }
        for (String c : cells) {
            epcs.add(epc(cell, c));
        }
        epcs.add(epc(pack, packs[0]));
        return epcs;
    }

    /** A page as a viewer reads it, checked: 200, JSON-LD, the shape of an EPCIS 2.0 query document. */
    static Page page(String url) {
        Response r = Api.raw("viewer").accept("application/ld+json").get(url);
        r.then().statusCode(200).header("GS1-EPCIS-Version", "2.0.0");
        assertThat(r.contentType()).startsWith("application/ld+json");
        String body = r.asString();
        assertThat(EpcisDocumentShape.problems(body)).as(url).isEmpty();
        JsonObject doc = Json.createReader(new StringReader(body)).readObject();
        List<JsonObject> events = doc.getJsonObject("epcisBody").getJsonObject("queryResults")
                .getJsonObject("resultsBody").getJsonArray("eventList").getValuesAs(JsonObject.class);
        String link = r.header("Link");
        String next = null;
        if (link != null) {
            Matcher m = NEXT.matcher(link);
            assertThat(m.find()).as(link).isTrue();
            next = m.group(1);
            String token = doc.getString("st:nextPageToken");
            assertThat(next).contains("nextPageToken=" + token);
        } else {
            assertThat(doc).doesNotContainKey("st:nextPageToken");
        }
        return new Page(events, next);
    }

    record Page(List<JsonObject> events, String next) {
    }

    /** The first page's address: the events of these EPCs since the test started, with more parameters. */
    private String first(List<String> epcs, String more) {
        StringBuilder url = new StringBuilder("/api/epcis/events?GE_eventTime=" + Api.encode(start.toString()));
        for (String e : epcs) {
            url.append("&MATCH_epc=").append(Api.encode(e));
        }
        return url.append(more).toString();
    }

    /** Every event of the query, following the Link headers to the end; at least {@code minPages} pages. */
    private static List<JsonObject> follow(String url, int minPages) {
        List<JsonObject> all = new ArrayList<>();
        int pages = 0;
        String next = url;
        while (next != null) {
            Page p = page(next);
            all.addAll(p.events());
            next = p.next();
            pages++;
            assertThat(pages).as("the feed ends").isLessThan(200);
        }
        assertThat(pages).isGreaterThanOrEqualTo(minPages);
        return all;
    }

    static Map<String, JsonObject> byId(List<JsonObject> events, boolean declarations) {
        Map<String, JsonObject> map = new LinkedHashMap<>();
        for (JsonObject e : events) {
            if (e.containsKey("errorDeclaration") == declarations) {
                assertThat(map.put(e.getString("eventID"), e)).as("one event per id").isNull();
            }
        }
        return map;
    }

    static List<String> strings(JsonObject o, String name) {
        return o.containsKey(name) ? o.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList() : List.of();
    }

    static String at(JsonObject o, String name) {
        return o.getJsonObject(name).getString("id");
    }

    static List<String> places(JsonObject o, String list, String name) {
        return o.containsKey(list) ? o.getJsonArray(list).getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("type") + " " + p.getString(name)).toList() : List.of();
    }

    static List<String> transactions(JsonObject o) {
        return o.getJsonArray("bizTransactionList").getValuesAs(JsonObject.class).stream()
                .map(t -> (t.containsKey("type") ? t.getString("type") + " " : "") + t.getString("bizTransaction")).toList();
    }

    @Test
    void everyDocumentBecomesItsEventsInCommitOrderAndACancelledReceiptIsReissuedWithAnErrorDeclaration() {
        List<JsonObject> events = follow(first(allEpcs(), "&perPage=2"), 5);
        Map<String, JsonObject> original = byId(events, false);
        Map<String, JsonObject> declared = byId(events, true);
        String base = EpcisUris.DEFAULT_BASE;

        // in the order the documents were posted (each committed before the next), the declaration last
        List<String> expected = List.of(id(numbers.get("receipt"), 0), id(numbers.get("cells"), 0),
                id(numbers.get("transfer"), 0), id(numbers.get("relocation"), 0), id(numbers.get("build"), 0),
                id(numbers.get("shipment"), 0), id(numbers.get("restock"), 0), id(numbers.get("writeOff"), 0),
                id(numbers.get("cancelled"), 0));
        assertThat(original.keySet()).containsExactlyElementsOf(expected);
        assertThat(declared.keySet()).containsExactly(id(numbers.get("cancelled"), 0));
        assertThat(events.get(events.size() - 1).getString("eventID")).isEqualTo(id(numbers.get("cancelled"), 0));
        assertThat(events).noneMatch(e -> e.getString("eventID").contains(numbers.get("glue")));

        JsonObject receipt = original.get(id(numbers.get("receipt"), 0));
        assertThat(receipt.getString("type")).isEqualTo("ObjectEvent");
        assertThat(receipt.getString("action")).isEqualTo("ADD");
        assertThat(receipt.getString("bizStep")).isEqualTo("receiving");
        assertThat(receipt.getString("disposition")).isEqualTo("in_progress");
        assertThat(strings(receipt, "epcList")).containsExactlyInAnyOrder(epc(pump, pumps[0]), epc(pump, pumps[1]),
                epc(pump, pumps[2]), epc(pump, pumps[3]));
        assertThat(strings(receipt, "epcList")).contains("https://id.gs1.org/01/" + pumpGtin + "/21/"
                + pumps[1].replace("/", "%2F").replace("%é", "%25%C3%A9").replace(" ", "%20"));
        assertThat(at(receipt, "readPoint")).isEqualTo(base + "/location/" + wh1);
        assertThat(at(receipt, "bizLocation")).isEqualTo(base + "/location/" + wh1);
        assertThat(places(receipt, "sourceList", "source")).containsExactly("owning_party " + base + "/supplier/" + supplier);
        assertThat(places(receipt, "destinationList", "destination"))
                .containsExactly("owning_party " + base + "/company/" + company);
        assertThat(transactions(receipt)).containsExactly("recadv " + base + "/document/" + numbers.get("receipt"));
        assertThat(receipt.getString("eventTimeZoneOffset")).matches("[+-]\\d\\d:\\d\\d");
        assertThat(receipt.getString("recordTime")).isEqualTo(receipt.getString("eventTime"));

        JsonObject transfer = original.get(id(numbers.get("transfer"), 0));
        assertThat(transfer.getString("action")).isEqualTo("OBSERVE");
        assertThat(transfer.getString("bizStep")).isEqualTo("arriving");
        assertThat(strings(transfer, "epcList")).containsExactly(epc(pump, pumps[0]));
        assertThat(places(transfer, "sourceList", "source")).containsExactly("location " + base + "/location/" + wh1);
        assertThat(places(transfer, "destinationList", "destination")).containsExactly("location " + base + "/location/" + wh2);
        assertThat(at(transfer, "bizLocation")).isEqualTo(base + "/location/" + wh2);

        JsonObject relocation = original.get(id(numbers.get("relocation"), 0));
        assertThat(places(relocation, "sourceList", "source")).containsExactly("location " + base + "/location/" + wh1,
                "owning_party " + base + "/company/" + company);
        assertThat(places(relocation, "destinationList", "destination")).containsExactly(
                "location " + base + "/location/" + abroad, "owning_party " + base + "/company/" + otherCompany);

        JsonObject build = original.get(id(numbers.get("build"), 0));
        assertThat(build.getString("type")).isEqualTo("TransformationEvent");
        assertThat(build).doesNotContainKey("action");
        assertThat(build.getString("bizStep")).isEqualTo("assembling");
        assertThat(strings(build, "outputEPCList")).containsExactly(epc(pack, packs[0]));
        assertThat(strings(build, "inputEPCList")).containsExactlyInAnyOrder(epc(cell, cells[0]), epc(cell, cells[1]));
        JsonObject material = build.getJsonArray("inputQuantityList").getJsonObject(0);
        assertThat(material.getString("epcClass")).isEqualTo(base + "/item/" + glue);
        assertThat(material.getJsonNumber("quantity").bigDecimalValue()).isEqualByComparingTo("2");
        assertThat(build.getString("transformationID")).isEqualTo(base + "/transformation/" + numbers.get("build"));
        assertThat(transactions(build)).containsExactly("prodorder " + base + "/document/" + numbers.get("build"));

        JsonObject shipment = original.get(id(numbers.get("shipment"), 0));
        assertThat(shipment.getString("action")).isEqualTo("OBSERVE");
        assertThat(shipment.getString("bizStep")).isEqualTo("shipping");
        assertThat(shipment.getString("disposition")).isEqualTo("in_transit");
        assertThat(shipment).doesNotContainKey("bizLocation");
        assertThat(places(shipment, "destinationList", "destination"))
                .containsExactly("owning_party " + base + "/customer/" + customer);
        assertThat(transactions(shipment)).containsExactly("desadv " + base + "/document/" + numbers.get("shipment"));

        JsonObject restock = original.get(id(numbers.get("restock"), 0));
        assertThat(restock.getString("action")).isEqualTo("ADD");
        assertThat(restock.getString("bizStep")).isEqualTo("receiving");
        assertThat(restock.getString("disposition")).isEqualTo("returned");
        assertThat(places(restock, "sourceList", "source")).containsExactly("owning_party " + base + "/customer/" + customer);
        assertThat(transactions(restock)).containsExactly("recadv " + base + "/document/" + numbers.get("restock"),
                "rma " + base + "/rma/RMA%207%2F1");

        JsonObject writeOff = original.get(id(numbers.get("writeOff"), 0));
        assertThat(writeOff.getString("action")).isEqualTo("DELETE");
        assertThat(writeOff.getString("bizStep")).isEqualTo("decommissioning");
        assertThat(writeOff.getString("disposition")).isEqualTo("inactive");
        assertThat(strings(writeOff, "epcList")).containsExactly(epc(pump, pumps[3]));

        // the cancelled receipt: its event as posted (its serial is gone, the feed kept it), then the same
        // event again with the error declaration
        JsonObject posted = original.get(id(numbers.get("cancelled"), 0));
        JsonObject again = declared.get(id(numbers.get("cancelled"), 0));
        assertThat(strings(posted, "epcList")).containsExactly(epc(pump, pumps[4]));
        assertThat(strings(again, "epcList")).isEqualTo(strings(posted, "epcList"));
        assertThat(again.getString("eventTime")).isEqualTo(posted.getString("eventTime"));
        assertThat(again.getString("bizStep")).isEqualTo("receiving");
        JsonObject declaration = again.getJsonObject("errorDeclaration");
        assertThat(declaration.getString("reason")).isEqualTo("incorrect_data");
        assertThat(declaration.getString("declarationTime")).isEqualTo(again.getString("recordTime"));
        assertThat(java.time.OffsetDateTime.parse(declaration.getString("declarationTime")))
                .isAfterOrEqualTo(java.time.OffsetDateTime.parse(posted.getString("recordTime")));

        // one page of everything holds the same events in the same order
        List<JsonObject> once = follow(first(allEpcs(), "&perPage=1000"), 1);
        assertThat(once.stream().map(e -> e.getString("eventID") + e.containsKey("errorDeclaration")).toList())
                .isEqualTo(events.stream().map(e -> e.getString("eventID") + e.containsKey("errorDeclaration")).toList());
    }

    @Test
    void filtersSelectByEpcBusinessStepAndEventTime() {
        List<String> epcs = allEpcs();
        List<JsonObject> shipping = follow(first(epcs, "&EQ_bizStep=shipping"), 1);
        assertThat(shipping).extracting(e -> e.getString("eventID")).containsExactly(id(numbers.get("shipment"), 0));
        List<JsonObject> uri = follow(first(epcs, "&EQ_bizStep=" + Api.encode("https://ref.gs1.org/cbv/BizStep-receiving")
                + "&EQ_bizStep=decommissioning"), 1);
        assertThat(uri).extracting(e -> e.getString("bizStep")).containsOnly("receiving", "decommissioning");
        assertThat(uri).extracting(e -> e.getString("eventID")).contains(id(numbers.get("receipt"), 0),
                id(numbers.get("restock"), 0), id(numbers.get("writeOff"), 0), id(numbers.get("cancelled"), 0));

        // one EPC: the events that carry it, the build's among them (as an input)
        List<JsonObject> oneCell = follow(first(List.of(epc(cell, cells[1])), ""), 1);
        assertThat(oneCell).extracting(e -> e.getString("eventID")).containsExactly(id(numbers.get("cells"), 0),
                id(numbers.get("build"), 0));
        // an EPC of no serial, or of another naming, selects nothing
        assertThat(follow(first(List.of(epc(cell, "NO-SUCH-" + cells[0]), "urn:epc:id:sgtin:0614141.107346.2017"), ""), 1))
                .isEmpty();

        // a window before the test: nothing of it
        String before = "/api/epcis/events?LT_eventTime=" + Api.encode(start.toString()) + "&MATCH_epc="
                + Api.encode(epcs.get(0));
        assertThat(follow(before, 1)).isEmpty();

        // JSON for a client that asks for it
        Response json = Api.raw("viewer").accept("application/json").get(first(epcs, "&perPage=1"));
        json.then().statusCode(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(EpcisDocumentShape.problems(json.asString())).isEmpty();
    }

    @Test
    void aBadTimeATamperedTokenAndAPageSizeOutOfBoundsAreRefusedAsProblems() {
        Api.as("viewer").get("/api/epcis/events?GE_eventTime=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("BAD_REQUEST"));
        Api.as("viewer").get("/api/epcis/events?perPage=0").then().statusCode(422).body("code", equalTo("VALIDATION"));
        Api.as("viewer").get("/api/epcis/events?perPage=many").then().statusCode(400).body("code", equalTo("BAD_REQUEST"));
        Page firstPage = page(first(allEpcs(), "&perPage=1"));
        assertThat(firstPage.next()).isNotNull();
        String token = firstPage.next().replaceAll(".*nextPageToken=([^&]+).*", "$1");
        String tampered = (token.charAt(5) == 'A' ? "B" : "A");
        Api.as("viewer").get("/api/epcis/events?nextPageToken=" + token.substring(0, 5) + tampered + token.substring(6))
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("BAD_REQUEST"));
        // the token of other filters
        Api.as("viewer").get("/api/epcis/events?nextPageToken=" + token).then().statusCode(400)
                .body("code", equalTo("BAD_REQUEST"));
        io.restassured.RestAssured.given().get("/api/epcis/events").then().statusCode(401);
    }

    @Test
    void aDocumentPostedAfterAPageWasReadComesOnALaterPage() {
        String[] later = Api.serials(1);
        List<String> epcs = new ArrayList<>(allEpcs());
        epcs.add(epc(pump, later[0]));
        Page firstPage = page(first(epcs, "&perPage=3"));
        assertThat(firstPage.events()).hasSize(3);
        assertThat(firstPage.next()).isNotNull();

        String number = post(Api.doc("RECEIPT", pump, wh2, 1, later));
        String wanted = id(number, 0);
        // follow the pages; at the end, ask again with the last token until the new document is below
        // the horizon (a transaction older than it, anywhere on the database, may still be running).
        // Following a Link never gives an event twice; asking again for the last page gives its
        // events again (a consumer that polls keeps what it has by eventID)
        List<String> seen = new ArrayList<>();
        firstPage.events().forEach(e -> seen.add(key(e)));
        String url = firstPage.next();
        boolean again = false;
        long deadline = System.currentTimeMillis() + 60_000;
        while (!seen.contains(wanted)) {
            Page p = page(url);
            for (JsonObject e : p.events()) {
                if (!again || !seen.contains(key(e))) {
                    assertThat(seen).as("a later page repeats nothing").doesNotContain(key(e));
                    seen.add(key(e));
                }
            }
            again = p.next() == null;
            if (again) {
                assertThat(System.currentTimeMillis()).as("the new receipt appears").isLessThan(deadline);
                sleep();
            } else {
                url = p.next();
            }
        }
        assertThat(seen).containsSubsequence(id(numbers.get("receipt"), 0), id(numbers.get("writeOff"), 0),
                id(numbers.get("cancelled"), 0) + "#", wanted);
    }

    private static String key(JsonObject e) {
        return e.getString("eventID") + (e.containsKey("errorDeclaration") ? "#" : "");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
