package org.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;

/**
 * queries/conflicting-claims.rq reads a figure's qualifier as the reports mean it: "more than 200"
 * is a lower bound that "around 240" satisfies, so the two do not conflict, while two exact counts
 * that differ do. Each quantity below is one case, with two reports' figures; the expected set
 * names the quantities whose figures cannot both be true.
 */
public class ConflictingClaimsQueryTest {

    private static final String PREFIXES = """
            @prefix parley: <https://w3id.org/parley/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix : <https://example.org/> .
            :r1 dcterms:identifier "001" .
            :r2 dcterms:identifier "002" .
            """;

    /** One quantity, a figure from each report: value, qualifier (or ""), unit. */
    private static String quantityCase(String name, long valueA, String qualifierA, long valueB, String qualifierB,
                                       String unitA, String unitB) {
        return ":" + name + " rdfs:label \"" + name + "\" .\n"
                + figure(name + "-a", "r1", name, valueA, qualifierA, unitA)
                + figure(name + "-b", "r2", name, valueB, qualifierB, unitB);
    }

    private static String figure(String id, String report, String quantity, long value, String qualifier, String unit) {
        return ":" + id + " parley:inReport :" + report + " ; parley:aboutQuantity :" + quantity
                + " ; parley:value " + value + " ; parley:unit \"" + unit + "\""
                + (qualifier.isEmpty() ? "" : " ; parley:valueQualifier \"" + qualifier + "\"")
                + " ; parley:valueAsReported \"" + (qualifier + " " + value).strip() + "\" .\n";
    }

    /** The cases, as Turtle: one quantity each, named after what it shows. */
    public static String cases() {
        return PREFIXES
                + quantityCase("lowerBoundMetByAnEstimate", 200, "more than", 240, "around", "people", "people")
                + quantityCase("lowerBoundBrokenByACount", 200, "more than", 150, "", "people", "people")
                + quantityCase("strictLowerBoundBrokenByItsOwnNumber", 200, "more than", 200, "", "people", "people")
                + quantityCase("inclusiveLowerBoundMetByItsOwnNumber", 200, "at least", 200, "", "people", "people")
                + quantityCase("estimateAtAStrictBound", 200, "more than", 200, "about", "people", "people")
                + quantityCase("twoCountsThatDiffer", 110, "a total of", 100, "", "people", "people")
                + quantityCase("twoCountsThatAgree", 110, "a total of", 110, "", "people", "people")
                + quantityCase("twoEstimatesThatDiffer", 240, "around", 250, "about", "people", "people")
                + quantityCase("twoLowerBounds", 200, "more than", 300, "over", "people", "people")
                + quantityCase("boundsThatOverlap", 100, "fewer than", 50, "more than", "people", "people")
                + quantityCase("boundsThatExcludeEachOther", 100, "fewer than", 120, "more than", "people", "people")
                + quantityCase("upperBoundBrokenByACount", 100, "up to", 101, "", "people", "people")
                + quantityCase("differentUnits", 7, "", 1, "", "days", "weeks");
    }

    /** The quantities whose two figures cannot both be true, read from the cases above. */
    public static final Set<String> CLASHING = new TreeSet<>(Set.of("lowerBoundBrokenByACount",
            "strictLowerBoundBrokenByItsOwnNumber", "twoCountsThatDiffer", "twoEstimatesThatDiffer",
            "boundsThatExcludeEachOther", "upperBoundBrokenByACount"));

    @Test
    void boundsAndEstimatesAreComparedAsTheReportsMeanThem() throws Exception {
        Model model = ModelFactory.createDefaultModel();
        model.read(new StringReader(cases()), null, "TURTLE");
        Dataset dataset = DatasetFactory.create(model);
        String query = Files.readString(Path.of("queries/conflicting-claims.rq"), StandardCharsets.UTF_8);
        Set<String> conflicting = new TreeSet<>();
        try (QueryExecution exec = QueryExecution.dataset(dataset).query(query).build()) {
            ResultSet results = exec.execSelect();
            while (results.hasNext()) {
                QuerySolution row = results.next();
                conflicting.add(row.getLiteral("topicLabel").getString());
            }
        }
        assertEquals(CLASHING, conflicting);
    }
}
