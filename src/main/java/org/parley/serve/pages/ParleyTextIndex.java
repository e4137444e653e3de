package org.parley.serve.pages;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Parley's full-text index (jena-text, Lucene, in memory): the names of things
 * ({@code rdfs:label}, {@code skos:prefLabel}, {@code skos:altLabel}) and the words of the reports
 * ({@code oa:exact} of each excerpt, {@code parley:quotation}), in one field, lower-cased and with
 * accents folded. The served dataset is wrapped with it, so SPARQL at {@code /parley/sparql} has
 * {@code text:query}:
 * <pre>
 * PREFIX text: &lt;http://jena.apache.org/text#&gt;
 * SELECT ?s ?text { (?s ?score ?text) text:query "guarantee*" }
 * </pre>
 * A hit on a quote is its excerpt (a blank node: {@code ?claim parley:hasExcerpt ?s}) or the claim
 * (for {@code parley:quotation}). The search page asks the same index.
 *
 * <p>The index is built from the dataset's contents when it is wrapped, and kept up to date by
 * jena-text for updates made through the wrapper.
 */
public final class ParleyTextIndex {

    static final String FIELD = "text";
    static final List<Node> INDEXED = List.of(Knowledge.LABEL, Knowledge.PREF_LABEL, Knowledge.ALT_LABEL, Knowledge.EXACT,
            NodeFactory.createURI(Knowledge.P + "quotation"));

    private ParleyTextIndex() {}

    /** {@code base} with the index: queries through the result can use {@code text:query}. */
    public static DatasetGraph wrap(DatasetGraph base) {
        EntityDefinition definition = new EntityDefinition("uri", FIELD, INDEXED.get(0));
        for (Node p : INDEXED.subList(1, INDEXED.size())) {
            definition.set(FIELD, p);
        }
        TextIndexConfig config = new TextIndexConfig(definition);
        config.setAnalyzer(new FoldingAnalyzer());
        config.setQueryAnalyzer(new FoldingAnalyzer());
        TextIndex index = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), config);
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
        return TextDatasetFactory.create(base, index, true);
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
