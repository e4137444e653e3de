package org.parley.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.parley.vocab.KbNames;

/**
 * Parley's full-text index (jena-text, Lucene): the names of things ({@code rdfs:label},
 * {@code skos:prefLabel}, {@code skos:altLabel}) and the words of the reports ({@code oa:exact}
 * of each excerpt, {@code parley:quotation}), in one field, lower-cased and with accents folded.
 * A dataset wrapped with it answers {@code text:query} in SPARQL:
 * <pre>
 * PREFIX text: &lt;http://jena.apache.org/text#&gt;
 * SELECT ?s ?text { (?s ?score ?text) text:query "guarantee*" }
 * </pre>
 * A hit on a quote is its excerpt (a blank node: {@code ?claim parley:hasExcerpt ?s}) or the claim
 * (for {@code parley:quotation}). The search page asks the same index.
 *
 * <p>Two kinds:
 * <ul>
 * <li>{@link #wrap}: built in memory from the dataset when wrapped (a knowledge base loaded from
 *     its sources; seconds at most), each triple once;</li>
 * <li>on disk beside a TDB2 database ({@code DB/text-index}): written once by {@link #build},
 *     changed one report at a time by {@link #replaceGraphs}, and opened by the server with
 *     {@link #open} without reading the database (put in the served dataset's context, which
 *     stays unwrapped). Its entries carry their named graph (the
 *     {@code graph} field of jena-text), so that one graph's entries can be deleted. The entailment graphs are not
 *     indexed (their labels repeat asserted ones), so a triple is indexed once per asserted graph
 *     that holds it: a name in two graphs is two hits in SPARQL (the search page lists it once).</li>
 * </ul>
 */
public final class ParleyTextIndex {

    /** The Lucene field holding the words. */
    public static final String FIELD = "text";
    /** The Lucene field holding an on-disk entry's named graph. */
    public static final String GRAPH_FIELD = "graph";

    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

    /** The indexed properties; the first is jena-text's primary predicate. */
    public static final List<Node> INDEXED = List.of(
            NodeFactory.createURI(RDFS + "label"),
            NodeFactory.createURI(SKOS + "prefLabel"),
            NodeFactory.createURI(SKOS + "altLabel"),
            NodeFactory.createURI("http://www.w3.org/ns/oa#exact"),
            org.parley.vocab.Parley.quotation.asNode());

    private ParleyTextIndex() {}

    /**
     * {@code base} with an index built in memory from its contents now: queries through the result
     * can use {@code text:query}, and writes through it are indexed by jena-text.
     */
    public static DatasetGraph wrap(DatasetGraph base) {
        EntityDefinition definition = definition(false);
        TextIndex index = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), config(definition));
        // Each triple once, although the union default graph repeats the named graphs' triples.
        Set<Triple> seen = new HashSet<>();
        Txn.executeRead(base, () -> {
            for (Node p : INDEXED) {
                base.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                    if (q.getObject().isLiteral() && seen.add(q.asTriple())) {
                        Entity e = TextQueryFuncs.entityFromQuad(definition, Quad.defaultGraphIRI, q.getSubject(), p, q.getObject());
                        if (e != null) {
                            index.addEntity(e);
                        }
                    }
                });
            }
        });
        index.commit();
        return withIndex(base, index);
    }

    /**
     * Writes the index of {@code base}'s asserted named graphs to {@code indexDir}, replacing any
     * index there. Reads {@code base} in one read transaction; memory stays bounded (Lucene
     * flushes to disk as it goes).
     *
     * @return the number of entries written
     */
    public static long build(DatasetGraph base, Path indexDir) {
        deleteIndex(indexDir);
        TextIndexLucene index = onDisk(indexDir);
        try {
            long n = Txn.calculateRead(base, () -> addGraphs(index, base, null));
            index.commit();
            return n;
        } finally {
            index.close();
        }
    }

    /**
     * Replaces the entries of some graphs of the on-disk index in {@code indexDir}, as when one
     * report is added, replaced or removed: the entries of {@code graphsRemoved} and of
     * {@code graphsAdded} are deleted, then {@code graphsAdded} are indexed again from
     * {@code base} as it is now. One Lucene commit: a reader sees the old entries or the new ones.
     * Costs time in proportion to those graphs, not to the database.
     *
     * @return the number of entries written
     */
    public static long replaceGraphs(Path indexDir, DatasetGraph base, Collection<Node> graphsRemoved,
                                     Collection<Node> graphsAdded) {
        if (!Files.isDirectory(indexDir)) {
            throw new IllegalArgumentException("no full-text index at " + indexDir + " (build it first)");
        }
        TextIndexLucene index = onDisk(indexDir);
        try {
            Set<Node> stale = new HashSet<>(graphsRemoved);
            stale.addAll(graphsAdded);
            for (Node g : stale) {
                index.getIndexWriter().deleteDocuments(new Term(GRAPH_FIELD, TextQueryFuncs.graphNodeToString(g)));
            }
            Set<Node> added = new HashSet<>(graphsAdded);
            long n = Txn.calculateRead(base, () -> addGraphs(index, base, added));
            index.commit();
            return n;
        } catch (IOException | RuntimeException e) {
            // Nothing half-done is kept: the deletions are dropped with the additions.
            index.rollback();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot update the full-text index at " + indexDir + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        } finally {
            if (index.getIndexWriter() != null && index.getIndexWriter().isOpen()) {
                index.close();
            }
        }
    }

    /**
     * Opens the on-disk index of {@code indexDir} as it is (nothing is rebuilt) for queries over
     * {@code served}: the index is put in {@code served}'s context ({@link TextQuery#textIndex}),
     * where jena-text's {@code text:query} looks first. {@code served} itself is not wrapped: a
     * jena-text wrapper would read its own default graph, not the union that {@code served}
     * gives, and would hide the database from ARQ (which runs a query over a TDB2 database with
     * TDB2's own engine when it can unwrap to it; the context goes with the query). Close the
     * index ({@link #close}) when done: it holds Lucene's write lock.
     *
     * @return the index, also in {@code served}'s context
     * @throws IllegalArgumentException there is no index in {@code indexDir}
     */
    public static TextIndex open(DatasetGraph served, Path indexDir) {
        if (!Files.isDirectory(indexDir)) {
            throw new IllegalArgumentException("no full-text index at " + indexDir);
        }
        try (Stream<Path> files = Files.list(indexDir)) {
            if (files.noneMatch(f -> f.getFileName().toString().startsWith("segments"))) {
                throw new IllegalArgumentException("no full-text index at " + indexDir + " (the directory holds none)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + indexDir + ": " + e.getMessage(), e);
        }
        TextIndex index = onDisk(indexDir);
        served.getContext().set(TextQuery.textIndex, index);
        return index;
    }

    /** Closes the text index of a dataset made by {@link #wrap} or given one by {@link #open}; nothing otherwise. */
    public static void close(DatasetGraph dataset) {
        TextIndex index = indexOf(dataset);
        if (index != null) {
            index.close();
        }
    }

    /** The index {@code text:query} over {@code dataset} asks (made by {@link #wrap} or {@link #open}), or null. */
    public static TextIndex indexOf(DatasetGraph dataset) {
        if (dataset.getContext() != null && dataset.getContext().get(TextQuery.textIndex) instanceof TextIndex index) {
            return index;
        }
        return dataset instanceof DatasetGraphText text ? text.getTextIndex() : null;
    }

    private static DatasetGraph withIndex(DatasetGraph base, TextIndex index) {
        // jena-text puts the index in the wrapper's context, which is its base's: give the wrapper
        // a context of its own, so that the index does not outlive the wrapper in the base's
        // (the pages wrap the served dataset anew after each update).
        Context own = base.getContext() == null ? new Context() : base.getContext().copy();
        return TextDatasetFactory.create(new DatasetGraphWrapper(base, own), index, true);
    }

    /** Indexes the asserted graphs of {@code base} (only {@code only}'s when not null); in a read transaction. */
    private static long addGraphs(TextIndex index, DatasetGraph base, Set<Node> only) {
        EntityDefinition definition = index.getDocDef();
        long n = 0;
        for (Node p : INDEXED) {
            if (only == null) {
                n += addQuads(index, definition, base.find(Node.ANY, Node.ANY, p, Node.ANY), null);
            } else {
                for (Node g : only) {
                    n += addQuads(index, definition, base.find(g, Node.ANY, p, Node.ANY), g);
                }
            }
        }
        return n;
    }

    private static long addQuads(TextIndex index, EntityDefinition definition, java.util.Iterator<Quad> quads, Node graph) {
        long n = 0;
        while (quads.hasNext()) {
            Quad q = quads.next();
            Node g = graph != null ? graph : q.getGraph();
            if (!q.getObject().isLiteral() || KbNames.isEntailmentGraph(g) || Quad.isUnionGraph(g)) {
                continue;
            }
            Entity e = TextQueryFuncs.entityFromQuad(definition, g, q.getSubject(), q.getPredicate(), q.getObject());
            if (e != null) {
                index.addEntity(e);
                n++;
            }
        }
        return n;
    }

    private static TextIndexLucene onDisk(Path indexDir) {
        try {
            Files.createDirectories(indexDir);
            Directory directory = FSDirectory.open(indexDir);
            return new TextIndexLucene(directory, config(definition(true)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the full-text index at " + indexDir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteIndex(Path indexDir) {
        if (!Files.exists(indexDir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(indexDir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the full-text index at " + indexDir + ": " + e.getMessage(), e);
        }
    }

    private static EntityDefinition definition(boolean withGraph) {
        EntityDefinition definition = new EntityDefinition("uri", FIELD, INDEXED.get(0));
        for (Node p : INDEXED.subList(1, INDEXED.size())) {
            definition.set(FIELD, p);
        }
        if (withGraph) {
            definition.setGraphField(GRAPH_FIELD);
        }
        return definition;
    }

    private static TextIndexConfig config(EntityDefinition definition) {
        TextIndexConfig config = new TextIndexConfig(definition);
        config.setAnalyzer(new FoldingAnalyzer());
        config.setQueryAnalyzer(new FoldingAnalyzer());
        return config;
    }

    /** Words as Lucene's standard tokenizer cuts them, lower case, accents folded (é → e). */
    static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            // Wildcard terms ("guarantee*") are normalised, not tokenized: fold them the same way.
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
