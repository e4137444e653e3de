import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.parley.query.QueryException;
import org.parley.query.QueryLibrary;
import org.parley.query.QueryParameters;
import org.parley.query.ValuesBinding;

/**
 * Load driver for scripts/scale-benchmark.sh: sends every library query to one SPARQL endpoint at
 * 1, 4 and 16 concurrent clients and writes, per query variant and client count, the throughput and
 * the latency percentiles as the client sees them (send, server work, whole response read).
 *
 * <p>Run with Parley's jar on the class path (for Jena and the query library's header reader):
 * <pre>java -cp target/parley.jar scripts/bench/HttpLoadDriver.java --endpoint URL --queries queries --out FILE.tsv</pre>
 *
 * <p>Variants of each query file (the same SPARQL text goes to every server, so that Parley and
 * bare Fuseki answer exactly the same question):
 * <ul>
 *   <li>{@code NAME}: as written, its parameters unbound (the library's default);</li>
 *   <li>{@code NAME?param=value}: each parameter its header names and this driver has a value for
 *       ({@code --bind partyName=Hamas}), bound by a VALUES block at the start of
 *       the WHERE group (see {@link #bind});</li>
 *   <li>{@code NAME[limit 100]}: the first page, for a SELECT with no LIMIT of its own: the header's
 *       {@code limit} parameter bound to 100 if it names one, else {@code LIMIT 100} added.</li>
 * </ul>
 * A query that calls a remote endpoint (SERVICE) is listed as not run: nothing may leave this machine.
 *
 * <p>Every request has a timeout; requests that time out or answer anything but HTTP 200 are counted
 * in their own columns and left out of the latency percentiles, never dropped silently. Each cell
 * runs for a fixed duration after a timed warm-up (clients stop starting requests when it is up and
 * the requests in flight are waited for, each bounded by its timeout); it also stops after a fixed
 * number of requests. If a variant's median at one client is above {@code --slow-ms}, its 4- and
 * 16-client cells are not run and say so (they would only queue behind the two cores).
 */
public final class HttpLoadDriver {

    /** One query text to measure, under the name the tables show. */
    record Variant(String name, String text, String skipReason) {}

    /** What one (variant, clients) cell measured. */
    record Cell(int ok, int errors, int timeouts, double seconds, double[] latenciesMs, String firstError,
                double serverCpuSeconds) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI endpoint = URI.create(required(options, "endpoint"));
        Path queries = Path.of(options.getOrDefault("queries", "queries"));
        Path out = Path.of(required(options, "out"));
        String server = options.getOrDefault("server", "server");
        int[] clientCounts = Arrays.stream(options.getOrDefault("clients", "1,4,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        double warmupSeconds = Double.parseDouble(options.getOrDefault("warmup-seconds", "2"));
        double durationSeconds = Double.parseDouble(options.getOrDefault("duration-seconds", "5"));
        int maxRequests = Integer.parseInt(options.getOrDefault("max-requests", "2000"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "60")));
        double slowMs = Double.parseDouble(options.getOrDefault("slow-ms", "5000"));
        int pageSize = Integer.parseInt(options.getOrDefault("page", "100"));
        String only = options.get("only");
        // The server's process id, to read the CPU time it spends per cell: on a machine shared with
        // other builds the wall-clock numbers wander with the load, its CPU seconds much less.
        long serverPid = Long.parseLong(options.getOrDefault("server-pid", "-1"));   // a regular expression on variant names, for trying one out
        Map<String, String> bindings = new LinkedHashMap<>();
        for (String bind : options.getOrDefault("bind", "partyName=Hamas,actorName=Hamas").split(",")) {
            int equals = bind.indexOf('=');
            if (equals > 0) {
                bindings.put(bind.substring(0, equals), bind.substring(equals + 1));
            }
        }

        List<Variant> variants = variants(queries, bindings, pageSize);
        if (options.containsKey("print-variants")) {
            for (Variant v : variants) {
                System.out.println("### " + v.name() + (v.skipReason() == null ? "" : "  (not run: " + v.skipReason() + ")"));
                System.out.println(v.text());
            }
            return;
        }

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        boolean header = !Files.exists(out) || Files.size(out) == 0;
        try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
            if (header) {
                tsv.println(String.join("\t", "server", "variant", "clients", "rows", "ok", "errors", "timeouts",
                        "seconds", "qps", "p50_ms", "p99_ms", "server_cpu_ms_per_query", "loadavg", "note"));
            }
            for (Variant variant : variants) {
                if (only != null && !variant.name().matches(only)) {
                    continue;
                }
                if (variant.skipReason() != null) {
                    for (int clients : clientCounts) {
                        tsv.println(row(server, variant.name(), clients, "-", null, "not run: " + variant.skipReason()));
                    }
                    tsv.flush();
                    continue;
                }
                String rows = probeRows(client, endpoint, variant.text(), timeout);
                double oneClientMedian = -1;
                for (int clients : clientCounts) {
                    if (oneClientMedian > slowMs && clients > 1) {
                        tsv.println(row(server, variant.name(), clients, rows, null,
                                oneClientMedian == Double.MAX_VALUE ? "not run: no answer at 1 client"
                                        : String.format(Locale.ROOT, "not run: median %.0f ms at 1 client is above %.0f ms",
                                                oneClientMedian, slowMs)));
                        continue;
                    }
                    HttpRequest request = request(endpoint, variant.text(), timeout);
                    // Warm-up: the same load, timed, results thrown away.
                    measure(client, request, clients, warmupSeconds, maxRequests);
                    double cpuBefore = cpuSeconds(serverPid);
                    Cell measured = measure(client, request, clients, durationSeconds, maxRequests);
                    Cell cell = new Cell(measured.ok(), measured.errors(), measured.timeouts(), measured.seconds(),
                            measured.latenciesMs(), measured.firstError(), cpuSeconds(serverPid) - cpuBefore);
                    if (clients == 1 && cell.latenciesMs().length > 0) {
                        oneClientMedian = percentile(cell.latenciesMs(), 0.50);
                    } else if (clients == 1) {
                        oneClientMedian = Double.MAX_VALUE;
                    }
                    String note = cell.firstError() == null ? "" : cell.firstError();
                    tsv.println(row(server, variant.name(), clients, rows, cell, note));
                    tsv.flush();
                    System.err.printf(Locale.ROOT, "%s %-40s c=%-2d ok=%d err=%d to=%d %.1f q/s p50=%.1f ms%n",
                            server, variant.name(), clients, cell.ok(), cell.errors(), cell.timeouts(),
                            cell.ok() / cell.seconds(),
                            cell.latenciesMs().length == 0 ? Double.NaN : percentile(cell.latenciesMs(), 0.5));
                }
            }
        } finally {
            ((ExecutorService) client.executor().orElseThrow()).shutdownNow();
        }
    }

    /** The variants of every .rq file in the directory, in file name order. */
    static List<Variant> variants(Path dir, Map<String, String> bindings, int pageSize) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList();
        }
        List<Variant> variants = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Query query = QueryFactory.create(text);
            if (callsRemoteEndpoint(query)) {
                variants.add(new Variant(name, text, "SERVICE (no remote endpoint is called)"));
                continue;
            }
            List<String> parameters = QueryLibrary.parameters(text);
            variants.add(new Variant(name, text, null));
            for (String parameter : parameters) {
                if (parameter.equals("limit") || parameter.equals("offset")) {
                    continue;
                }
                String value = bindings.get(parameter);
                if (value == null) {
                    variants.add(new Variant(name + "?" + parameter, text, "no value given for ?" + parameter));
                    continue;
                }
                Query bound = bind(query, parameter, literal(value));
                variants.add(new Variant(name + "?" + parameter + "=" + value, bound.serialize(), null));
                if (query.isSelectType() && !query.hasLimit()) {
                    // The first page of one party's (or actor's) answer: what a reader asks first.
                    variants.add(new Variant(name + "?" + parameter + "=" + value + "[limit " + pageSize + "]",
                            firstPage(bound, pageSize).serialize(), null));
                }
            }
            if (query.isSelectType() && !query.hasLimit()) {
                variants.add(new Variant(name + "[limit " + pageSize + "]",
                        firstPage(query, pageSize).serialize(), null));
            }
        }
        return variants;
    }

    /**
     * The first page of a SELECT as `parley query --param limit=N` pages it: LIMIT on the query, or on
     * the sub-query that picks its rows where it has one (QueryParameters.pagedPart).
     */
    private static Query firstPage(Query query, int pageSize) {
        try {
            return QueryParameters.page(Map.of("limit", Integer.toString(pageSize)), query);
        } catch (QueryException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The query with {@code VALUES ?name { value }} in every group and sub-query that uses the
     * parameter ({@link ValuesBinding}). Jena's own substitution (what {@code parley query --param}
     * uses) cannot be written back as text when the variable is tested with BOUND(?name); and a
     * VALUES block in the outer group alone would not reach a sub-query (every party's rows).
     */
    static Query bind(Query query, String name, Node value) {
        return ValuesBinding.withValues(query, Map.of(Var.alloc(name), value));
    }

    private static Node literal(String value) {
        return value.matches("-?[0-9]+") ? NodeFactory.createLiteralByValue(Integer.parseInt(value))
                : NodeFactory.createLiteralString(value);
    }

    private static boolean callsRemoteEndpoint(Query query) {
        boolean[] found = {false};
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementService el) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static HttpRequest request(URI endpoint, String text, Duration timeout) {
        return HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/sparql-query; charset=utf-8")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build();
    }

    /** Row count of one answer, read with Jena, so that the two servers' answers can be compared. */
    private static String probeRows(HttpClient client, URI endpoint, String text, Duration timeout) {
        try {
            HttpResponse<byte[]> response = client.send(request(endpoint, text, timeout),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            ResultSet results = ResultSetFactory.fromJSON(new java.io.ByteArrayInputStream(response.body()));
            int rows = 0;
            while (results.hasNext()) {
                results.next();
                rows++;
            }
            return Integer.toString(rows);
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (Exception e) {
            return "error";
        }
    }

    /**
     * Runs {@code clients} threads, each sending the request and waiting for the whole answer before
     * sending it again, until the duration is up or maxRequests have been started.
     */
    static Cell measure(HttpClient client, HttpRequest request, int clients, double seconds, int maxRequests)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger timeouts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.ConcurrentLinkedQueue<Double> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < deadline && started.incrementAndGet() <= maxRequests) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        double ms = (System.nanoTime() - sent) / 1e6;
                        if (response.statusCode() == 200) {
                            latencies.add(ms);
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "HTTP " + response.statusCode());
                        }
                    } catch (HttpTimeoutException e) {
                        timeouts.incrementAndGet();
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.getClass().getSimpleName());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        pool.shutdown();
        // Each client stops starting requests at the deadline; the one in flight is bounded by the
        // request timeout, so this wait is bounded too (with a margin for the last response).
        long bound = (long) (seconds * 1000) + request.timeout().orElseThrow().toMillis() + 30_000;
        if (!pool.awaitTermination(bound, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            firstError.compareAndSet(null, "clients still waiting after " + bound + " ms");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] ms = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Cell(ms.length, errors.get(), timeouts.get(), elapsed, ms, firstError.get(), Double.NaN);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String row(String server, String variant, int clients, String rows, Cell cell, String note) {
        if (cell == null) {
            return String.join("\t", server, variant, Integer.toString(clients), rows, "0", "0", "0", "-", "-", "-",
                    "-", "-", loadAverage(), note);
        }
        boolean any = cell.latenciesMs().length > 0;
        return String.join("\t", server, variant, Integer.toString(clients), rows,
                Integer.toString(cell.ok()), Integer.toString(cell.errors()), Integer.toString(cell.timeouts()),
                String.format(Locale.ROOT, "%.2f", cell.seconds()),
                String.format(Locale.ROOT, "%.2f", cell.ok() / cell.seconds()),
                any ? String.format(Locale.ROOT, "%.1f", percentile(cell.latenciesMs(), 0.50)) : "-",
                any ? String.format(Locale.ROOT, "%.1f", percentile(cell.latenciesMs(), 0.99)) : "-",
                any && !Double.isNaN(cell.serverCpuSeconds())
                        ? String.format(Locale.ROOT, "%.2f", cell.serverCpuSeconds() * 1000 / cell.ok()) : "-",
                loadAverage(), note);
    }

    /**
     * User plus system CPU seconds the process has used so far, from /proc/PID/stat (all its threads:
     * query work, HTTP, logging, garbage collection, compilation); NaN without a pid.
     */
    static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** USER_HZ, 100 on Linux for every architecture this runs on (sysconf(_SC_CLK_TCK)). */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    /** The machine's one-minute load average as the cell ends (other builds share the cores). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String key = args[i].substring(2);
            int equals = key.indexOf('=');
            if (equals >= 0) {
                options.put(key.substring(0, equals), key.substring(equals + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(key, args[++i]);
            } else {
                options.put(key, "true");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
