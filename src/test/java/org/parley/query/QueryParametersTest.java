package org.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** limit and offset page a query's rows; every other name binds a variable. */
class QueryParametersTest {

    private static final Query PARTY = QueryFactory.create(
            "SELECT ?x { ?x <urn:p> ?partyName } ORDER BY ?x");

    @Test
    void limitAndOffsetSetTheQuerysPageAndBindNothing() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("partyName", "Hamas");
        values.put("limit", "100");
        values.put("offset", "200");
        Query paged = QueryParameters.page(values, PARTY);
        assertEquals(100, paged.getLimit());
        assertEquals(200, paged.getOffset());
        assertFalse(PARTY.hasLimit(), "the library's query itself is left as written");
        assertEquals(Map.of("partyName", "Hamas"), Map.of("partyName",
                QueryParameters.bind(values, paged).get("partyName").getLiteralLexicalForm()));
        assertEquals(1, QueryParameters.bind(values, paged).size());
    }

    @Test
    void withoutPagingTheQueryRunsAsWritten() throws Exception {
        assertSame(PARTY, QueryParameters.page(Map.of("partyName", "Hamas"), PARTY));
    }

    @Test
    void aVariableNamedLimitIsBoundNotPaged() throws Exception {
        Query query = QueryFactory.create("SELECT ?x { ?x <urn:max> ?limit } ORDER BY ?x");
        Query same = QueryParameters.page(Map.of("limit", "3"), query);
        assertFalse(same.hasLimit());
        assertEquals("3", QueryParameters.bind(Map.of("limit", "3"), query).get("limit").getLiteralLexicalForm());
    }

    @Test
    void aPageSizeMustBeACount() {
        QueryException notANumber = assertThrows(QueryException.class,
                () -> QueryParameters.page(Map.of("limit", "ten"), PARTY));
        assertTrue(notANumber.getMessage().contains("limit is a number of rows"), notANumber.getMessage());
        assertThrows(QueryException.class, () -> QueryParameters.page(Map.of("offset", "-1"), PARTY));
    }

    @Test
    void aQueryThatOpensWithAnOrderedSubQueryIsPagedThere() throws Exception {
        Query query = QueryFactory.create("SELECT ?x ?label {"
                + " { SELECT ?x (COUNT(?y) AS ?n) { { SELECT ?x { ?x <urn:p> ?partyName } ORDER BY ?x } ?x <urn:q> ?y } GROUP BY ?x }"
                + " ?x <urn:label> ?label } ORDER BY ?x");
        Query paged = QueryParameters.page(Map.of("limit", "100", "offset", "200"), query);
        assertFalse(paged.hasLimit(), "the rows are picked inside, not cut at the end");
        Query part = QueryParameters.pagedPart(paged);
        assertTrue(part != paged && part.hasOrderBy());
        assertEquals(100, part.getLimit());
        assertEquals(200, part.getOffset());
        assertFalse(QueryParameters.pagedPart(query).hasLimit(), "the library's query itself is left as written");
    }

    @Test
    void aSubQueryWithoutOrderOrNotFirstPagesNothingInside() {
        Query grouped = QueryFactory.create("SELECT ?x { { SELECT ?x (COUNT(?y) AS ?n) { ?x <urn:q> ?y } GROUP BY ?x } } ORDER BY ?x");
        assertSame(grouped, QueryParameters.pagedPart(grouped));
        Query second = QueryFactory.create("SELECT ?x { ?x <urn:r> ?z { SELECT ?x { ?x <urn:q> ?y } ORDER BY ?x } } ORDER BY ?x");
        assertSame(second, QueryParameters.pagedPart(second));
        assertSame(PARTY, QueryParameters.pagedPart(PARTY));
    }
}
