package org.serialtracking.it.rest;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzzing of the write endpoints: thousands of mutated bodies (control characters and lone
 * surrogates in strings, very long strings, wrong types, numbers as strings, huge and negative
 * numbers, missing fields, nested nulls, broken JSON, bytes that are not UTF-8). No answer may be
 * a 5xx, and every 4xx is a problem with a code. The seed ({@code -Dfuzz.seed}) and the count
 * ({@code -Dfuzz.count}) are printed, with how many answers each status got; the same seed sends
 * the same bodies, but for the codes and SKUs made unique per run.
 */
@MicroShedTest
class ApiFuzzIT {

    static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    static final int COUNT = Integer.getInteger("fuzz.count", 2400);
    static final int CLIENTS = 4;

    /** A JSON number or other token written exactly as given ("1e400", "-0", "2.0"). */
    record Raw(String json) {
    }

    /** One write endpoint: its method, address and a well-formed body to start from. */
    record Target(String method, String path, Supplier<Object> body) {
    }

    record Outcome(int status, String contentType, String code, String request, String answer) {
    }

    @Test
    void noMutatedBodyGetsA5xxAndEveryRefusalIsAProblem() throws Exception {
        Api.enableTracking();
        String[] wh = Api.twoLocations();
        String company = Api.as("viewer").get("/api/locations").jsonPath()
                .getString("find { it.code == '" + wh[0] + "' }.company");
        String tracked = Api.trackedItem();
        String bulk = Api.unique("FZB");
        Api.as("admin").body(Api.json("sku", bulk, "name", "Bulk")).post("/api/items").then().statusCode(201);
        String run = Api.unique("F").substring(2);
        int[] counter = {0};
        Supplier<String> unique = () -> run + "-" + (++counter[0]);

        List<Target> targets = List.of(
                new Target("POST", "/api/items", () -> obj("sku", "FZ" + unique.get(), "name", "Fuzz item",
                        "trackSerials", false, "autoSerialNumber", false, "autoSerialFormat", null,
                        "initialStock", obj("location", wh[0], "quantity", new BigDecimal("2"), "serials", list()))),
                new Target("POST", "/api/items", () -> obj("sku", "FZT" + unique.get(), "name", "Tracked",
                        "trackSerials", true, "initialStock", obj("location", wh[0], "quantity", 1,
                                "serials", list("FZ-" + unique.get())))),
                new Target("PUT", "/api/items/" + bulk, () -> obj("name", "Renamed " + unique.get(),
                        "trackSerials", false, "autoSerialFormat", null, "version", null)),
                new Target("POST", "/api/companies", () -> obj("code", "FC" + unique.get(), "name", "Company")),
                new Target("POST", "/api/locations", () -> obj("code", "FL" + unique.get(), "name", "Place",
                        "company", company)),
                new Target("POST", "/api/transactions", () -> obj("type", "RECEIPT", "reference", "Fuzz",
                        "lines", list(obj("sku", tracked, "location", wh[0], "quantity", 2,
                                "serials", list("FZ-" + unique.get(), "FZ-" + unique.get())),
                                obj("sku", bulk, "location", wh[0], "quantity", new BigDecimal("1.5"))))),
                new Target("POST", "/api/transactions", () -> obj("type", "TRANSFER", "reference", null,
                        "lines", list(obj("sku", bulk, "location", wh[0], "toLocation", wh[1], "quantity", 1)))),
                new Target("POST", "/api/transactions", () -> obj("type", "BUILD", "lines", list(
                        obj("sku", tracked, "location", wh[0], "quantity", 1, "role", "OUTPUT",
                                "serials", list("FZ-" + unique.get())),
                        obj("sku", bulk, "location", wh[0], "quantity", 1, "role", "COMPONENT")))),
                new Target("POST", "/api/items/" + tracked + "/auto-select",
                        () -> obj("location", wh[0], "quantity", 1, "exclude", list("FZ-none"))),
                new Target("POST", "/api/items/" + tracked + "/serial-initialization",
                        () -> obj("location", wh[0], "serials", list("FZ-" + unique.get()))),
                new Target("POST", "/api/serial-formats/validate",
                        () -> obj("format", "FZ-[[YYYY]]-[[INCNUM,NEVER,4]]", "sku", tracked)),
                new Target("POST", "/api/serial-tools/range",
                        () -> obj("prefix", "FZ-", "start", 1, "end", 20, "padding", 4, "suffix", "-A")),
                new Target("POST", "/api/serial-tools/range", () -> obj("first", "FZ-0098", "count", 5)),
                new Target("POST", "/api/serial-tools/collapse", () -> obj("serials", list("FZ-1", "FZ-2", "FZ-4"))),
                new Target("POST", "/api/serial-tools/parse", () -> obj("text", "FZ-1..FZ-3, FZ-9\nFZ-10")));

        Random random = new Random(SEED);
        record Request(String method, String path, byte[] body) {
        }
        List<Request> requests = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            Target target = targets.get(random.nextInt(targets.size()));
            Object body = target.body().get();
            int mutations = 1 + random.nextInt(3);
            byte[] broken = null;
            for (int m = 0; m < mutations && broken == null; m++) {
                if (random.nextInt(12) == 0) {
                    broken = breakText(write(body), random);
                } else {
                    body = mutate(body, random);
                }
            }
            requests.add(new Request(target.method(), target.path(),
                    broken != null ? broken : write(body).getBytes(StandardCharsets.UTF_8)));
        }

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Outcome>> sent = new ArrayList<>();
        for (Request r : requests) {
            sent.add(pool.submit(() -> send(r.method(), r.path(), r.body())));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> codes = new TreeMap<>();
        List<Outcome> wrong = new ArrayList<>();
        for (Future<Outcome> f : sent) {
            Outcome o = f.get(120, TimeUnit.SECONDS);
            statuses.merge(o.status(), 1, Integer::sum);
            if (o.code() != null) {
                codes.merge(o.code(), 1, Integer::sum);
            }
            boolean problem = o.contentType() != null && o.contentType().startsWith("application/problem+json")
                    && o.code() != null && !o.code().isBlank();
            if (o.status() >= 500 || (o.status() >= 400 && !problem)) {
                wrong.add(o);
            }
        }
        pool.shutdown();
        System.out.printf("ApiFuzzIT: seed %d, %d bodies in %.1f s; statuses %s; codes %s%n", SEED, COUNT,
                (System.nanoTime() - started) / 1e9, statuses, codes);
        assertThat(wrong).as("answers that are 5xx or a 4xx without a problem code (seed %d)", SEED)
                .extracting(o -> o.status() + " " + o.code() + " for " + o.request() + " -> " + o.answer())
                .isEmpty();
        assertThat(statuses.keySet()).as("the bodies reach both refusals and successes").contains(422)
                .anyMatch(s -> s < 300);
    }

    private static Outcome send(String method, String path, byte[] body) {
        Response r = Api.as("admin").contentType("application/json; charset=UTF-8").body(body)
                .request(method, path);
        String json = new String(body, StandardCharsets.UTF_8);
        String type = r.contentType();
        String code = null;
        String answer = r.asString();
        if (type != null && type.contains("json") && r.statusCode() >= 400) {
            try {
                code = r.jsonPath().getString("code");
            } catch (RuntimeException notJson) {
                code = null;
            }
        }
        return new Outcome(r.statusCode(), type, code, method + " " + path + " " + abbreviate(json),
                abbreviate(answer));
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
    }

    // ------------------------------------------------------------------ mutations

    static final char[] CONTROLS = {'\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\u000b', '\f', '\r', '\u001b',
            '\u001f', '\u007f', '\u0080', '\u0085', '\u009f'};
    static final String[] ODD = {"\u200b", "\u202e", "\ufeff", "\u00ad", "\ud800", "\udfff", "\ud83d", "é", "日本",
            "\ud83d\ude00", "'; drop table serial; --", "<script>alert(1)</script>", "%00", "\\", "\"", "../.."};
    static final Object[] NUMBERS = {new Raw("1e400"), new Raw("-1e400"), new Raw("1E+30"),
            new Raw("99999999999999999999999999"), new Raw("-99999999999999999999"), new Raw("1.0"), new Raw("-0"),
            new Raw("0.00001"), new Raw("1.123456789"), -1, 0, -1000000, Long.MAX_VALUE, Long.MIN_VALUE,
            new Raw("2147483648"), new Raw("1e-400"), new Raw("3.4028235E39")};

    /** One change somewhere in the tree; returns the (possibly new) root. */
    static Object mutate(Object root, Random random) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return random.nextBoolean() ? null : List.of();
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        Object value = slot.get();
        switch (random.nextInt(11)) {
            case 0, 1 -> slot.set(value instanceof String s ? insert(s, String.valueOf(CONTROLS[random.nextInt(
                    CONTROLS.length)]), random) : String.valueOf(CONTROLS[random.nextInt(CONTROLS.length)]));
            case 2 -> slot.set((value instanceof String s ? s : "") + "x".repeat(random.nextInt(5) == 0
                    ? 100_000 + random.nextInt(200_000) : 100 + random.nextInt(10_000)));
            case 3 -> slot.set(switch (random.nextInt(5)) {
                case 0 -> true;
                case 1 -> obj("nested", value);
                case 2 -> list(value, value);
                case 3 -> "text";
                default -> 42;
            });
            case 4 -> slot.set(value instanceof Number || value instanceof Raw ? String.valueOf(value instanceof Raw r
                    ? r.json() : value) : String.valueOf(random.nextInt(100)));
            case 5 -> slot.set(NUMBERS[random.nextInt(NUMBERS.length)]);
            case 6 -> slot.remove();
            case 7 -> slot.set(null);
            case 8 -> slot.set(value instanceof String s ? insert(s, ODD[random.nextInt(ODD.length)], random)
                    : ODD[random.nextInt(ODD.length)]);
            case 9 -> slot.set("");
            default -> {
                if (value instanceof List<?> l) {
                    @SuppressWarnings("unchecked")
                    List<Object> many = (List<Object>) l;
                    for (int i = random.nextInt(3000); i > 0; i--) {
                        many.add(random.nextBoolean() ? "FZ-" + random.nextInt() : null);
                    }
                } else {
                    slot.set(list(value, null, obj()));
                }
            }
        }
        return root;
    }

    private static String insert(String s, String what, Random random) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
        return s.substring(0, at) + what + s.substring(at);
    }

    /** Malformed UTF-8: a broken pair, an encoded surrogate (CESU), a byte that never occurs. */
    static final byte[][] BAD_UTF8 = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};

    /**
     * Breaks the body itself: a brace or bracket deleted, cut short, trailing garbage, or bytes that
     * are not UTF-8 inside a string.
     */
    static byte[] breakText(String json, Random random) {
        String broken = switch (random.nextInt(5)) {
            case 0 -> deleteOne(json, "{}", random);
            case 1 -> deleteOne(json, "[]\"", random);
            case 2 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
            case 3 -> json + (random.nextBoolean() ? "}" : ",{\"x\":");
            default -> null;
        };
        if (broken != null) {
            return broken.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int quote = json.indexOf('"', random.nextInt(Math.max(1, json.length())));
        int at = quote < 0 ? bytes.length : json.substring(0, quote + 1).getBytes(StandardCharsets.UTF_8).length;
        byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
        byte[] out = new byte[bytes.length + bad.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(bytes, at, out, at + bad.length, bytes.length - at);
        return out;
    }

    private static String deleteOne(String json, String chars, Random random) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < json.length(); i++) {
            if (chars.indexOf(json.charAt(i)) >= 0) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            return json + "{";
        }
        int i = at.get(random.nextInt(at.size()));
        return json.substring(0, i) + json.substring(i + 1);
    }

    /** A place in the tree that holds a value: a member of an object or an element of an array. */
    interface Slot {
        Object get();

        void set(Object value);

        void remove();
    }

    @SuppressWarnings("unchecked")
    static void collect(Object node, List<Slot> slots) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            for (String key : new ArrayList<>(map.keySet())) {
                slots.add(new Slot() {
                    public Object get() {
                        return map.get(key);
                    }

                    public void set(Object value) {
                        map.put(key, value);
                    }

                    public void remove() {
                        map.remove(key);
                    }
                });
                collect(map.get(key), slots);
            }
        } else if (node instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                slots.add(new Slot() {
                    public Object get() {
                        return index < list.size() ? list.get(index) : null;
                    }

                    public void set(Object value) {
                        if (index < list.size()) {
                            list.set(index, value);
                        }
                    }

                    public void remove() {
                        if (index < list.size()) {
                            list.remove(index);
                        }
                    }
                });
                collect(list.get(i), slots);
            }
        }
    }

    // ------------------------------------------------------------------ JSON

    static Map<String, Object> obj(Object... nameValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put((String) nameValues[i], nameValues[i + 1]);
        }
        return map;
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }

    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value);
        return b.toString();
    }

    private static void write(StringBuilder b, Object value) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof Raw r) {
            b.append(r.json());
        } else if (value instanceof String s) {
            b.append(Api.str(s));
        } else if (value instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(first ? "" : ",").append(Api.str((String) e.getKey())).append(':');
                write(b, e.getValue());
                first = false;
            }
            b.append('}');
        } else if (value instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ",");
                write(b, l.get(i));
            }
            b.append(']');
        } else {
            b.append(value);
        }
    }
}
