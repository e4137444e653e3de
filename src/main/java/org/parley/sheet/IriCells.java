package org.parley.sheet;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * IRIs as a cell writes them when no label will do: a prefixed name ({@code parley:acceptance},
 * {@code report:000}) or the full IRI in angle brackets. Reading ({@link #expand}) and writing
 * ({@link #prefixedOrFull}) share the one prefix table, so what the exporter writes the compiler reads.
 */
final class IriCells {

    /** Prefixes a cell may use, and that the exporter writes, sorted by prefix. */
    static final SortedMap<String, String> PREFIXES = Collections.unmodifiableSortedMap(new TreeMap<>(Map.ofEntries(
            Map.entry("parley", SheetVocabulary.PARLEY),
            Map.entry("kb", SheetVocabulary.KB),
            Map.entry("report", SheetVocabulary.REPORT),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            Map.entry("owl", "http://www.w3.org/2002/07/owl#"),
            Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
            Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("org", "http://www.w3.org/ns/org#"),
            Map.entry("oa", "http://www.w3.org/ns/oa#"),
            Map.entry("wd", "http://www.wikidata.org/entity/"))));

    private IriCells() {
    }

    /** The IRI a prefixed name stands for, or null if the words are not one (unknown prefix, a space, no local part). */
    static Node expand(String name) {
        int colon = name.indexOf(':');
        if (colon <= 0 || name.contains(" ")) {
            return null;
        }
        String ns = PREFIXES.get(name.substring(0, colon));
        String local = name.substring(colon + 1);
        return ns == null || local.isEmpty() ? null : NodeFactory.createURI(ns + local);
    }

    /**
     * The IRI as a prefixed name, with the longest namespace whose local part a cell can write
     * ({@code report:000}, not {@code kb:report/000}); else in angle brackets.
     */
    static String prefixedOrFull(Node iri) {
        String uri = iri.getURI();
        String best = null;
        String bestPrefix = null;
        for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
            String ns = prefix.getValue();
            String local = uri.startsWith(ns) ? uri.substring(ns.length()) : null;
            if (local != null && !local.isEmpty() && SheetVocabulary.LOCAL_NAME.matcher(local).matches()
                    && (best == null || ns.length() > best.length())) {
                best = ns;
                bestPrefix = prefix.getKey();
            }
        }
        return best == null ? "<" + uri + ">" : bestPrefix + ":" + uri.substring(best.length());
    }

    /** The IRI's last segment, after its last '#' or '/' (a node that is no IRI: as Jena prints it). */
    static String localName(Node iri) {
        if (!iri.isURI()) {
            return iri.toString();
        }
        String uri = iri.getURI();
        int cut = Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/'));
        return uri.substring(cut + 1);
    }
}
