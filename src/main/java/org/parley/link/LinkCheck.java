package org.parley.link;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.parley.validate.OntologyTerms;
import org.parley.validate.ParsedProject;
import org.parley.validate.Problem;
import org.parley.validate.ProjectCheck;
import org.parley.vocab.Parley;

/**
 * The links to the world are right: every owl:sameAs goes to a Wikidata entity or a DBpedia
 * resource IRI in canonical form; a Wikidata id is used for one resource only and only if it was
 * verified (docs/wikidata-ids.md, see {@link VerifiedWikidataIds}), with the DBpedia title verified
 * beside it; and every actor and place either has a Wikidata link or says why not
 * ({@code parley:noLinkReason}), never both.
 */
public final class LinkCheck implements ProjectCheck {

    public static final String FORM = "link-form";
    public static final String TARGET = "link-target";
    public static final String SHARED_ID = "link-shared-id";
    public static final String TWO_IDS = "link-two-ids";
    public static final String UNVERIFIED = "link-unverified";
    public static final String DBPEDIA_MISMATCH = "link-dbpedia-mismatch";
    public static final String MISSING = "link-missing";
    public static final String CONTRADICTION = "link-reason-contradiction";

    public static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";
    public static final String DBPEDIA_RESOURCE = "http://dbpedia.org/resource/";

    static final Node NO_LINK_REASON = NodeFactory.createURI(Parley.NS + "noLinkReason");
    private static final Node ACTOR = Parley.Actor.asNode();
    private static final Node PLACE = Parley.Place.asNode();

    private static final Pattern WIKIDATA = Pattern.compile(Pattern.quote(WIKIDATA_ENTITY) + "(Q[1-9][0-9]*)");
    // A title as DBpedia writes it: words joined by underscores, no spaces, no fragment or query.
    private static final Pattern DBPEDIA = Pattern.compile(Pattern.quote(DBPEDIA_RESOURCE) + "([^\\s/?#]+)");

    private final VerifiedWikidataIds verified;

    public LinkCheck(VerifiedWikidataIds verified) {
        this.verified = verified;
    }

    @Override
    public List<Problem> check(ParsedProject project) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Set<Node>> holdersOfId = new LinkedHashMap<>();
        Map<Node, String> wikidataIdOf = new LinkedHashMap<>();
        Map<Node, String> dbpediaTitleOf = new LinkedHashMap<>();

        for (Map.Entry<Node, Graph> entry : project.dataGraphs().entrySet()) {
            String file = project.fileOf(entry.getKey());
            for (Triple link : entry.getValue().find(Node.ANY, OWL.sameAs.asNode(), Node.ANY).toList()) {
                Node subject = link.getSubject();
                String target = link.getObject().isURI() ? link.getObject().getURI() : link.getObject().toString();
                Matcher wikidata = WIKIDATA.matcher(target);
                Matcher dbpedia = DBPEDIA.matcher(target);
                if (wikidata.matches()) {
                    String earlier = wikidataIdOf.put(subject, wikidata.group(1));
                    if (earlier != null && !earlier.equals(wikidata.group(1))) {
                        problems.add(Problem.error(where(project.at(file, link), subject), TWO_IDS, "linked to two Wikidata items, "
                                + earlier + " and " + wikidata.group(1), "keep the one that names this resource"));
                    }
                    holdersOfId.computeIfAbsent(wikidata.group(1), id -> new LinkedHashSet<>()).add(subject);
                } else if (dbpedia.matches()) {
                    dbpediaTitleOf.put(subject, dbpedia.group(1));
                } else if (target.contains("wikidata.org") || target.contains("dbpedia.org")) {
                    problems.add(Problem.error(where(project.at(file, link), subject), FORM, "owl:sameAs <" + target + "> is not"
                            + " a canonical entity IRI", "write " + WIKIDATA_ENTITY + "Q<digits> for Wikidata and "
                            + DBPEDIA_RESOURCE + "<Title_with_underscores> for DBpedia"));
                } else {
                    problems.add(Problem.error(where(project.at(file, link), subject), TARGET, "owl:sameAs <" + target
                            + "> points outside Wikidata and DBpedia", "Parley links only to those two datasets"));
                }
            }
        }

        holdersOfId.forEach((id, holders) -> {
            if (holders.size() > 1) {
                problems.add(Problem.error("wd:" + id, SHARED_ID, "Wikidata id " + id + " is used by "
                        + holders.size() + " resources: " + holders, "one Wikidata item is one thing; keep the"
                        + " link on the resource it really names"));
            }
        });
        wikidataIdOf.forEach((subject, id) -> checkVerified(project, subject, id, dbpediaTitleOf.get(subject), problems));
        checkEveryActorAndPlace(project, wikidataIdOf, problems);
        // Graphs iterate in no fixed order: sort, so that the same data always give the same report.
        problems.sort(Comparator.comparing(Problem::location).thenComparing(Problem::rule)
                .thenComparing(Problem::message));
        return problems;
    }

    private void checkVerified(ParsedProject project, Node subject, String id, String dbpediaTitle,
                               List<Problem> problems) {
        String location = where(project.at(fileOf(project, subject), subject), subject);
        if (!verified.contains(id)) {
            problems.add(Problem.error(location, UNVERIFIED, "Wikidata id " + id + " is not in the verified list",
                    "only link ids that docs/wikidata-ids.md lists with where they were seen; otherwise give"
                            + " parley:noLinkReason"));
            return;
        }
        String expectedTitle = verified.dbpediaTitle(id);
        if (dbpediaTitle != null && !dbpediaTitle.equals(expectedTitle)) {
            problems.add(Problem.error(location, DBPEDIA_MISMATCH, "DBpedia title " + dbpediaTitle
                    + " does not match the verified title " + expectedTitle + " of " + id,
                    "use <" + DBPEDIA_RESOURCE + expectedTitle + ">"));
        }
    }

    private static void checkEveryActorAndPlace(ParsedProject project, Map<Node, String> wikidataIdOf,
                                                List<Problem> problems) {
        OntologyTerms terms = new OntologyTerms(project.ontology());
        Set<Node> classes = new LinkedHashSet<>(terms.subClassesOf(ACTOR));
        classes.addAll(terms.subClassesOf(PLACE));
        Set<Node> seen = new LinkedHashSet<>();
        for (Map.Entry<Node, Graph> entry : project.dataGraphs().entrySet()) {
            String file = project.fileOf(entry.getKey());
            for (Node type : classes) {
                for (Triple typing : entry.getValue().find(Node.ANY, RDF.type.asNode(), type).toList()) {
                    Node thing = typing.getSubject();
                    if (!seen.add(thing)) {
                        continue;
                    }
                    boolean linked = wikidataIdOf.containsKey(thing);
                    boolean reasoned = hasNoLinkReason(project, thing);
                    if (!linked && !reasoned) {
                        problems.add(Problem.error(where(project.at(file, thing), thing), MISSING, "an actor or place with neither"
                                + " a Wikidata link nor parley:noLinkReason", "add owl:sameAs to a verified id, or"
                                + " say why there is none, e.g. parley:noLinkReason \"An anonymous source has no"
                                + " external identity.\""));
                    } else if (linked && reasoned) {
                        problems.add(Problem.error(where(project.at(file, thing), thing), CONTRADICTION, "linked to Wikidata "
                                + wikidataIdOf.get(thing) + " and also says it has no link",
                                "remove parley:noLinkReason or the link"));
                    }
                }
            }
        }
    }

    private static boolean hasNoLinkReason(ParsedProject project, Node thing) {
        return project.dataGraphs().values().stream()
                .anyMatch(graph -> graph.find(thing, NO_LINK_REASON, Node.ANY).hasNext());
    }

    private static String fileOf(ParsedProject project, Node subject) {
        for (Map.Entry<Node, Graph> entry : project.dataGraphs().entrySet()) {
            if (entry.getValue().find(subject, OWL.sameAs.asNode(), Node.ANY).hasNext()) {
                return project.fileOf(entry.getKey());
            }
        }
        return "data";
    }

    /** {@code file:line <iri>}: where, as {@link ParsedProject#at} gives it, then what. */
    private static String where(String at, Node subject) {
        return at + " " + (subject.isURI() ? "<" + subject.getURI() + ">" : subject.toString());
    }
}
