package org.parley.export;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.parley.describe.DatasetDescription;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.vocab.KbNames;

/**
 * Writes the whole knowledge base as one RDF document.
 *
 * <ul>
 * <li>TriG, N-Quads, JSON-LD: every named graph as loaded (ontology, data files with the report
 * texts, and the materialised entailments), so a triple store gets what {@code parley serve} serves,
 * plus the VoID/DCAT description of the dataset in graph {@code graph/void}.</li>
 * <li>Turtle, RDF/XML: the curated data of all data files merged into one graph, report texts
 * included, without the ontology and the entailments; instead an owl:Ontology header
 * ({@value #KB_ONTOLOGY_IRI}) owl:imports the Parley ontology, so Protégé opens the file as an
 * ontology of individuals over parley.ttl (given a catalog entry or the published ontology).</li>
 * </ul>
 */
public final class KnowledgeBaseExporter {

    /** The IRI the merged single-graph export names itself by. */
    public static final String KB_ONTOLOGY_IRI = "https://w3id.org/parley/kb";

    private KnowledgeBaseExporter() {
    }

    public static void write(LoadedKnowledgeBase kb, ExportFormat format, OutputStream out) {
        DatasetGraph dataset = kb.datasetGraph();
        Txn.executeRead(dataset, () -> {
            if (format.keepsNamedGraphs()) {
                RDFDataMgr.write(out, withDescription(dataset), format.rdfFormat());
            } else {
                RDFDataMgr.write(out, mergedData(dataset), format.rdfFormat());
            }
        });
    }

    /**
     * The dataset plus its VoID/DCAT description as a named graph of its own. The description is
     * left out of the Turtle and RDF/XML exports: there the file is an OWL ontology, and the VoID
     * and DCAT terms are not declared in it, so it would stop being OWL 2 DL.
     */
    private static DatasetGraph withDescription(DatasetGraph dataset) {
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        dataset.find().forEachRemaining(copy::add);
        copy.prefixes().putAll(dataset.prefixes());
        Graph description = DatasetDescription.describe(DatasetFactory.wrap(dataset), null).getGraph();
        description.find().forEachRemaining(t -> copy.add(KbNames.VOID_GRAPH, t.getSubject(), t.getPredicate(), t.getObject()));
        return copy;
    }

    /**
     * The export's header, from the one dataset description: title, description, licence, the
     * version of the ontology it conforms to, and the date it was made.
     */
    private static void header(Graph merged, Node header, DatasetGraph dataset) {
        merged.getPrefixMapping().setNsPrefix("dcterms", DCTerms.NS);
        Model description = DatasetDescription.describe(DatasetFactory.wrap(dataset), null);
        Resource kb = description.getResource(DatasetDescription.DATASET_IRI);
        for (Property property : List.of(DCTerms.title, DCTerms.description, DCTerms.license)) {
            kb.listProperties(property).forEachRemaining(s -> merged.add(header, property.asNode(), s.getObject().asNode()));
        }
        Graph ontology = dataset.getGraph(KbNames.ONTOLOGY_GRAPH);
        ontology.find(NodeFactory.createURI(KbNames.ONTOLOGY_IRI), OWL.versionInfo.asNode(), Node.ANY)
                .forEachRemaining(t -> merged.add(header, OWL.versionInfo.asNode(), t.getObject()));
        merged.add(header, DCTerms.created.asNode(),
                NodeFactory.createLiteralDT(LocalDate.now(ZoneOffset.UTC).toString(), XSDDatatype.XSDdate));
    }

    /** Every data file's graph in one, with the header that imports the ontology. Call in a read transaction. */
    public static Graph mergedData(DatasetGraph dataset) {
        Graph merged = GraphFactory.createDefaultGraph();
        merged.getPrefixMapping().setNsPrefixes(dataset.prefixes().getMapping());
        merged.getPrefixMapping().setNsPrefix("owl", OWL.NS);
        Node header = NodeFactory.createURI(KB_ONTOLOGY_IRI);
        merged.add(header, RDF.type.asNode(), OWL.Ontology.asNode());
        merged.add(header, OWL.imports.asNode(), NodeFactory.createURI(KbNames.ONTOLOGY_IRI));
        header(merged, header, dataset);
        dataset.listGraphNodes().forEachRemaining(graphName -> {
            if (KbNames.isEntailmentGraph(graphName)) {
                // The readable labels made at load (claims, CAMEO codes) go along, so that every resource has a name.
                dataset.getGraph(graphName).find(Node.ANY, RDFS.label.asNode(), Node.ANY).forEachRemaining(merged::add);
            } else if (!graphName.equals(KbNames.ONTOLOGY_GRAPH)) {
                dataset.getGraph(graphName).find().forEachRemaining(merged::add);
            }
        });
        return merged;
    }
}
