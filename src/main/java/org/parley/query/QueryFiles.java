package org.parley.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.parley.validate.Problem;

/** Finds and parses query files: a path to a .rq file, or a name resolved as queries/NAME.rq. */
public final class QueryFiles {

    public static final String NOT_FOUND = "query-not-found";
    public static final String SYNTAX = "query-syntax";

    private QueryFiles() {
    }

    /** The file the argument names: itself if it is a file, else queries/NAME(.rq) under the root. */
    public static Path resolve(Path projectRoot, String fileOrName) throws QueryException {
        Path asGiven = Path.of(fileOrName);
        if (Files.isRegularFile(asGiven)) {
            return asGiven;
        }
        Path queries = projectRoot.resolve("queries");
        for (Path candidate : new Path[] {queries.resolve(fileOrName), queries.resolve(fileOrName + ".rq")}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new QueryException(Problem.error(fileOrName, NOT_FOUND, "no such query file",
                "give a path to a .rq file, or a NAME for queries/NAME.rq under the project root"));
    }

    /** The query in the file; a syntax error is reported with the file, line and column. */
    public static Query parse(Path file) throws QueryException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new QueryException(Problem.error(file.toString(), NOT_FOUND, "cannot read the file: " + unreadable, ""));
        }
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException syntax) {
            String location = syntax.getLine() > 0 ? file + ":" + syntax.getLine() + ":" + syntax.getColumn() : file.toString();
            throw new QueryException(Problem.error(location, SYNTAX, syntax.getMessage().replaceAll("\\s+", " ").strip(),
                    "fix the SPARQL at that position"));
        }
    }
}
