package org.parley.export;

import java.util.Locale;

import org.apache.jena.riot.RDFFormat;

/**
 * The RDF syntaxes the knowledge base can be exported in. TriG, N-Quads and JSON-LD keep the named
 * graphs; Turtle and RDF/XML hold one graph, so they get the curated data merged (see
 * {@link KnowledgeBaseExporter}).
 */
public enum ExportFormat {
    TRIG(RDFFormat.TRIG_BLOCKS, true),
    NQUADS(RDFFormat.NQUADS, true),
    JSONLD(RDFFormat.JSONLD, true),
    TURTLE(RDFFormat.TURTLE_BLOCKS, false),
    RDFXML(RDFFormat.RDFXML_PRETTY, false);

    private final RDFFormat rdfFormat;
    private final boolean keepsNamedGraphs;

    ExportFormat(RDFFormat rdfFormat, boolean keepsNamedGraphs) {
        this.rdfFormat = rdfFormat;
        this.keepsNamedGraphs = keepsNamedGraphs;
    }

    public RDFFormat rdfFormat() {
        return rdfFormat;
    }

    public boolean keepsNamedGraphs() {
        return keepsNamedGraphs;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
