package org.serialtracking.it.rest;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Requests as one of the three users of the default configuration (password = user name), and test data. */
public final class Api {

    private Api() {
    }

    /** For tests outside MicroShed: the server the build started, as MicroShed would configure it. */
    public static void useServerUnderTest() {
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = Integer.parseInt(System.getProperty("microshed_http_port", "9080"));
        RestAssured.basePath = "/serial";
    }

    public static RequestSpecification as(String user) {
        return RestAssured.given().auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    public static void enableTracking() {
        as("admin").body("{\"serialTracking\":true,\"autoSerialNumber\":false}")
                .put("/api/settings").then().statusCode(200);
    }

    /** A flat JSON object from name/value pairs (strings, or booleans and numbers as they are). */
    public static String json(Object... nameValues) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < nameValues.length; i += 2) {
            Object v = nameValues[i + 1];
            b.append(i == 0 ? "" : ",").append('"').append(nameValues[i]).append("\":")
                    .append(v instanceof String ? "\"" + v + "\"" : String.valueOf(v));
        }
        return b.append('}').toString();
    }

    /** As {@link #as}, for addresses written out by hand: RestAssured sends them as they are. */
    public static RequestSpecification raw(String user) {
        return as(user).urlEncodingEnabled(false);
    }

    /** A JSON string literal of any text (quotes, backslashes and control characters escaped). */
    public static String str(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A query parameter value percent-encoded (space as %20, never +). */
    public static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A company with two locations; returns their codes. */
    public static String[] twoLocations() {
        String company = unique("CO");
        as("admin").body(json("code", company, "name", "Company")).post("/api/companies").then().statusCode(201);
        String wh1 = unique("WH");
        String wh2 = unique("WH");
        for (String wh : List.of(wh1, wh2)) {
            as("admin").body(json("code", wh, "name", "Warehouse", "company", company)).post("/api/locations")
                    .then().statusCode(201);
        }
        return new String[]{wh1, wh2};
    }

    public static String trackedItem() {
        String sku = unique("SKU");
        as("admin").body(json("sku", sku, "name", "Pump", "trackSerials", true)).post("/api/items")
                .then().statusCode(201);
        return sku;
    }

    /** A tracked item, created after turning tracking on (it stays on). */
    public static String trackedItemWhenEnabled() {
        enableTracking();
        return trackedItem();
    }

    /** A GTIN-14 no other test run has (a GTIN-13 with a leading zero): 12 random digits and a check digit. */
    public static String gtin() {
        StringBuilder d = new StringBuilder("0");
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        while (d.length() < 13) {
            d.append(r.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (d.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return d.append((10 - sum % 10) % 10).toString();
    }

    public static String[] serials(int n) {
        String prefix = unique("SN");
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = prefix + "-" + (i + 1);
        }
        return s;
    }

    /** Posts a one-line document as a clerk and expects it posted. */
    public static void post(String type, String sku, String location, String... serials) {
        as("clerk").body(doc(type, sku, location, serials.length, serials)).post("/api/transactions")
                .then().statusCode(201);
    }

    public static String doc(String type, String sku, String location, int quantity, String... serials) {
        return "{\"type\":\"" + type + "\",\"reference\":\"IT\",\"lines\":[{\"sku\":\"" + sku + "\",\"location\":\""
                + location + "\",\"quantity\":" + quantity + ",\"serials\":["
                + Arrays.stream(serials).map(s -> "\"" + s + "\"").collect(Collectors.joining(",")) + "]}]}";
    }

    /** A new customer or supplier ({@code kind}: "customers" or "suppliers") as a clerk; returns its code. */
    public static String party(String kind, String name) {
        String code = unique(kind.equals("customers") ? "CUS" : "SUP");
        as("clerk").body(json("code", " " + code + " ", "name", name)).post("/api/" + kind).then()
                .statusCode(201).body("code", org.hamcrest.Matchers.equalTo(code))
                .body("name", org.hamcrest.Matchers.equalTo(name));
        return code;
    }

    /** A JSON array of strings. */
    public static String list(String... values) {
        return "[" + Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(",")) + "]";
    }

    /** A BUILD line: role OUTPUT or COMPONENT, serials a JSON array or null, into a JSON object or null. */
    public static String line(String sku, String location, int quantity, String role, String serials, String into) {
        return "{\"sku\":\"" + sku + "\",\"location\":\"" + location + "\",\"quantity\":" + quantity
                + ",\"role\":\"" + role + "\"" + (serials == null ? "" : ",\"serials\":" + serials)
                + (into == null ? "" : ",\"into\":" + into) + "}";
    }

    /** Posts a BUILD of these lines as a clerk; the response is the caller's to check. */
    public static io.restassured.response.Response build(String... lines) {
        return as("clerk").body("{\"type\":\"BUILD\",\"reference\":\"IT\",\"lines\":[" + String.join(",", lines)
                + "]}").post("/api/transactions");
    }

    /**
     * Every audit event since {@code since} (ISO date-time), page by page as {@code reader} sees them
     * (other tests write many events meanwhile: the first page may not hold the ones asked about).
     */
    public static java.util.List<java.util.Map<String, Object>> auditSince(
            java.util.function.Supplier<RequestSpecification> reader, String since) {
        java.util.List<java.util.Map<String, Object>> events = new java.util.ArrayList<>();
        String after = "";
        for (int page = 0; page < 1000 && after != null; page++) {
            io.restassured.path.json.JsonPath json = reader.get().queryParam("since", since).queryParam("limit", 1000)
                    .queryParam("after", after).get("/api/audit").then().statusCode(200).extract().jsonPath();
            events.addAll(json.getList("items"));
            after = json.getString("next");
        }
        return events;
    }
}
