package org.serialtracking.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table on the console and target/bench/results.json. */
final class Report {

    /**
     * One figure: ours, the baseline's, their ratio and what the ratio means, the target and whether
     * it is met; {@code detail} keeps every run's values for the JSON.
     */
    record Row(String id, String scenario, String metric, double value, String unit, double baseline,
               String baselineWhat, double ratio, String ratioMeaning, String target, boolean met,
               Map<String, Object> detail) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();

    void add(Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "  -> #%s %s: %s %s (baseline %s %s, ratio %s) target %s: %s%n", row.id(),
                row.metric(), num(row.value()), row.unit(), num(row.baseline()), row.unit(), num(row.ratio()),
                row.target(), row.met() ? "met" : "MISSED");
    }

    void context(String key, Object value) {
        context.put(key, value);
    }

    void print() {
        String fmt = "| %-3s | %-58s | %12s | %14s | %-24s | %-34s | %-6s |%n";
        System.out.println();
        System.out.printf(Locale.ROOT, fmt, "#", "scenario: metric", "ours", "baseline", "ratio", "target", "met");
        System.out.printf(Locale.ROOT, fmt, "---", "-".repeat(58), "-".repeat(12), "-".repeat(14), "-".repeat(24),
                "-".repeat(34), "-".repeat(6));
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, fmt, r.id(), cut(r.scenario() + ": " + r.metric(), 58),
                    num(r.value()) + " " + r.unit(), num(r.baseline()) + " " + r.unit(),
                    cut(num(r.ratio()) + " " + r.ratioMeaning(), 24), cut(r.target(), 34), r.met() ? "yes" : "NO");
        }
        System.out.println();
        System.out.println("baselines: " + context.getOrDefault("baselines", ""));
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder json = new StringBuilder("{\n");
        for (Map.Entry<String, Object> e : context.entrySet()) {
            json.append("  ").append(Api.quote(e.getKey())).append(": ").append(json(e.getValue())).append(",\n");
        }
        json.append("  \"rows\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("scenario", r.scenario());
            m.put("metric", r.metric());
            m.put("value", r.value());
            m.put("unit", r.unit());
            m.put("baseline", r.baseline());
            m.put("baselineWhat", r.baselineWhat());
            m.put("ratio", r.ratio());
            m.put("ratioMeaning", r.ratioMeaning());
            m.put("target", r.target());
            m.put("met", r.met());
            m.put("detail", r.detail());
            json.append("    ").append(json(m)).append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        json.append("  ]\n}\n");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        System.out.println("written: " + file);
    }

    /** A value as JSON (NaN and infinities as null), as results.json writes it; Growth writes growth.json so. */
    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "null";
            }
            return n instanceof Double || n instanceof Float ? String.format(Locale.ROOT, "%.6g", d) : n.toString();
        }
        if (v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                parts.add(Api.quote(String.valueOf(e.getKey())) + ": " + json(e.getValue()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                parts.add(json(o));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return Api.quote(v.toString());
    }

    static String num(double d) {
        if (Double.isNaN(d)) {
            return "-";
        }
        if (Math.abs(d) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", d);
        }
        if (Math.abs(d) >= 10) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return String.format(Locale.ROOT, "%.3g", d);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
