package org.parley.load;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.rdfs.SetupRDFS;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.parley.validate.OntologyTerms;

/**
 * Works out, once at load time, what the data entail under the ontology, so that queries need no
 * reasoner: RDFS (rdfs:subClassOf, rdfs:subPropertyOf, rdfs:domain, rdfs:range, with Jena's
 * streaming RDFS) plus both directions of every owl:inverseOf pair and of every
 * owl:SymmetricProperty, repeated until nothing new comes. Only triples stated nowhere else are kept.
 */
public final class EntailmentMaterialiser {

    private EntailmentMaterialiser() {
    }

    /** The triples entailed by the data graphs under the ontology that no graph states already. */
    public static Graph entailments(Graph ontology, Collection<Graph> dataGraphs) {
        return entailments(ontology, dataGraphs, List.of());
    }

    /**
     * The same, for one part of a knowledge base: what {@code dataGraphs} entail, less what they,
     * the ontology or {@code known} (the shared graphs and their entailments) state already. Every
     * rule here reads one data triple at a time (with the ontology), so the entailments of a
     * whole knowledge base are the union of its parts' entailments: a report's can be worked out,
     * stored and replaced on its own.
     */
    public static Graph entailments(Graph ontology, Collection<Graph> dataGraphs, Collection<Graph> known) {
        Schema rules = schemaOf(ontology);
        SetupRDFS schema = rules.rdfs();
        List<Triple> inversePairs = rules.inversePairs();

        Graph closure = GraphFactory.createDefaultGraph();
        dataGraphs.forEach(graph -> graph.find().forEachRemaining(closure::add));
        long sizeBefore;
        do {
            sizeBefore = closure.size();
            Graph derived = GraphFactory.createDefaultGraph();
            addRdfsEntailments(closure, schema, derived);
            addInverses(closure, inversePairs, derived);
            derived.find().forEachRemaining(closure::add);
        } while (closure.size() > sizeBefore);

        Graph entailments = GraphFactory.createDefaultGraph();
        closure.find().forEachRemaining(triple -> {
            if (isKeptEntailment(triple) && !statedAnywhere(triple, ontology, dataGraphs)
                    && !statedAnywhere(triple, ontology, known)) {
                entailments.add(triple);
            }
        });
        return entailments;
    }

    /**
     * What the rules read from the ontology: worked out once per ontology graph, not once per report
     * (a load asks for thousands of reports' entailments under one ontology).
     *
     * @param inversePairs every owl:inverseOf pair, a symmetric property being its own inverse
     */
    private record Schema(SetupRDFS rdfs, List<Triple> inversePairs) {
    }

    private static final Map<Graph, Schema> SCHEMAS = new WeakHashMap<>();

    private static Schema schemaOf(Graph ontology) {
        synchronized (SCHEMAS) {
            return SCHEMAS.computeIfAbsent(ontology, o -> new Schema(RDFSFactory.setupRDFS(o),
                    List.copyOf(new OntologyTerms(o).inversePairsWithSymmetric())));
        }
    }

    private static void addRdfsEntailments(Graph data, SetupRDFS schema, Graph derived) {
        StreamRDF output = RDFSFactory.streamRDFS(StreamRDFLib.graph(derived), schema);
        output.start();
        data.find().forEachRemaining(output::triple);
        output.finish();
    }

    private static void addInverses(Graph data, List<Triple> inversePairs, Graph derived) {
        for (Triple pair : inversePairs) {
            Node property = pair.getSubject();
            Node inverse = pair.getObject();
            data.find(Node.ANY, property, Node.ANY).forEachRemaining(t -> addReversed(t, inverse, derived));
            data.find(Node.ANY, inverse, Node.ANY).forEachRemaining(t -> addReversed(t, property, derived));
        }
    }

    private static void addReversed(Triple triple, Node property, Graph derived) {
        if (!triple.getObject().isLiteral()) {
            derived.add(Triple.create(triple.getObject(), property, triple.getSubject()));
        }
    }

    /**
     * Leaves out what RDFS entails but nobody wants in the store: triples about literals, and types
     * that are anonymous class expressions of the ontology (a domain given as owl:unionOf, say).
     */
    private static boolean isKeptEntailment(Triple triple) {
        if (triple.getSubject().isLiteral()) {
            return false;
        }
        return !(triple.getPredicate().equals(RDF.type.asNode()) && triple.getObject().isBlank());
    }

    private static boolean statedAnywhere(Triple triple, Graph ontology, Collection<Graph> dataGraphs) {
        if (ontology.contains(triple)) {
            return true;
        }
        for (Graph graph : dataGraphs) {
            if (graph.contains(triple)) {
                return true;
            }
        }
        return false;
    }
}
