package org.parley.curate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.parley.sheet.Names;
import org.parley.sheet.SheetVocabulary;

/**
 * The actors of the knowledge base as they can be found in a sentence: by label or alternative
 * label (case as written, whole words), with what they are (a party, a person, an outlet) and whom
 * a person or body acts for (its affiliations, parley:actsFor, parley:partOf).
 */
public final class ActorIndex {

    /** An actor named in a sentence, at chars [start, end) of the sentence. */
    public record Mention(Node actor, String words, int start, int end) {
    }

    enum Role { PARTY, PERSON, BODY, OUTLET, OTHER }

    private static final Node ORG_MEMBER = NodeFactory.createURI(SheetVocabulary.ORG + "member");
    private static final Node ORG_ORGANIZATION = NodeFactory.createURI(SheetVocabulary.ORG + "organization");

    private final Map<String, Node> byLabel = new LinkedHashMap<>();
    private final Map<Node, Role> roles = new HashMap<>();
    private final Map<Node, Set<Node>> actsFor = new HashMap<>();
    private final Names names = new Names();
    private final Set<Node> armedGroups;

    public ActorIndex(Graph knowledgeBase) {
        names.addGraph(knowledgeBase);
        armedGroups = knowledgeBase.find(Node.ANY, RDF.type.asNode(), SheetVocabulary.parley("ArmedGroup"))
                .mapWith(Triple::getSubject).toSet();
        for (Triple typing : knowledgeBase.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
            Role role = roleOf(typing.getObject());
            if (role == null || !typing.getSubject().isURI()) {
                continue;
            }
            Node actor = typing.getSubject();
            Role known = roles.get(actor);
            if (known == null || known == Role.OTHER) {
                roles.put(actor, role);
            }
        }
        for (Node actor : roles.keySet()) {
            List<String> labels = new ArrayList<>();
            for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode(), SKOS.prefLabel.asNode())) {
                knowledgeBase.find(actor, p, Node.ANY).forEachRemaining(t -> labels.add(t.getObject().getLiteralLexicalForm()));
            }
            for (String label : labels) {
                if (label.length() >= 2 && !label.contains("(")) {
                    byLabel.putIfAbsent(label, actor);
                }
            }
            if (roles.get(actor) == Role.PERSON && !labels.isEmpty()) {
                // People are named in full once, then by surname ("Haniyeh", "Nono").
                String[] parts = labels.get(0).split("[\\s-]+");
                String surname = parts[parts.length - 1];
                if (surname.length() >= 4 && Character.isUpperCase(surname.charAt(0))) {
                    byLabel.putIfAbsent(surname, actor);
                }
            }
        }
        for (Triple member : knowledgeBase.find(Node.ANY, ORG_MEMBER, Node.ANY).toList()) {
            knowledgeBase.find(member.getSubject(), ORG_ORGANIZATION, Node.ANY)
                    .forEachRemaining(org -> actsFor.computeIfAbsent(member.getObject(), k -> new LinkedHashSet<>()).add(org.getObject()));
        }
        for (String p : List.of("actsFor", "partOf")) {
            knowledgeBase.find(Node.ANY, SheetVocabulary.parley(p), Node.ANY).forEachRemaining(
                    t -> actsFor.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>()).add(t.getObject()));
        }
    }

    private static Role roleOf(Node type) {
        if (!type.isURI() || !type.getURI().startsWith(SheetVocabulary.PARLEY)) {
            return null;
        }
        return switch (type.getURI().substring(SheetVocabulary.PARLEY.length())) {
            case "State", "ArmedGroup" -> Role.PARTY;
            case "GovernmentBody", "ArmedForces", "IntelligenceAgency" -> Role.BODY;
            case "Person" -> Role.PERSON;
            case "NewsOutlet" -> Role.OUTLET;
            case "Place" -> Role.OTHER;
            default -> null;
        };
    }

    /** The actors a sentence names, longest names first where they overlap, in sentence order. */
    public List<Mention> mentions(String sentence) {
        List<Mention> found = new ArrayList<>();
        List<String> labels = new ArrayList<>(byLabel.keySet());
        labels.sort(Comparator.comparingInt(String::length).reversed());
        boolean[] taken = new boolean[sentence.length()];
        for (String label : labels) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(label) + "(?![\\p{L}\\p{N}])").matcher(sentence);
            while (m.find()) {
                boolean free = true;
                for (int i = m.start(); i < m.end(); i++) {
                    free &= !taken[i];
                }
                if (free) {
                    for (int i = m.start(); i < m.end(); i++) {
                        taken[i] = true;
                    }
                    found.add(new Mention(byLabel.get(label), label, m.start(), m.end()));
                }
            }
        }
        found.sort(Comparator.comparingInt(Mention::start));
        return found;
    }

    boolean isArmedGroup(Node actor) {
        return armedGroups.contains(actor);
    }

    boolean is(Node actor, Role role) {
        return roles.get(actor) == role;
    }

    /** The party a person or body acts for, if the knowledge base says so of exactly one party. */
    public Node partyOf(Node actor) {
        if (is(actor, Role.PARTY)) {
            return actor;
        }
        Set<Node> seen = new LinkedHashSet<>();
        List<Node> frontier = List.of(actor);
        for (int depth = 0; depth < 3; depth++) {
            List<Node> next = new ArrayList<>();
            for (Node n : frontier) {
                for (Node up : actsFor.getOrDefault(n, Set.of())) {
                    if (is(up, Role.PARTY)) {
                        seen.add(up);
                    } else {
                        next.add(up);
                    }
                }
            }
            if (!seen.isEmpty()) {
                return seen.size() == 1 ? seen.iterator().next() : null;
            }
            frontier = next;
        }
        return null;
    }

    /** How a sheet cell names the actor (its label, if that names it alone). */
    public String cellName(Node actor) {
        return names.nameOf(actor);
    }

    /** The actor a name resolves to, or null. */
    public Node resolve(String name) {
        Names.Resolution resolution = names.resolve(name);
        return resolution.ok() ? resolution.iri() : null;
    }
}
