package org.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.serve.TestData;

/** The union view over both kinds of dataset the loader may hand over: in-memory and TDB2. */
class UnionDefaultGraphTest {

    static Stream<DatasetGraph> datasets() {
        DatasetGraph mem = TestData.negotiation().asDatasetGraph();
        DatasetGraph tdb2 = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(tdb2, () -> Txn.executeRead(mem, () -> mem.find().forEachRemaining(tdb2::add)));
        return Stream.of(mem, tdb2);
    }

    private static long count(DatasetGraph dsg, String query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(query).build()) {
                return ((Number) qe.select().next().get("n").getLiteralValue()).longValue();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void defaultGraphIsTheUnion(DatasetGraph base) {
        DatasetGraph view = UnionDefaultGraph.of(base);
        assertEquals(22, count(view, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"));
        assertEquals(22, count(view, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"));
        assertEquals(4, count(view, "SELECT (COUNT(*) AS ?n) { GRAPH <" + TestData.GRAPH + "actors> { ?s ?p ?o } }"));
        assertEquals(22L, (long) Txn.calculateRead(view, () -> view.getDefaultGraph().size()));
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void servingSettingsDoNotLeakIntoTheBaseDataset(DatasetGraph base) {
        DatasetGraph view = UnionDefaultGraph.of(base);
        view.getContext().set(ARQ.queryTimeout, "1");
        assertFalse(base.getContext().isDefined(ARQ.queryTimeout));
    }
}
