package org.parley.load;

import java.util.List;

import org.parley.validate.Problem;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * A loaded, validated knowledge base: a TDB2 dataset (in memory, or on disk for {@code --db}) with
 * one named graph per source file, the ontology graph and the entailments graph.
 *
 * <p><b>Default graph.</b> In SPARQL (through Jena or Fuseki) the default graph is the union of all
 * named graphs, entailments included, and {@code GRAPH <...>} still picks one graph: the dataset is
 * a {@link UnionDefaultGraph} over an in-memory dataset or over the TDB2 database alike.
 *
 * <p>Read inside a transaction ({@code Txn.executeRead(kb.dataset(), ...)}). Close it when done: an
 * on-disk database is then released so that another process may open it.
 */
public final class LoadedKnowledgeBase implements AutoCloseable {

    private final DatasetGraph datasetGraph;

    private final List<Problem> warnings;
    private final Runnable release;

    LoadedKnowledgeBase(DatasetGraph datasetGraph, List<Problem> warnings, Runnable release) {
        this.warnings = List.copyOf(warnings);
        this.datasetGraph = datasetGraph;
        this.release = release;
    }

    /** The named graphs and entailments; SPARQL's default graph is their union. */
    public Dataset dataset() {
        return DatasetFactory.wrap(datasetGraph);
    }

    public DatasetGraph datasetGraph() {
        return datasetGraph;
    }

    /** Triples in all named graphs together (a triple in two graphs counts twice). */
    public long tripleCount() {
        return graphSizes().values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many named graphs the knowledge base has. */
    public long graphCount() {
        return Txn.calculateRead(datasetGraph, () -> {
            long count = 0;
            for (var names = datasetGraph.listGraphNodes(); names.hasNext(); names.next()) {
                count++;
            }
            return count;
        });
    }

    /** Graph IRI → number of triples, in IRI order. */
    public Map<String, Long> graphSizes() {
        Map<String, Long> sizes = new TreeMap<>();
        Txn.executeRead(datasetGraph, () -> datasetGraph.listGraphNodes().forEachRemaining(
                (Node graph) -> sizes.put(graph.getURI(), (long) datasetGraph.getGraph(graph).size())));
        return Collections.unmodifiableMap(sizes);
    }

    @Override
    public void close() {
        release.run();
    }

    /**
     * Warnings the load found, errors that did not stop it included: a refused claim sheet leaves
     * its report out and the rest is served. Empty for an opened database.
     */
    public List<Problem> warnings() {
        return warnings;
    }
}
