package org.parley.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;
import org.parley.validate.Problem;

/** Runs one query against a dataset and writes the answer in a standard format. */
public final class QueryRunner {

    public static final String FORMAT_RULE = "query-format";

    private QueryRunner() {
    }

    /**
     * @param format null for the default: a table for SELECT and ASK, Turtle for CONSTRUCT and DESCRIBE
     */
    public static void run(DatasetGraph dataset, Query query, Map<String, Node> parameters, OutputFormat format,
                           OutputStream out) throws QueryException {
        OutputFormat chosen = chooseFormat(query, format);
        Txn.executeRead(dataset, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dataset).query(query);
            parameters.forEach(builder::substitution);
            try (QueryExec execution = builder.build()) {
                if (query.isSelectType()) {
                    writeRows(ResultSet.adapt(execution.select()), query, chosen, out);
                } else if (query.isAskType()) {
                    writeBoolean(execution.ask(), chosen, out);
                } else {
                    Graph graph = query.isConstructType() ? execution.construct() : execution.describe();
                    graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
                    RDFDataMgr.write(out, graph, rdfLang(chosen));
                }
            }
        });
    }

    private static OutputFormat chooseFormat(Query query, OutputFormat format) throws QueryException {
        boolean results = query.isSelectType() || query.isAskType();
        if (format == null) {
            return results ? OutputFormat.TABLE : OutputFormat.TURTLE;
        }
        if (format.isForResults() != results) {
            String kind = query.isSelectType() ? "SELECT" : query.isAskType() ? "ASK"
                    : query.isConstructType() ? "CONSTRUCT" : "DESCRIBE";
            throw new QueryException(Problem.error("--format " + format, FORMAT_RULE,
                    "a " + kind + " query cannot be written as " + format,
                    results ? "use table, csv, tsv, json or xml" : "use turtle, ntriples or jsonld"));
        }
        return format;
    }

    private static void writeRows(ResultSet rows, Query query, OutputFormat format, OutputStream out) {
        switch (format) {
            case TABLE -> ResultSetFormatter.out(out, rows, query.getPrefixMapping());
            case CSV -> ResultsWriter.create().lang(ResultSetLang.RS_CSV).write(out, rows);
            case TSV -> ResultsWriter.create().lang(ResultSetLang.RS_TSV).write(out, rows);
            case JSON -> ResultsWriter.create().lang(ResultSetLang.RS_JSON).write(out, rows);
            case XML -> ResultsWriter.create().lang(ResultSetLang.RS_XML).write(out, rows);
            default -> throw new IllegalStateException("not a results format: " + format);
        }
    }

    /** JSON and XML have a standard boolean form; the others print {@code true} or {@code false}. */
    private static void writeBoolean(boolean answer, OutputFormat format, OutputStream out) {
        switch (format) {
            case JSON -> ResultsWriter.create().lang(ResultSetLang.RS_JSON).write(out, answer);
            case XML -> ResultsWriter.create().lang(ResultSetLang.RS_XML).write(out, answer);
            default -> {
                PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
                print.println(answer);
                print.flush();
            }
        }
    }

    private static Lang rdfLang(OutputFormat format) {
        return switch (format) {
            case TURTLE -> Lang.TURTLE;
            case NTRIPLES -> Lang.NTRIPLES;
            case JSONLD -> Lang.JSONLD;
            default -> throw new IllegalStateException("not an RDF format: " + format);
        };
    }
}
