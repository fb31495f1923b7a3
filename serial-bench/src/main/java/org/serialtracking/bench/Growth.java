package org.serialtracking.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cost as work grows (issue 17, {@code ./bench --growth}): reads the results.json of a run on the
 * small store (1,000,000 serials) and of one on the large store (10,000,000), and prints for every row
 * of scenarios 1, 3, 4 and 7 found in both its value at each size and the growth, the cost on the large
 * store / the cost on the small one; the goal is a flat line, growth &lt;= 1.3.
 * <p>
 * The cost is the row's value when it is a time (ms, s), its inverse when it is a throughput (a unit
 * per second: docs/s, rows/s), so a growth above 1 is always "dearer on the larger store". Each row's
 * ratio to its baseline (measured in the same run) is printed at both sizes too: the machine's speed
 * drifts between the two runs, the baseline's with it.
 * <p>
 * Rows are matched by id and scenario label with the sizes taken out of the label (", 10,000,000
 * stored", and scenario 3's "from 1,000,000 in stock": its pool is half the store when that is
 * smaller). Report writes one row per line, so a row is read with a regular expression per field.
 * A row whose value is a p99 and whose detail has the p50 gets a second line, the p50's growth (less
 * noisy than the tail).
 * <p>
 * {@code Growth <small results.json> <large results.json> [<growth.json>]}
 */
public final class Growth {

    /** The issue's target: 1M -> 10M at most 1.3 times the cost. */
    static final double LIMIT = 1.3;
    static final Set<String> SCENARIOS = Set.of("1", "3", "4", "7");

    /** One row of a results.json, what the growth needs of it. */
    record Row(String id, String scenario, String metric, double value, String unit, double ratio,
               String ratioMeaning, double p50, double baselineP50) {

        String key() {
            return id + "|" + scenario.replaceAll(",? [0-9][0-9,]* stored", "")
                    .replaceAll("[0-9][0-9,]* in stock", "N in stock");
        }

        /** The label without the stored count. */
        String label() {
            return scenario.replaceAll(",? [0-9][0-9,]* stored", "");
        }
    }

    /** A results.json: its stored count and rows. */
    record Results(Path file, long stored, List<Row> rows) {
    }

    /** One line of the growth table. */
    record Line(String id, String scenario, String metric, String unit, double small, double large, double growth,
                String ratioSmall, String ratioLarge) {

        boolean met() {
            return growth <= LIMIT;
        }
    }

    private static final Pattern ROW = Pattern.compile("^\\s*\\{\"id\": ");
    private static final String NUM = "(null|-?[0-9.]+(?:[eE][-+]?[0-9]+)?)";
    private static final String STR = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern STORED = Pattern.compile("^\\s*\"stored\": ([0-9]+)");

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException("usage: Growth <small results.json> <large results.json> [<growth.json>]");
        }
        Results small = read(Path.of(args[0]));
        Results large = read(Path.of(args[1]));
        List<Line> lines = compare(small, large);
        print(small, large, lines);
        if (args.length == 3) {
            write(Path.of(args[2]), small, large, lines);
        }
    }

    static Results read(Path file) throws IOException {
        long stored = -1;
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher s = STORED.matcher(line);
            if (s.find()) {
                stored = Long.parseLong(s.group(1));
            }
            if (!ROW.matcher(line).find()) {
                continue;
            }
            rows.add(new Row(text(line, "id"), text(line, "scenario"), text(line, "metric"), number(line, "value"),
                    text(line, "unit"), number(line, "ratio"), text(line, "ratioMeaning"), number(line, "p50"),
                    number(line, "baselineP50")));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " has no rows");
        }
        return new Results(file, stored, rows);
    }

    private static String text(String line, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": " + STR).matcher(line);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "";
    }

    private static double number(String line, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": " + NUM).matcher(line);
        return m.find() && !m.group(1).equals("null") ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The rows of scenarios 1, 3, 4, 7 present in both, in the large run's order. */
    static List<Line> compare(Results small, Results large) {
        Map<String, Row> smallRows = byKey(small.rows());
        Map<String, Row> largeRows = byKey(large.rows());
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, Row> e : largeRows.entrySet()) {
            Row b = e.getValue();
            Row a = smallRows.get(e.getKey());
            if (!SCENARIOS.contains(b.id())) {
                continue;
            }
            if (a == null) {
                System.out.println("growth: only in " + large.file() + ": #" + b.id() + " " + b.scenario());
                continue;
            }
            lines.add(new Line(b.id(), b.label(), metric(b.metric()), b.unit(), a.value(), b.value(),
                    growth(b.unit(), a.value(), b.value()), ratio(a.ratio(), a.ratioMeaning()),
                    ratio(b.ratio(), b.ratioMeaning())));
            if (!b.metric().startsWith("p50") && b.metric().matches("p[0-9]+.*") && !Double.isNaN(a.p50())
                    && !Double.isNaN(b.p50())) {
                lines.add(new Line(b.id(), b.label(), "p50 (in detail)", b.unit(), a.p50(), b.p50(),
                        growth(b.unit(), a.p50(), b.p50()), ratio(a.p50() / a.baselineP50(), a.ratioMeaning()),
                        ratio(b.p50() / b.baselineP50(), b.ratioMeaning())));
            }
        }
        for (Map.Entry<String, Row> e : smallRows.entrySet()) {
            if (SCENARIOS.contains(e.getValue().id()) && !largeRows.containsKey(e.getKey())) {
                System.out.println("growth: only in " + small.file() + ": #" + e.getValue().id() + " "
                        + e.getValue().scenario());
            }
        }
        return lines;
    }

    /** Rows by key; a key seen again gets its occurrence appended, so repeated rows pair in order. */
    private static Map<String, Row> byKey(List<Row> rows) {
        Map<String, Row> map = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = r.key();
            for (int n = 2; map.containsKey(key); n++) {
                key = r.key() + "#" + n;
            }
            map.put(key, r);
        }
        return map;
    }

    /** Cost on the large store / cost on the small one: a time as it is, a throughput (x/s) inverted. */
    static double growth(String unit, double small, double large) {
        return unit.endsWith("/s") ? small / large : large / small;
    }

    /** The metric without what changes from run to run (the other percentile in brackets). */
    private static String metric(String metric) {
        int bracket = metric.indexOf(" (");
        return bracket < 0 ? metric : metric.substring(0, bracket);
    }

    private static String ratio(double ratio, String meaning) {
        return Report.num(ratio) + " " + meaning;
    }

    static void print(Results small, Results large, List<Line> lines) {
        String fmt = "| %-3s | %-70s | %14s | %14s | %-6s | %-20s | %-20s | %-6s |%n";
        System.out.println();
        System.out.printf(Locale.ROOT, "cost as work grows: %s -> %s serials stored; growth = cost at %s / cost at %s "
                        + "(a time as it is, a throughput inverted); target <= %s%n", count(small.stored()),
                count(large.stored()), count(large.stored()), count(small.stored()), LIMIT);
        System.out.printf(Locale.ROOT, fmt, "#", "scenario: metric", "at " + count(small.stored()),
                "at " + count(large.stored()), "growth", "ratio at " + count(small.stored()),
                "ratio at " + count(large.stored()), "<= " + LIMIT);
        System.out.printf(Locale.ROOT, fmt, "---", "-".repeat(70), "-".repeat(14), "-".repeat(14), "-".repeat(6),
                "-".repeat(20), "-".repeat(20), "-".repeat(6));
        for (Line l : lines) {
            System.out.printf(Locale.ROOT, fmt, l.id(), cut(l.scenario() + ": " + l.metric(), 70),
                    Report.num(l.small()) + " " + l.unit(), Report.num(l.large()) + " " + l.unit(),
                    Report.num(l.growth()), cut(l.ratioSmall(), 20), cut(l.ratioLarge(), 20), l.met() ? "yes" : "NO");
        }
        long met = lines.stream().filter(Line::met).count();
        System.out.println();
        System.out.printf(Locale.ROOT, "growth within %s: %d of %d (%s and %s)%n", LIMIT, met, lines.size(),
                small.file(), large.file());
    }

    static void write(Path file, Results small, Results large, List<Line> lines) throws IOException {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("date", OffsetDateTime.now(ZoneOffset.UTC).toString());
        head.put("small", source(small));
        head.put("large", source(large));
        head.put("growth", "cost at large / cost at small; cost = the value for a time, 1 / the value for a "
                + "throughput (a unit per second)");
        head.put("limit", LIMIT);
        StringBuilder json = new StringBuilder("{\n");
        for (Map.Entry<String, Object> e : head.entrySet()) {
            json.append("  ").append(Api.quote(e.getKey())).append(": ").append(Report.json(e.getValue())).append(",\n");
        }
        json.append("  \"rows\": [\n");
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id());
            m.put("scenario", l.scenario());
            m.put("metric", l.metric());
            m.put("unit", l.unit());
            m.put("small", l.small());
            m.put("large", l.large());
            m.put("growth", l.growth());
            m.put("ratioSmall", l.ratioSmall());
            m.put("ratioLarge", l.ratioLarge());
            m.put("met", l.met());
            json.append("    ").append(Report.json(m)).append(i + 1 < lines.size() ? ",\n" : "\n");
        }
        json.append("  ]\n}\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json, StandardCharsets.UTF_8);
        System.out.println("written: " + file);
    }

    private static Map<String, Object> source(Results results) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", results.file().toString());
        m.put("stored", results.stored());
        return m;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
