package org.parley.link;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLOntologyIRIMapper;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Resolves ontology IRIs the way Protégé does, from an XML catalog (ontology/catalog-v001.xml), so
 * that the OWL API loads an owl:imports from a local file instead of the network. The OWL API 5 has
 * no catalog reader of its own; this one reads only the {@code <uri name="..." uri="..."/>} entries
 * (relative paths against the catalog's folder), which is all Protégé writes for single files.
 */
public final class CatalogIriMapper implements OWLOntologyIRIMapper {

    private static final long serialVersionUID = 1L;
    private static final String CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

    private final Map<IRI, IRI> documents;

    private CatalogIriMapper(Map<IRI, IRI> documents) {
        this.documents = Collections.unmodifiableMap(documents);
    }

    /** The mappings of the catalog file; fails if it is not a readable XML catalog. */
    public static CatalogIriMapper read(Path catalog) throws IOException {
        Path folder = catalog.toAbsolutePath().getParent();
        Map<IRI, IRI> documents = new LinkedHashMap<>();
        try {
            NodeList entries = parser().parse(catalog.toFile()).getElementsByTagNameNS(CATALOG_NS, "uri");
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                String name = entry.getAttribute("name");
                String uri = entry.getAttribute("uri");
                if (!name.isEmpty() && !uri.isEmpty()) {
                    documents.put(IRI.create(name), document(folder, uri));
                }
            }
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(catalog + " is not a readable XML catalog: " + e.getMessage(), e);
        }
        return new CatalogIriMapper(documents);
    }

    @Override
    public IRI getDocumentIRI(IRI ontologyIRI) {
        return documents.get(ontologyIRI);
    }

    /** Ontology IRI → document IRI (a file: IRI), in catalog order. */
    public Map<IRI, IRI> mappings() {
        return documents;
    }

    /** A relative uri is a path from the catalog's folder; an absolute one (file:, http:) is kept. */
    private static IRI document(Path folder, String uri) {
        URI parsed = URI.create(uri);
        return parsed.isAbsolute() ? IRI.create(parsed) : IRI.create(folder.resolve(uri).normalize().toUri());
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // A catalog names files; it never needs a DTD or external entities, so refuse them.
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newDocumentBuilder();
    }
}
