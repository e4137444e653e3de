package org.parley.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.query.QueryLibrary;
import org.parley.query.QueryParameters;
import org.parley.vocab.KbNames;

/**
 * A benchmark aid, not a test: the bundled knowledge base copied N times under new names, and the
 * library queries timed over a TDB2 database of it with the union default graph (how
 * {@code serve --db} queries). Each copy renames every report's graph and what only that report
 * defines (claims, excerpts, its own terms, proposals, events and sources) by a "-rN" suffix, and
 * the report's identifier with it; shared actors, concepts, terms, quantities and the ontology stay
 * one, so that copies meet on them as real reports about one negotiation do. Copy 0 is the original.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * CP=target/classes:target/test-classes:$(cat cp.txt)
 * java -cp $CP org.parley.bench.ReplicatedCorpus write 200 /tmp/x200.nq
 * java -cp $CP tdb2.tdbloader --loader=parallel --loc /tmp/db200 /tmp/x200.nq
 * java -cp $CP org.parley.bench.ReplicatedCorpus time /tmp/db200 [RUNS] [QUERY ...]
 * </pre>
 * {@code time} prints, per query (and per party for the party-filtered ones), the median time of
 * the whole answer and of its first page of 100 rows, and the number of rows. Queries named with a
 * {@code .rq} path are read from that file (to time a rewrite against the library's version).
 */
public final class ReplicatedCorpus {

    private static final String REPORT_BASE = "https://w3id.org/parley/kb/report/";
    private static final String IDENTIFIER = "http://purl.org/dc/terms/identifier";
    private static final String FILE_NAME = "https://w3id.org/parley/ontology#fileName";
    private static final Pattern REPORT_ID = Pattern.compile("\\d{3}_[0-9a-f]{16}");

    private ReplicatedCorpus() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("write")) {
            write(Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length >= 2 && args[0].equals("time")) {
            int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
            time(Path.of(args[1]), runs, Arrays.asList(args).subList(Math.min(3, args.length), args.length));
        } else {
            System.err.println("usage: write COPIES OUT.nq | time TDB2_DIR [RUNS] [QUERY ...]");
            System.exit(2);
        }
    }

    // -- write -------------------------------------------------------------------------------------

    static void write(int copies, Path out) throws Exception {
        try (LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(Path.of("."));
             OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            DatasetGraph dsg = kb.datasetGraph();
            List<Quad> quads = new ArrayList<>();
            Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(quads::add));
            // A subject is the report's own when its graph describes it and no shared file does
            // (the entailment graphs describe both kinds, so they decide nothing).
            Set<Node> shared = new HashSet<>();
            Set<Node> local = new HashSet<>();
            for (Quad quad : quads) {
                if (isReportGraph(quad.getGraph())) {
                    local.add(quad.getSubject());
                } else if (!quad.getGraph().getURI().startsWith(KbNames.GRAPH_BASE + "entailments")) {
                    shared.add(quad.getSubject());
                }
            }
            local.removeAll(shared);
            StreamRDF writer = StreamRDFWriter.getWriterStream(file, RDFFormat.NQUADS);
            writer.start();
            long written = 0;
            for (int copy = 0; copy < copies; copy++) {
                for (Quad quad : quads) {
                    boolean reportQuad = isReportGraph(quad.getGraph()) || local.contains(quad.getSubject());
                    if (copy > 0 && !reportQuad) {
                        continue; // shared: written once
                    }
                    writer.quad(copy == 0 ? quad : rename(quad, copy, local));
                    written++;
                }
            }
            writer.finish();
            System.err.printf(Locale.ROOT, "%d copies, %,d quads -> %s%n", copies, written, out);
        }
    }

    private static boolean isReportGraph(Node graph) {
        String iri = graph.getURI();
        return iri.startsWith(KbNames.GRAPH_BASE) && REPORT_ID.matcher(iri.substring(KbNames.GRAPH_BASE.length()))
                .matches();
    }

    private static Quad rename(Quad quad, int copy, Set<Node> local) {
        Node graph = quad.getGraph();
        if (isReportGraph(graph)) {
            graph = NodeFactory.createURI(graph.getURI() + "-r" + copy);
        }
        Node predicate = quad.getPredicate();
        Node object = quad.getObject();
        if (object.isLiteral() && (predicate.getURI().equals(IDENTIFIER) || predicate.getURI().equals(FILE_NAME))
                && quad.getSubject().isURI() && quad.getSubject().getURI().startsWith(REPORT_BASE)) {
            String id = object.getLiteralLexicalForm();
            object = NodeFactory.createLiteralString(id.endsWith(".txt")
                    ? id.substring(0, id.length() - 4) + "-r" + copy + ".txt" : id + "-r" + copy);
        } else {
            object = node(object, copy, local);
        }
        return Quad.create(graph, node(quad.getSubject(), copy, local), predicate, object);
    }

    private static Node node(Node node, int copy, Set<Node> local) {
        if (node.isBlank()) {
            return NodeFactory.createBlankNode(node.getBlankNodeLabel() + "r" + copy);
        }
        if (node.isURI() && local.contains(node)) {
            return NodeFactory.createURI(node.getURI() + "-r" + copy);
        }
        return node;
    }

    // -- time --------------------------------------------------------------------------------------

    /** The party-filtered runs the issue asks about, with the party the five reports say most of. */
    private static final Map<String, Map<String, String>> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("demands-by-party", Map.of("partyName", "Hamas"));
        PARAMETERS.put("actor-profile", Map.of("actorName", "Hamas"));
        PARAMETERS.put("position-changes", Map.of("partyName", "Hamas"));
    }

    static void time(Path db, int runs, List<String> names) throws Exception {
        DatasetGraph dsg = TDB2Factory.connectDataset(db.toString()).asDatasetGraph();
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        long quads = Txn.calculateRead(dsg, () -> dsg.stream().count());
        System.out.printf(Locale.ROOT, "# %s: %,d quads, %d runs each (median ms, %s clock)%n", db, quads, runs,
                cpuClock ? "CPU" : "wall");
        System.out.printf(Locale.ROOT, "%-28s %10s %10s %10s%n", "query", "whole", "page 100", "rows");
        List<QueryLibrary.Entry> entries = QueryLibrary.entries(Path.of("queries"));
        List<String> wanted = names.isEmpty()
                ? entries.stream().map(QueryLibrary.Entry::name).filter(n -> !n.equals("actors-wikidata")).toList()
                : names;
        for (String name : wanted) {
            String text;
            String label = name;
            if (name.endsWith(".rq")) {
                text = Files.readString(Path.of(name));
                label = Path.of(name).getFileName().toString().replace(".rq", "");
            } else {
                text = entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().text();
            }
            Query query = QueryFactory.create(text);
            Map<String, String> values = PARAMETERS.getOrDefault(label, Map.of());
            Map<String, Node> bindings = QueryParameters.bind(values, query);
            long[] whole = new long[runs];
            long[] page = new long[runs];
            long rows = 0;
            int done = 0;
            for (int run = 0; run < runs; run++) {
                done++;
                Query paged = query.cloneQuery();
                paged.setLimit(100);
                page[run] = timed(dsg, paged, bindings)[0];
                long[] result = timed(dsg, query, bindings);
                whole[run] = result[0];
                rows = result[1];
                if (whole[run] < 0) {
                    break; // timed out: once is enough
                }
            }
            System.out.printf(Locale.ROOT, "%-28s %10s %10s %10d%n", label + (values.isEmpty() ? "" : " " + values.values()),
                    median(Arrays.copyOf(whole, done)), median(Arrays.copyOf(page, done)), rows);
        }
    }

    /**
     * -Dbench.clock=cpu times the query thread's CPU instead of the wall clock: on a machine other
     * builds share, the wall clock measures them too. (Jena runs a query in the calling thread.)
     */
    private static final boolean cpuClock = "cpu".equals(System.getProperty("bench.clock"));
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static final long TIMEOUT_MS = Long.getLong("bench.timeout", 60_000);

    /** Milliseconds (-1 for a time-out) and rows. */
    private static long[] timed(DatasetGraph dsg, Query query, Map<String, Node> bindings) {
        return Txn.calculateRead(dsg, () -> {
            long start = cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            QueryExecBuilder builder = QueryExec.dataset(dsg).query(query);
            bindings.forEach(builder::substitution);
            builder.timeout(TIMEOUT_MS);
            long rows = 0;
            try (QueryExec exec = builder.build()) {
                RowSet rowSet = exec.select();
                while (rowSet.hasNext()) {
                    rowSet.next();
                    rows++;
                }
            } catch (org.apache.jena.query.QueryCancelledException timedOut) {
                return new long[] {-1, rows};
            }
            long end = cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            return new long[] {(end - start) / 1_000_000, rows};
        });
    }

    private static String median(long[] values) {
        if (Arrays.stream(values).anyMatch(v -> v < 0)) {
            return ">" + TIMEOUT_MS / 1000 + "s";
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return Long.toString(sorted[sorted.length / 2]);
    }
}
