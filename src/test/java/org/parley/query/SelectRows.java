package org.parley.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * The rows of a SELECT as plain strings, for tests that compare them with what a report says: a
 * literal is its lexical form, anything else its {@code toString()}, an unbound variable null. One
 * home for the tests of the query library, the fidelity facts and the generated corpus.
 */
public final class SelectRows {

    private SelectRows() {}

    /**
     * Runs the query over the dataset in a read transaction, each parameter bound as a plain string
     * literal, and returns its rows in order, each row's variables in the query's order.
     */
    public static List<Map<String, String>> select(DatasetGraph dataset, Query query, Map<String, String> parameters) {
        return Txn.calculateRead(dataset, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dataset).query(query);
            parameters.forEach((name, value) -> builder.substitution(name, NodeFactory.createLiteralString(value)));
            List<Map<String, String>> rows = new ArrayList<>();
            try (QueryExec exec = builder.build()) {
                RowSet rowSet = exec.select();
                List<String> vars = rowSet.getResultVars().stream().map(v -> v.getVarName()).toList();
                rowSet.forEachRemaining(binding -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (String var : vars) {
                        Node node = binding.get(var);
                        row.put(var, node == null ? null : node.isLiteral() ? node.getLiteralLexicalForm() : node.toString());
                    }
                    rows.add(row);
                });
            }
            return rows;
        });
    }
}
