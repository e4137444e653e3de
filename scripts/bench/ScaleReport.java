import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The report of scripts/scale-benchmark.sh: reads WORK/size-N/{corpus,load,servers,serve}.tsv for
 * every size measured so far, prints Markdown tables on stdout and draws the cost against size as
 * an SVG (hand-written here so that the benchmark needs nothing beyond a JDK).
 *
 * <pre>java scripts/bench/ScaleReport.java --work WORK --svg docs/images/scale-benchmark.svg [SIZE...]</pre>
 * With SIZEs, the tables cover those sizes only; the plot always covers every size in WORK.
 */
public final class ScaleReport {

    /** What one size's run left in its directory. */
    record Size(int reports, String kind, List<Map<String, String>> load, List<Map<String, String>> servers,
                List<Map<String, String>> serve) {

        /** The serve.tsv row of one server, variant and client count, or null. */
        Map<String, String> cell(String server, String variant, String clients) {
            for (Map<String, String> row : serve) {
                if (row.get("server").equals(server) && row.get("variant").equals(variant)
                        && row.get("clients").equals(clients)) {
                    return row;
                }
            }
            return null;
        }

        Set<String> variants() {
            Set<String> names = new LinkedHashSet<>();
            serve.forEach(row -> names.add(row.get("variant")));
            return names;
        }

        Set<String> clientCounts() {
            Set<String> counts = new LinkedHashSet<>();
            serve.forEach(row -> counts.add(row.get("clients")));
            return counts;
        }
    }

    /** The query variants drawn in the p50 panels: first pages and one-party answers; whole answers. */
    static final List<String> FILTERED = List.of("demands-by-party?partyName=Hamas", "actor-profile?actorName=Hamas",
            "position-changes?partyName=Hamas", "positions[limit 100]", "conflicting-claims[limit 100]",
            "corroboration[limit 100]", "collisions[limit 100]", "timeline[limit 100]");
    static final List<String> WHOLE = List.of("positions", "conflicting-claims", "corroboration", "collisions",
            "timeline", "proposals", "figures", "who-demanded-what");
    static final String[] COLOURS = {"#1b6ca8", "#d1495b", "#2e8b57", "#e08a00", "#7b4fa0", "#00868b", "#8c564b",
            "#555555"};

    public static void main(String[] args) throws IOException {
        Path work = null;
        Path svg = null;
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[++i]);
                case "--svg" -> svg = Path.of(args[++i]);
                default -> wanted.add(Integer.parseInt(args[i]));
            }
        }
        if (work == null) {
            throw new IllegalArgumentException("--work WORK is required");
        }
        TreeMap<Integer, Size> sizes = read(work);
        StringBuilder md = new StringBuilder();
        for (Map.Entry<Integer, Size> entry : sizes.entrySet()) {
            if (wanted.isEmpty() || wanted.contains(entry.getKey())) {
                markdown(entry.getKey(), entry.getValue(), md);
            }
        }
        if (sizes.size() > 0) {
            summary(sizes, md);
        }
        System.out.print(md);
        if (svg != null) {
            Files.writeString(svg, svg(sizes), StandardCharsets.UTF_8);
        }
    }

    static TreeMap<Integer, Size> read(Path work) throws IOException {
        TreeMap<Integer, Size> sizes = new TreeMap<>();
        List<Path> dirs;
        try (var listing = Files.list(work)) {
            dirs = listing.filter(p -> p.getFileName().toString().matches("size-[0-9]+")).toList();
        }
        for (Path dir : dirs) {
            int size = Integer.parseInt(dir.getFileName().toString().substring(5));
            Map<String, String> corpus = new LinkedHashMap<>();
            for (String line : lines(dir.resolve("corpus.tsv"))) {
                String[] kv = line.split("\t", 2);
                if (kv.length == 2) {
                    corpus.put(kv[0], kv[1]);
                }
            }
            int reports = Integer.parseInt(corpus.getOrDefault("reports", Integer.toString(size)).trim());
            sizes.put(size, new Size(reports, corpus.getOrDefault("kind", "?"), table(dir.resolve("load.tsv")),
                    table(dir.resolve("servers.tsv")), table(dir.resolve("serve.tsv"))));
        }
        return sizes;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    private static List<Map<String, String>> table(Path file) throws IOException {
        List<String> lines = lines(file);
        List<Map<String, String>> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        String[] header = lines.get(0).split("\t", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < fields.length ? fields[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String f(String format, double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }

    /** Parley's throughput over bare Fuseki's for one cell, NaN when either did not answer. */
    static double ratio(Size size, String variant, String clients) {
        Map<String, String> parley = size.cell("parley", variant, clients);
        Map<String, String> bare = size.cell("bare", variant, clients);
        if (parley == null || bare == null || !"0".equals(parley.get("errors")) || !"0".equals(bare.get("errors"))
                || !"0".equals(parley.get("timeouts")) || !"0".equals(bare.get("timeouts"))) {
            return Double.NaN;
        }
        double ratio = number(parley.get("qps")) / number(bare.get("qps"));
        return Double.isFinite(ratio) && ratio > 0 ? ratio : Double.NaN;
    }

    /**
     * Parley's load rate (with its faster loader) over the faster of Jena's loaders, NaN without a Parley row; a loader row
     * without a rate (a failed run) is no faster loader.
     */
    static double loadRatio(Size size) {
        double parley = Double.NaN;
        double fastest = 0;
        for (Map<String, String> row : size.load()) {
            double rate = number(row.get("quads_per_s"));
            if (row.get("loader").startsWith("parley")) {
                // Parley timed with more than one of TDB2's loaders: its faster one.
                parley = Double.isNaN(parley) ? rate : Math.max(parley, rate);
            } else if (rate > fastest) {
                fastest = rate;
            }
        }
        return parley / fastest;
    }

    static void markdown(int key, Size size, StringBuilder md) {
        md.append("### ").append(String.format(Locale.ROOT, "%,d", size.reports())).append(" reports (")
                .append(size.kind()).append(")\n\n");
        if (!size.load().isEmpty()) {
            md.append("| loader | quads | seconds | quads/s | CPU seconds | quads per CPU second | load average before |\n"
                    + "|---|---:|---:|---:|---:|---:|---|\n");
            for (Map<String, String> row : size.load()) {
                double rate = number(row.get("quads_per_s"));
                md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %,.0f | %s | %s | %s |\n", row.get("loader"),
                        (long) number(row.get("quads")), row.get("seconds"), rate, row.getOrDefault("cpu_seconds", "–"),
                        f("%,.0f", number(row.getOrDefault("quads_per_cpu_s", ""))), row.get("loadavg_before")));
            }
            md.append("\nParley's load rate (its faster loader): ").append(f("%.2f", loadRatio(size)))
                    .append("× the faster of Jena's two loaders (goal: at least 0.8×).\n\n");
        }
        if (!size.servers().isEmpty()) {
            md.append("| server | start to first answer, s | RSS after start, MB | heap after full GC, MB | "
                    + "peak RSS, MB | default graph triples | load average before |\n|---|---:|---:|---:|---:|---:|---|\n");
            for (Map<String, String> row : size.servers()) {
                md.append("| ").append(row.get("server").equals("bare") ? "bare Fuseki" : "Parley").append(" | ")
                        .append(row.get("startup_s")).append(" | ").append(row.get("rss_start_mb")).append(" | ")
                        .append(row.get("heap_after_gc_mb")).append(" | ").append(row.get("rss_peak_mb")).append(" | ")
                        .append(row.get("default_graph_triples")).append(" | ").append(row.get("loadavg_before"))
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!size.serve().isEmpty()) {
            List<String> clients = new ArrayList<>(size.clientCounts());
            md.append("| query | rows P / B |");
            for (String c : clients) {
                md.append(" ").append(c).append(c.equals("1") ? " client" : " clients").append(": q/s P / B (ratio) |");
            }
            md.append(" p50 ms P / B | p99 ms P / B | server CPU ms per query P / B | failures |\n|---|---:|");
            md.append("---:|".repeat(clients.size())).append("---:|---:|---:|---|\n");
            for (String variant : size.variants()) {
                Map<String, String> p1 = size.cell("parley", variant, clients.get(0));
                Map<String, String> b1 = size.cell("bare", variant, clients.get(0));
                md.append("| `").append(variant).append("` | ").append(get(p1, "rows")).append(" / ")
                        .append(get(b1, "rows")).append(" |");
                for (String c : clients) {
                    Map<String, String> p = size.cell("parley", variant, c);
                    Map<String, String> b = size.cell("bare", variant, c);
                    md.append(" ").append(get(p, "qps")).append(" / ").append(get(b, "qps")).append(" (")
                            .append(f("%.2f", ratio(size, variant, c))).append(") |");
                }
                md.append(" ").append(get(p1, "p50_ms")).append(" / ").append(get(b1, "p50_ms")).append(" | ")
                        .append(get(p1, "p99_ms")).append(" / ").append(get(b1, "p99_ms")).append(" | ")
                        .append(get(p1, "server_cpu_ms_per_query")).append(" / ")
                        .append(get(b1, "server_cpu_ms_per_query")).append(" | ")
                        .append(failures(size, variant, clients)).append(" |\n");
            }
            md.append("\nP = Parley, B = bare Fuseki; p50, p99 and CPU at ").append(clients.get(0))
                    .append(" client (CPU: the server process's user + system time over the cell, all threads,"
                            + " divided by the answers); full detail (p50/p99 at every client count) in WORK/size-").append(key)
                    .append("/serve.tsv. A ratio is shown only where neither server failed a request.");
            double[] loads = size.serve().stream().mapToDouble(r -> number(r.getOrDefault("loadavg", "")))
                    .filter(d -> !Double.isNaN(d)).sorted().toArray();
            if (loads.length > 0) {
                md.append(String.format(Locale.ROOT, " One-minute load average at the end of each cell: %.1f to %.1f"
                        + " (median %.1f) on %d cores.", loads[0], loads[loads.length - 1], loads[loads.length / 2],
                        Runtime.getRuntime().availableProcessors()));
            }
            md.append("\n\n");
        }
    }

    private static String get(Map<String, String> row, String column) {
        return row == null ? "–" : row.getOrDefault(column, "–");
    }

    /** Errors and timeouts, and cells not run, per server: never hidden behind a ratio. */
    private static String failures(Size size, String variant, List<String> clients) {
        Map<String, List<String>> byMessage = new LinkedHashMap<>();
        for (String server : List.of("parley", "bare")) {
            for (String c : clients) {
                Map<String, String> row = size.cell(server, variant, c);
                if (row == null) {
                    continue;
                }
                String who = (server.equals("bare") ? "B" : "P") + "@" + c;
                if (!"0".equals(row.get("errors")) && !row.get("errors").isEmpty()) {
                    byMessage.computeIfAbsent(row.get("errors") + " errors (" + row.get("note") + ")",
                            k -> new ArrayList<>()).add(who);
                }
                if (!"0".equals(row.get("timeouts")) && !row.get("timeouts").isEmpty()) {
                    byMessage.computeIfAbsent(row.get("timeouts") + " timeouts", k -> new ArrayList<>()).add(who);
                }
                if (row.get("note").startsWith("not run")) {
                    // (An early version of the driver wrote Double.MAX_VALUE out for "no answer".)
                    String note = row.get("note").replaceFirst("median [0-9]{30,} ms at 1 client is above [0-9]+ ms",
                            "no answer at 1 client");
                    byMessage.computeIfAbsent(note, k -> new ArrayList<>()).add(who);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        byMessage.forEach((message, who) -> notes.add(String.join(", ", who) + ": " + message));
        return String.join("; ", notes);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static List<Double> ratios(Size size, String clients) {
        List<Double> ratios = new ArrayList<>();
        for (String variant : size.variants()) {
            double r = ratio(size, variant, clients);
            if (!Double.isNaN(r)) {
                ratios.add(r);
            }
        }
        return ratios;
    }

    static void summary(TreeMap<Integer, Size> sizes, StringBuilder md) {
        md.append("### Summary: Parley / bare Fuseki throughput, median over the query variants (min–max)\n\n");
        Set<String> clients = new LinkedHashSet<>();
        sizes.values().forEach(s -> clients.addAll(s.clientCounts()));
        md.append("| reports | corpus | Parley load / faster TDB2 loader |");
        clients.forEach(c -> md.append(" ").append(c).append(c.equals("1") ? " client |" : " clients |"));
        md.append(" bare / Parley CPU per query, 1 client |");
        md.append("\n|---:|---|---:|").append("---:|".repeat(clients.size() + 1)).append('\n');
        for (Size size : sizes.values()) {
            md.append(String.format(Locale.ROOT, "| %,d | %s | %s |", size.reports(), size.kind(),
                    f("%.2f", loadRatio(size))));
            for (String c : clients) {
                List<Double> r = ratios(size, c);
                md.append(" ").append(f("%.2f", median(r)));
                if (!r.isEmpty()) {
                    md.append(String.format(Locale.ROOT, " (%.2f–%.2f)", r.stream().mapToDouble(d -> d).min().orElse(0),
                            r.stream().mapToDouble(d -> d).max().orElse(0)));
                }
                md.append(" |");
            }
            List<Double> cpu = new ArrayList<>();
            String one = clients.isEmpty() ? "1" : clients.iterator().next();
            for (String variant : size.variants()) {
                double p = number(get(size.cell("parley", variant, one), "server_cpu_ms_per_query"));
                double b = number(get(size.cell("bare", variant, one), "server_cpu_ms_per_query"));
                if (p > 0 && b > 0 && Double.isFinite(p / b)) {
                    cpu.add(b / p);
                }
            }
            md.append(" ").append(f("%.2f", median(cpu))).append(" |\n");
        }
        md.append("\nA throughput ratio above 1 means Parley answered more queries per second than bare Fuseki;"
                + " the goal is at least 0.9. The CPU column depends much less on other work on the machine: above 1, bare Fuseki spent more"
                + " CPU per answer than Parley.\n\n");
    }

    // -- The plot -----------------------------------------------------------------------------------

    static final int WIDTH = 1000;
    static final int PANEL_HEIGHT = 330;
    static final int LEFT = 80;
    static final int RIGHT = 330;   // room for the legend
    static final int TOP = 60;
    static final int GAP = 80;
    static final int HEIGHT = TOP + 3 * PANEL_HEIGHT + 3 * GAP;

    /** Log-log axes: reports on x, the measure on y. */
    record Axes(int top, double xMin, double xMax, double yMin, double yMax) {
        double x(double reports) {
            double inset = 24;   // so that the first and last sizes' marks are not cut by the frame
            double plotWidth = WIDTH - LEFT - RIGHT - 2 * inset;
            return LEFT + inset + plotWidth * (Math.log10(reports) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin));
        }

        double y(double value) {
            return top + PANEL_HEIGHT * (Math.log10(yMax) - Math.log10(value)) / (Math.log10(yMax) - Math.log10(yMin));
        }
    }

    static String svg(TreeMap<Integer, Size> sizes) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">\n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, WIDTH, HEIGHT));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(LEFT, 28, "Parley vs bare Fuseki over the same TDB2 database, by number of reports", 17, "bold"));
        String kinds = String.join("; ", sizes.values().stream()
                .map(z -> String.format(Locale.ROOT, "%,d: %s", z.reports(), z.kind())).toList());
        s.append(text(LEFT, 46, "corpus — " + kinds, 11, "normal"));
        if (sizes.isEmpty()) {
            return s.append("</svg>\n").toString();
        }
        double xMin = Math.pow(10, Math.floor(Math.log10(sizes.values().stream().mapToInt(Size::reports).min().orElse(1))));
        double xMax = Math.pow(10, Math.ceil(Math.log10(sizes.values().stream().mapToInt(Size::reports).max().orElse(10))));
        if (xMax <= xMin) {
            xMax = xMin * 10;
        }

        // Panel 1: throughput ratio, median over variants per client count, every variant as a dot.
        int top = TOP + 20;
        List<String> clients = new ArrayList<>();
        sizes.values().forEach(z -> z.clientCounts().forEach(c -> { if (!clients.contains(c)) clients.add(c); }));
        double lo = 0.5;
        double hi = 2;
        for (Size z : sizes.values()) {
            for (String c : clients) {
                for (double r : ratios(z, c)) {
                    lo = Math.min(lo, r);
                    hi = Math.max(hi, r);
                }
            }
        }
        Axes ratioAxes = new Axes(top, xMin, xMax, decadeBelow(lo), decadeAbove(hi));
        frame(s, ratioAxes, "Parley / bare Fuseki throughput (queries/s ratio)", "×");
        line(s, ratioAxes, ratioAxes.y(0.9), "#999999", "6,4");
        s.append(text(LEFT + 4, ratioAxes.y(0.9) + 14, "goal ≥ 0.9 (layers cost < 10 %)", 11, "normal", "start"));
        line(s, ratioAxes, ratioAxes.y(1.0), "#cccccc", null);
        String[] clientColours = {"#1b6ca8", "#e08a00", "#d1495b", "#2e8b57"};
        int legendY = top + 10;
        for (int i = 0; i < clients.size(); i++) {
            String colour = clientColours[i % clientColours.length];
            List<double[]> points = new ArrayList<>();
            for (Size z : sizes.values()) {
                List<Double> r = ratios(z, clients.get(i));
                double jitter = (i - (clients.size() - 1) / 2.0) * 6;
                for (double v : r) {
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"%s\" "
                            + "fill-opacity=\"0.35\"/>\n", ratioAxes.x(z.reports()) + jitter, ratioAxes.y(v), colour));
                }
                if (!r.isEmpty()) {
                    points.add(new double[] {z.reports(), median(r)});
                }
            }
            polyline(s, ratioAxes, points, colour, null, 3, false);
            legend(s, legendY + 18 * i, colour, null, "median, " + clients.get(i)
                    + (clients.get(i).equals("1") ? " client" : " clients"));
        }
        legend(s, legendY + 18 * clients.size(), "#777777", "dot", "each query variant");

        // Panels 2 and 3: p50 at one client, Parley solid, bare Fuseki dashed.
        String one = clients.isEmpty() ? "1" : clients.get(0);
        latencyPanel(s, sizes, TOP + 20 + PANEL_HEIGHT + GAP, xMin, xMax, FILTERED, one,
                "p50 latency at " + one + " client, ms: one party's answer, first page of 100");
        latencyPanel(s, sizes, TOP + 20 + 2 * (PANEL_HEIGHT + GAP), xMin, xMax, WHOLE, one,
                "p50 latency at " + one + " client, ms: whole answers");
        s.append("</svg>\n");
        return s.toString();
    }

    static void latencyPanel(StringBuilder s, TreeMap<Integer, Size> sizes, int top, double xMin, double xMax,
                             List<String> variants, String clients, String title) {
        double lo = 10;
        double hi = 100;
        for (Size z : sizes.values()) {
            for (String v : variants) {
                for (String server : List.of("parley", "bare")) {
                    double p50 = number(get(z.cell(server, v, clients), "p50_ms"));
                    if (!Double.isNaN(p50) && p50 > 0) {
                        lo = Math.min(lo, p50);
                        hi = Math.max(hi, p50);
                    }
                }
            }
        }
        Axes axes = new Axes(top, xMin, xMax, decadeBelow(lo), decadeAbove(hi));
        frame(s, axes, title, "ms");
        if (axes.yMin() <= 100 && axes.yMax() >= 100) {
            line(s, axes, axes.y(100), "#999999", "6,4");
            s.append(text(LEFT + 4, axes.y(100) - 4, "100 ms", 11, "normal", "start"));
        }
        for (int i = 0; i < variants.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            for (String server : List.of("parley", "bare")) {
                List<double[]> points = new ArrayList<>();
                for (Size z : sizes.values()) {
                    double p50 = number(get(z.cell(server, variants.get(i), clients), "p50_ms"));
                    if (!Double.isNaN(p50) && p50 > 0) {
                        points.add(new double[] {z.reports(), p50});
                    }
                }
                polyline(s, axes, points, colour, server.equals("bare") ? "5,4" : null, 2, server.equals("bare"));
            }
            legend(s, top + 10 + 18 * i, colour, null, variants.get(i));
        }
        legend(s, top + 10 + 18 * variants.size() + 6, "#333333", null, "Parley (filled marks)");
        legend(s, top + 10 + 18 * variants.size() + 24, "#333333", "5,4", "bare Fuseki (open marks)");
    }

    static double decadeBelow(double v) {
        return Math.pow(10, Math.floor(Math.log10(v)));
    }

    static double decadeAbove(double v) {
        return Math.pow(10, Math.ceil(Math.log10(v) + 1e-9));
    }

    static void frame(StringBuilder s, Axes a, String title, String unit) {
        int right = WIDTH - RIGHT;
        int bottom = a.top() + PANEL_HEIGHT;
        s.append(text(LEFT, a.top() - 10, title, 14, "bold"));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#333\"/>\n", LEFT, a.top(), right - LEFT, PANEL_HEIGHT));
        for (double x = a.xMin(); x <= a.xMax() * 1.0001; x *= 10) {
            double px = a.x(x);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>\n",
                    px, a.top(), px, bottom));
            s.append(text(px, bottom + 16, String.format(Locale.ROOT, "%,.0f", x), 12, "normal", "middle"));
        }
        s.append(text((LEFT + right) / 2.0, bottom + 34, "reports (log scale)", 12, "normal", "middle"));
        for (double y = a.yMin(); y <= a.yMax() * 1.0001; y *= 10) {
            double py = a.y(y);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>\n",
                    LEFT, py, right, py));
            s.append(text(LEFT - 6, py + 4, label(y) + " " + unit, 12, "normal", "end"));
        }
    }

    static String label(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%s", v).replaceAll("0+$", "");
    }

    static void line(StringBuilder s, Axes a, double y, String colour, String dash) {
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"%s/>\n",
                LEFT, y, WIDTH - RIGHT, y, colour, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    static void polyline(StringBuilder s, Axes a, List<double[]> points, String colour, String dash, double width,
                         boolean hollow) {
        if (points.isEmpty()) {
            return;
        }
        StringBuilder p = new StringBuilder();
        for (double[] pt : points) {
            p.append(String.format(Locale.ROOT, "%.1f,%.1f ", a.x(pt[0]), a.y(pt[1])));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" stroke=\"%s\" "
                    + "stroke-width=\"1.5\"/>\n", a.x(pt[0]), a.y(pt[1]), hollow ? "white" : colour, colour));
        }
        s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>\n",
                p.toString().trim(), colour, width, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    static void legend(StringBuilder s, double y, String colour, String dash, String label) {
        double x = WIDTH - RIGHT + 16;
        if ("dot".equals(dash)) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" fill-opacity=\"0.5\"/>\n",
                    x + 12, y, colour));
        } else {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"2.5\"%s/>\n", x, y, x + 24, y, colour,
                    dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        }
        s.append(text(x + 32, y + 4, label, 12, "normal"));
    }

    static String text(double x, double y, String content, int size, String weight) {
        return text(x, y, content, size, weight, "start");
    }

    static String text(double x, double y, String content, int size, String weight, String anchor) {
        String escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" "
                + "text-anchor=\"%s\">%s</text>\n", x, y, size, weight, anchor, escaped);
    }
}
