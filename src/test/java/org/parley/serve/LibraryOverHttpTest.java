package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.query.QueryLibrary;

/**
 * Every query of the library answers over HTTP from the real server, with the same rows as the
 * same query run in-process (which QueryLibraryTest checks against the reports). A federated
 * query is refused instead: the server allows no outbound SERVICE by default.
 */
class LibraryOverHttpTest extends ServerTestBase {

    private LoadedKnowledgeBase kb;

    @AfterEach
    void closeKnowledgeBase() {
        if (kb != null) {
            kb.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyLibraryQueryAnswersOverHttp() throws Exception {
        kb = KnowledgeBaseLoader.load(Path.of("."));
        start(kb.dataset());
        return QueryLibrary.entries(Path.of("queries")).stream().map(entry -> DynamicTest.dynamicTest(entry.name(), () -> {
            HttpResponse<String> response = query(entry.text(), "text/tab-separated-values");
            if (entry.isFederated()) {
                assertEquals(422, response.statusCode(), "SERVICE is refused unless allowed");
                return;
            }
            assertEquals(200, response.statusCode(), response.body());
            long rowsOverHttp = response.body().lines().count() - 1;
            long rowsInProcess = Txn.calculateRead(kb.datasetGraph(), () -> {
                try (QueryExec exec = QueryExec.dataset(kb.datasetGraph()).query(QueryFactory.create(entry.text())).build()) {
                    RowSet rows = exec.select();
                    long count = 0;
                    for (; rows.hasNext(); rows.next()) {
                        count++;
                    }
                    return count;
                }
            });
            assertEquals(rowsInProcess, rowsOverHttp, "same rows over HTTP as in-process");
        }));
    }
}
