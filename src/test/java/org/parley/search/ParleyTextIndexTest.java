package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.vocab.KbNames;

/**
 * The on-disk full-text index over a TDB2 database: built from the asserted graphs (the entailment
 * graphs left out), one graph's entries replaced without touching the others', and opened for
 * {@code text:query} over a dataset whose union default graph is TDB2's own (the query runs with
 * TDB2's engine, and jena-text finds the index in the context).
 */
class ParleyTextIndexTest {

    static final String KB = "https://w3id.org/parley/kb/";
    static final Node LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    static final Node EXACT = NodeFactory.createURI("http://www.w3.org/ns/oa#exact");
    static final Node A = KbNames.graph("a");
    static final Node B = KbNames.graph("b");
    static final Node ENTAILED_A = NodeFactory.createURI(KbNames.ENTAILMENTS_GRAPH.getURI() + "/a");

    @TempDir
    Path dir;

    private static Node kb(String local) {
        return NodeFactory.createURI(KB + local);
    }

    /** A TDB2 database with two report graphs and an entailment graph that repeats a label. */
    private static DatasetGraph database() {
        DatasetGraph db = TDB2Factory.createDataset().asDatasetGraph();
        Txn.executeWrite(db, () -> {
            db.add(A, kb("Hamas"), LABEL, NodeFactory.createLiteralLang("Hamas", "en"));
            db.add(A, kb("e1"), EXACT, NodeFactory.createLiteralString("guarantees for a permanent end"));
            db.add(B, kb("Nono"), LABEL, NodeFactory.createLiteralLang("Taher Al-Nonó", "en"));
            db.add(ENTAILED_A, kb("Hamas"), LABEL, NodeFactory.createLiteralString("Hamas"));
        });
        return db;
    }

    /** As UnionDefaultGraph serves a TDB2 database: not a view; TDB2's union default graph asked for in the context. */
    private static DatasetGraph unionServed(DatasetGraph db) {
        Context context = db.getContext().copy();
        context.set(TDB2.symUnionDefaultGraph, true);
        return new DatasetGraphWrapper(db, context);
    }

    private static Set<String> hits(DatasetGraph served, String words) {
        return query(served, "SELECT ?s { ?s <http://jena.apache.org/text#query> \"" + words + "\" }");
    }

    private static Set<String> query(DatasetGraph served, String query) {
        Set<String> out = new TreeSet<>();
        Txn.executeRead(served, () -> {
            try (QueryExec exec = QueryExec.dataset(served).query(query).build()) {
                exec.select().forEachRemaining(b -> out.add(b.get("s").getURI().substring(KB.length())));
            }
        });
        return out;
    }

    @Test
    void aBuiltIndexAnswersTextQueryOverTdb2sUnionDefaultGraph() {
        DatasetGraph db = database();
        Path index = dir.resolve("text-index");
        // Hamas's label, the excerpt, Nono's label; not the entailed copy of Hamas's label.
        assertEquals(3, ParleyTextIndex.build(db, index));
        DatasetGraph served = unionServed(db);
        TextIndex opened = ParleyTextIndex.open(served, index);
        try {
            assertEquals(Set.of("e1"), hits(served, "guarantee*"));
            assertEquals(Set.of("Nono"), hits(served, "nono"), "accents and case folded");
            assertEquals(Set.of("Hamas"), hits(served, "hamas"));
            // The union default graph is TDB2's: a join with the data outside the index works.
            assertEquals(Set.of("Nono"), query(served, "SELECT ?s { ?s <http://jena.apache.org/text#query> \"nono\" ; "
                    + "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"));
            assertEquals(opened, ParleyTextIndex.indexOf(served));
        } finally {
            ParleyTextIndex.close(served);
        }
    }

    @Test
    void replacingOneGraphChangesItsEntriesOnly() {
        DatasetGraph db = database();
        Path index = dir.resolve("text-index");
        ParleyTextIndex.build(db, index);
        // Report a is replaced: the excerpt now says something else; report b is untouched.
        Txn.executeWrite(db, () -> {
            db.delete(A, kb("e1"), EXACT, NodeFactory.createLiteralString("guarantees for a permanent end"));
            db.add(A, kb("e2"), EXACT, NodeFactory.createLiteralString("a phased exchange of prisoners"));
        });
        assertEquals(2, ParleyTextIndex.replaceGraphs(index, db, List.of(), List.of(A)));
        DatasetGraph served = unionServed(db);
        ParleyTextIndex.open(served, index);
        try {
            assertEquals(Set.of(), hits(served, "guarantee*"), "the old excerpt's words are gone");
            assertEquals(Set.of("e2"), hits(served, "prisoners"));
            assertEquals(Set.of("Nono"), hits(served, "nono"), "the other graph's entries are kept");
            assertEquals(Set.of("Hamas"), hits(served, "hamas"), "once, not twice");
        } finally {
            ParleyTextIndex.close(served);
        }
        // Report b removed.
        assertEquals(0, ParleyTextIndex.replaceGraphs(index, db, List.of(B), List.of()));
        DatasetGraph again = unionServed(db);
        ParleyTextIndex.open(again, index);
        try {
            assertEquals(Set.of(), hits(again, "nono"));
            assertEquals(Set.of("e2"), hits(again, "prisoners"));
        } finally {
            ParleyTextIndex.close(again);
        }
    }

    @Test
    void openingADirectoryWithoutAnIndexIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParleyTextIndex.open(unionServed(database()), dir.resolve("nothing")));
        assertTrue(e.getMessage().contains("nothing"), e.getMessage());
    }
}
