package org.parley.query;

import java.util.Locale;

/**
 * How query answers are written. SELECT and ASK: the W3C SPARQL results formats (CSV, TSV, JSON,
 * XML) or a text table; CONSTRUCT and DESCRIBE: an RDF syntax.
 */
public enum OutputFormat {
    TABLE(true), CSV(true), TSV(true), JSON(true), XML(true),
    TURTLE(false), NTRIPLES(false), JSONLD(false);

    private final boolean forResults;

    OutputFormat(boolean forResults) {
        this.forResults = forResults;
    }

    /** True for formats of rows and booleans (SELECT, ASK), false for RDF graphs (CONSTRUCT, DESCRIBE). */
    public boolean isForResults() {
        return forResults;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
