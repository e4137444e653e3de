package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import org.parley.describe.DatasetDescription;

/**
 * An update is checked for what it touches, not over the whole knowledge base
 * ({@link ShapeCheckedDataset}, {@code validate/ChangeCheck}); these updates each break a rule at,
 * or through, data in a graph the update does not write, and must still be refused with nothing
 * changed. Each has a twin that differs only in the breaking detail and is accepted, so that the
 * refusal is the rule's and not the update's form. Also: the VoID description, worked out once per
 * version of the data, follows an update at once.
 */
class UpdateChecksBeyondTheChangeTest extends UpdatableServerTestBase {

    private static final String PREFIXES = "PREFIX parley: <https://w3id.org/parley/ontology#>\n"
            + "PREFIX kb: <https://w3id.org/parley/kb/>\n";
    private static final String REPORT_003 = G + "003_5eda140543b3a4aa";

    private HttpResponse<String> update(String body) {
        return post(server.updateURL(), "application/sparql-update", PREFIXES + body, "admin", "s3cret");
    }

    private long count(String select) {
        HttpResponse<String> r = query(select, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().strip());
    }

    /**
     * A copy of report 003's position c003-02 (Hamas demands a complete end to Israel's offensive,
     * with its excerpt), written into report 003's graph only, with {@code content} as its content.
     */
    private static String copyOfC00302With(String content) {
        return "INSERT { GRAPH ?g { kb:test-position ?p ?o } }"
                + " WHERE { GRAPH ?g { kb:c003-02 ?p ?o FILTER (?p != parley:hasContent) } } ;\n"
                + "INSERT DATA { GRAPH <" + REPORT_003 + "> { kb:test-position parley:hasContent " + content + " } }";
    }

    /**
     * Report 000's phased approach has, through its first phase, the term "release civilian
     * hostages first". A position in report 003, which never mentions that proposal, with that term
     * as its content would credit the proposal to Hamas: shapes:ProposalTermCreditShape, a rule
     * across reports, breaks at the proposal, in report 000's graph, which the update does not touch.
     */
    @Test
    void aPositionThatCreditsAnotherReportsProposalIsRefusedAtTheProposal() {
        long before = count(ALL_QUADS);
        HttpResponse<String> r = update(copyOfC00302With("kb:t000-release-civilian-hostages-first"));
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("https://w3id.org/parley/kb/p000-phased-approach:")
                && r.body().contains("A term of this proposal is the content of position"), r.body());
        assertEquals(before, count(ALL_QUADS), "nothing was changed");

        HttpResponse<String> twin = update(copyOfC00302With("kb:term-end-of-israeli-offensive"));
        assertEquals(204, twin.statusCode(), "the same position with its own report's content is valid: " + twin.body());
    }

    /**
     * What a position supersedes must be a position (shapes:SupersedesShape, across reports): report
     * 001's c001-11 is a figure claim, c001-01 a position; only report 003's graph is written.
     */
    @Test
    void supersedingAnotherReportsFigureClaimIsRefused() {
        long before = count(ALL_QUADS);
        HttpResponse<String> r = update("INSERT DATA { GRAPH <" + REPORT_003 + "> { kb:c003-02 parley:supersedes kb:c001-11 } }");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("https://w3id.org/parley/kb/c003-02")
                && r.body().contains("A position can only supersede another position."), r.body());
        assertEquals(before, count(ALL_QUADS), "nothing was changed");

        HttpResponse<String> twin = update("INSERT DATA { GRAPH <" + REPORT_003 + "> { kb:c003-02 parley:supersedes kb:c001-01 } }");
        assertEquals(204, twin.statusCode(), twin.body());
    }

    /**
     * Hostages are held by an armed group (shapes:HostageGroupShape). Deleting from the actors graph
     * that Hamas is one breaks the hostage groups of the reports' graphs, which the update does not
     * touch and whose own triples do not change.
     */
    @Test
    void untypingASharedActorIsRefusedAtTheReportsThatNeedItsType() {
        long before = count(ALL_QUADS);
        HttpResponse<String> r = update("DELETE DATA { GRAPH <" + G + "actors> { kb:Hamas a parley:ArmedGroup } }");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("https://w3id.org/parley/kb/group-000-israeli-hostages")
                && r.body().contains("Hostages are held by an armed group"), r.body());
        assertEquals(before, count(ALL_QUADS), "nothing was changed");

        HttpResponse<String> twin = update("DELETE DATA { GRAPH <" + G + "actors> { kb:Hamas a parley:ArmedGroup } } ;\n"
                + "INSERT DATA { GRAPH <" + G + "actors> { kb:Hamas a parley:ArmedGroup } }");
        assertEquals(204, twin.statusCode(), "deleting and restoring the type leaves the data valid: " + twin.body());
    }

    @Test
    void theVoidDescriptionFollowsAnUpdateAtOnce() {
        Model first = fetchVoid();
        long triples = first.getRequiredProperty(first.createResource(DatasetDescription.DATASET_IRI), VOID.triples).getLong();
        assertEquals(triples, fetchVoid().getRequiredProperty(first.createResource(DatasetDescription.DATASET_IRI),
                VOID.triples).getLong(), "the same data, the same description");

        HttpResponse<String> r = update("INSERT DATA { GRAPH <" + G + "notes> { kb:test-note <http://www.w3.org/2000/01/rdf-schema#comment>"
                + " \"one\" , \"two\" } }");
        assertEquals(204, r.statusCode(), r.body());

        Model after = fetchVoid();
        assertEquals(triples + 2, after.getRequiredProperty(after.createResource(DatasetDescription.DATASET_IRI), VOID.triples).getLong());
        assertEquals(2, after.getRequiredProperty(after.createResource(G + "notes"), VOID.triples).getLong());
        String service = get(server.sparqlURL(), "text/turtle").body();
        assertTrue(service.contains("/.well-known/void"), service);
    }

    private Model fetchVoid() {
        HttpResponse<String> r = get(url("/.well-known/void"), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(r.body())).lang(Lang.TURTLE).parse(m);
        return m;
    }
}
