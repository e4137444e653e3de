package org.parley.push;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Pushes a knowledge base into a store through the Graph Store Protocol, one named graph per
 * {@code PUT}, each replacing the store's graph of that name; graphs the store holds under other
 * names are left alone. Graphs go in IRI order, as N-Triples, with blank nodes shared between graphs
 * sent as IRIs ({@link SharedBlankNodes}).
 *
 * <p>No transaction spans the requests (the protocol has none): when a request fails, the graphs
 * sent before it are new in the store and the others as they were, and the {@link PushException}
 * lists them. Pushing again repairs it. {@link #check} reads every graph back and compares triple counts.
 */
public final class GraphStorePush {

    /** What the caller hears as the push goes: one call per graph, after the store accepted it. */
    public interface Progress {
        void pushed(Pushed graph, int done, int total);
    }

    /** One graph sent: its IRI, its triples, the store's status, how long it took. */
    public record Pushed(String graph, long triples, int status, Duration took) {
    }

    /** The whole push. */
    public record Result(List<Pushed> graphs, Duration took, int sharedBlankNodes, long triplesInSeveralGraphs) {
        public long triples() {
            return graphs.stream().mapToLong(Pushed::triples).sum();
        }
    }

    /** One graph whose count in the store differs from what was pushed. */
    public record Mismatch(String graph, long pushed, long stored) {
    }

    private GraphStorePush() {
    }

    /**
     * Sends every named graph of the dataset (the ones it stores; its default graph, Parley's union
     * of them, is not sent) to the store.
     */
    public static Result push(DatasetGraph dataset, GraphStoreClient store, Progress progress) throws PushException {
        long start = System.nanoTime();
        Map<Node, Node> sharedBlankNodes = Txn.calculateRead(dataset, () -> SharedBlankNodes.of(dataset));
        long inSeveralGraphs = Txn.calculateRead(dataset, () -> triplesInSeveralGraphs(dataset));
        List<String> graphs = graphNames(dataset);
        List<Pushed> pushed = new ArrayList<>();
        for (String graph : graphs) {
            long graphStart = System.nanoTime();
            AtomicLong triples = new AtomicLong();
            byte[] body = Txn.calculateRead(dataset, () -> nTriples(dataset, graph, sharedBlankNodes, triples));
            int status;
            try {
                status = store.put(graph, body);
            } catch (PushException failed) {
                throw midway(failed, graph, pushed, graphs);
            }
            Pushed done = new Pushed(graph, triples.get(), status, Duration.ofNanos(System.nanoTime() - graphStart));
            pushed.add(done);
            progress.pushed(done, pushed.size(), graphs.size());
        }
        return new Result(pushed, Duration.ofNanos(System.nanoTime() - start), sharedBlankNodes.size(), inSeveralGraphs);
    }

    /**
     * Reads every pushed graph back from the store and counts its triples; the graphs whose count
     * differs. A store that merges equal literals written differently ({@code "01"} and {@code "1"}
     * as integers) or drops what it cannot store shows here.
     */
    public static List<Mismatch> check(Result result, GraphStoreClient store) throws PushException {
        List<Mismatch> mismatches = new ArrayList<>();
        for (Pushed graph : result.graphs()) {
            long stored = count(store.get(graph.graph()), graph.graph());
            if (stored != graph.triples()) {
                mismatches.add(new Mismatch(graph.graph(), graph.triples(), stored));
            }
        }
        return mismatches;
    }

    /** The named graphs, in IRI order. */
    static List<String> graphNames(DatasetGraph dataset) {
        Map<String, Node> names = new TreeMap<>();
        Txn.executeRead(dataset, () -> dataset.listGraphNodes().forEachRemaining(graph -> names.put(graph.getURI(), graph)));
        return List.copyOf(names.keySet());
    }

    private static byte[] nTriples(DatasetGraph dataset, String graph, Map<Node, Node> sharedBlankNodes, AtomicLong count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Node name = org.apache.jena.graph.NodeFactory.createURI(graph);
        var triples = Iter.map(dataset.getGraph(name).find(), (Triple t) -> {
            count.incrementAndGet();
            return SharedBlankNodes.replace(t, sharedBlankNodes);
        });
        RDFDataMgr.writeTriples(out, triples);
        return out.toByteArray();
    }

    /**
     * Triples stated in more than one named graph. Parley's default graph (and Fuseki's union) has
     * them once; a store whose default graph is every graph's triples side by side (Virtuoso) has
     * them once per graph, and queries without GRAPH see duplicates.
     */
    private static long triplesInSeveralGraphs(DatasetGraph dataset) {
        AtomicLong several = new AtomicLong();
        dataset.find().forEachRemaining(quad -> {
            if (!quad.isDefaultGraph() && Iter.count(dataset.find(Node.ANY, quad.getSubject(), quad.getPredicate(), quad.getObject())) > 1) {
                several.incrementAndGet();
            }
        });
        return several.get();
    }

    private static long count(GraphStoreClient.Fetched fetched, String graph) throws PushException {
        Lang lang = RDFLanguages.contentTypeToLang(fetched.contentType().split(";")[0].strip());
        AtomicLong triples = new AtomicLong();
        try {
            RDFParser.create().source(new StringReader(fetched.body())).lang(lang == null ? Lang.TURTLE : lang)
                    .parse(new StreamRDFBase() {
                        @Override
                        public void triple(Triple triple) {
                            triples.incrementAndGet();
                        }
                    });
        } catch (RiotException unreadable) {
            throw new PushException("GET " + graph + ": the store sent what Parley cannot read as "
                    + fetched.contentType() + " (" + unreadable.getMessage() + ")", unreadable);
        }
        return triples.get();
    }

    /** The failure, with what was pushed before it and what that leaves in the store. */
    private static PushException midway(PushException failed, String graph, List<Pushed> pushed, List<String> graphs) {
        List<String> lines = new ArrayList<>(failed.lines());
        if (pushed.isEmpty()) {
            lines.add("nothing was pushed: the store is as it was.");
        } else {
            lines.add("pushed before the failure (" + pushed.size() + " of " + graphs.size() + " graphs): "
                    + String.join(", ", pushed.stream().map(Pushed::graph).toList()));
            lines.add("not pushed: " + String.join(", ", graphs.subList(pushed.size(), graphs.size())));
            lines.add("the store may now hold a mix: these graphs new, the others as they were (the Graph Store"
                    + " Protocol has no transaction across graphs); run the same command again to push them all.");
        }
        return new PushException(lines, failed.getCause());
    }
}
