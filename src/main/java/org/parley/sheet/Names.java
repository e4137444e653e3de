package org.parley.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Names as people write them in sheet cells, resolved to IRIs: a knowledge-base local name
 * ({@code AbuZuhri}), a label, preferred or alternative label ({@code Abu Zuhri}, case and spacing
 * aside), a prefixed name ({@code parley:acceptance}) or a full IRI in angle brackets. Unknown names
 * get the nearest known ones as suggestions.
 */
public final class Names {

    /** What a cell resolved to: one IRI, or why not (with suggestions). */
    public record Resolution(Node iri, String error) {
        public boolean ok() {
            return iri != null;
        }
    }

    private final Map<String, Set<Node>> byLabel = new HashMap<>();
    private final Set<Node> known = new LinkedHashSet<>();
    private final Map<String, String> shownLabel = new LinkedHashMap<>();
    private final Map<Node, List<String>> labelsOf = new HashMap<>();
    private final Set<Node> anonymousSources = new LinkedHashSet<>();
    /** Each IRI's rdfs:label, the name written first when it names the IRI alone. */
    private final Map<Node, String> mainLabel = new HashMap<>();

    /** Indexes every subject and every label of the graphs. */
    public void addGraph(Graph graph) {
        graph.find().forEachRemaining(this::addTriple);
    }

    public void addTriple(Triple triple) {
        Node subject = triple.getSubject();
        if (subject.isURI()) {
            known.add(subject);
        }
        Node p = triple.getPredicate();
        if (p.equals(org.apache.jena.vocabulary.RDF.type.asNode())
                && triple.getObject().equals(org.parley.vocab.Parley.AnonymousSource.asNode())) {
            anonymousSources.add(subject);
        }
        if (triple.getObject().isLiteral() && p.equals(RDFS.label.asNode()) && subject.isURI()) {
            mainLabel.merge(subject, triple.getObject().getLiteralLexicalForm(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        if (triple.getObject().isLiteral()
                && (p.equals(RDFS.label.asNode()) || p.equals(SKOS.prefLabel.asNode()) || p.equals(SKOS.altLabel.asNode()))) {
            addLabel(subject, triple.getObject().getLiteralLexicalForm());
        }
    }

    /** A name declared before its triples exist (a sheet's own things and claims). */
    public void declare(Node iri) {
        known.add(iri);
    }

    public void addLabel(Node iri, String label) {
        String key = normalise(label);
        if (!key.isEmpty() && iri.isURI()) {
            byLabel.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(iri);
            List<String> labels = labelsOf.computeIfAbsent(iri, k -> new ArrayList<>());
            if (!labels.contains(label)) {
                labels.add(label);
                labels.sort(null);
            }
            shownLabel.putIfAbsent(key, label.strip());
            known.add(iri);
        }
    }

    /** The labels known for an IRI, sorted. */
    public List<String> labels(Node iri) {
        return labelsOf.getOrDefault(iri, List.of());
    }

    /**
     * Whether the IRI is an anonymous source: "two Egyptian sources" of one report are not those of
     * another, so a sheet cites one only if its own things sheet declares it.
     */
    public boolean isAnonymousSource(Node iri) {
        return anonymousSources.contains(iri);
    }

    public boolean isKnown(Node iri) {
        return known.contains(iri);
    }

    /** The cell's IRI, or an error with "did you mean". */
    public Resolution resolve(String cell) {
        String name = cell.strip();
        if (name.startsWith("<") && name.endsWith(">") && name.length() > 2) {
            return new Resolution(NodeFactory.createURI(name.substring(1, name.length() - 1)), null);
        }
        Node prefixed = IriCells.expand(name);
        if (prefixed != null) {
            return new Resolution(prefixed, null);
        }
        Node local = NodeFactory.createURI(SheetVocabulary.KB + name);
        Set<Node> labelled = byLabel.getOrDefault(normalise(name), Set.of());
        if (known.contains(local) && (labelled.isEmpty() || labelled.equals(Set.of(local)))) {
            return new Resolution(local, null);
        }
        if (labelled.size() == 1) {
            return new Resolution(labelled.iterator().next(), null);
        }
        if (labelled.size() > 1) {
            List<String> names = labelled.stream().map(Names::localOrIri).toList();
            return new Resolution(null, "'" + name + "' names " + labelled.size() + " things: "
                    + String.join(", ", names) + "; write the one meant by its id");
        }
        if (known.contains(local)) {
            return new Resolution(local, null);
        }
        List<String> near = nearest(name, 3);
        return new Resolution(null, "unknown name '" + name + "'"
                + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near.stream().map(n -> "'" + n + "'").toList()) + "?")
                + " (declare a new one in the things sheet)");
    }

    /** The nearest labels and local names by edit distance. */
    public List<String> nearest(String name, int howMany) {
        String key = normalise(name);
        Map<String, Integer> distances = new HashMap<>();
        for (String label : byLabel.keySet()) {
            distances.put(shownLabel.get(label), editDistance(key, label));
        }
        for (Node iri : known) {
            if (iri.getURI().startsWith(SheetVocabulary.KB)) {
                String local = iri.getURI().substring(SheetVocabulary.KB.length());
                distances.merge(local, editDistance(key, normalise(local)), Math::min);
            }
        }
        int limit = Math.max(3, key.length() / 2);
        List<String> candidates = new ArrayList<>(distances.keySet());
        candidates.removeIf(c -> distances.get(c) > limit);
        candidates.sort(Comparator.comparingInt((String c) -> distances.get(c)).thenComparing(c -> c));
        return candidates.subList(0, Math.min(howMany, candidates.size()));
    }

    /** How the exporter writes an IRI so that {@link #resolve} gives it back: a label if unique, else its id. */
    public String nameOf(Node iri) {
        List<String> candidates = new ArrayList<>();
        if (mainLabel.containsKey(iri)) {
            candidates.add(mainLabel.get(iri));
        }
        candidates.addAll(labels(iri));
        for (String label : candidates) {
            Resolution back = resolve(label);
            if (back.ok() && back.iri().equals(iri) && !label.contains(SheetVocabulary.SEPARATOR.strip())
                    && label.strip().equals(label) && !label.isEmpty()) {
                return label;
            }
        }
        String uri = iri.getURI();
        if (uri.startsWith(SheetVocabulary.KB)) {
            String local = uri.substring(SheetVocabulary.KB.length());
            Resolution back = resolve(local);
            if (back.ok() && back.iri().equals(iri)) {
                return local;
            }
        }
        return IriCells.prefixedOrFull(iri);
    }

    static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'');
    }

    private static String localOrIri(Node iri) {
        String uri = iri.getURI();
        return uri.startsWith(SheetVocabulary.KB) ? uri.substring(SheetVocabulary.KB.length()) : "<" + uri + ">";
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
