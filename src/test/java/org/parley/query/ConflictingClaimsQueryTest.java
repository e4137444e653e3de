package org.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Figures that give the same number with the same qualifier and unit are one reading, so a
     * figure many reports repeat is one side of one row, with its reports counted and listed; a
     * report that gives two readings by itself is no disagreement between reports; where both
     * readings come first in one report, the row shows that report against a later one.
     */
    @Test
    void repeatedFiguresAreOneReadingAndEachDisagreementIsOneRow() throws Exception {
        String data = PREFIXES + ":r3 dcterms:identifier \"003\" .\n"
                // 240 "around" in reports 001 and 002, 251 in 003: one disagreement, not two.
                + ":repeated rdfs:label \"repeated\" .\n"
                + figure("repeated-1", "r1", "repeated", 240, "around", "people")
                + figure("repeated-2", "r2", "repeated", 240, "around", "people")
                + figure("repeated-3", "r3", "repeated", 251, "", "people")
                // Two readings in report 001 alone: the report disagrees with itself, not with another.
                + ":oneReport rdfs:label \"oneReport\" .\n"
                + figure("oneReport-1", "r1", "oneReport", 100, "", "people")
                + figure("oneReport-2", "r1", "oneReport", 120, "", "people")
                // Both readings in 001, the second also in 002: 001's 100 against 002's 120.
                + ":sharedFirstReport rdfs:label \"sharedFirstReport\" .\n"
                + figure("sharedFirstReport-1", "r1", "sharedFirstReport", 120, "", "people")
                + figure("sharedFirstReport-2", "r1", "sharedFirstReport", 100, "", "people")
                + figure("sharedFirstReport-3", "r2", "sharedFirstReport", 120, "", "people");
        Model model = ModelFactory.createDefaultModel();
        model.read(new StringReader(data), null, "TURTLE");
        String query = Files.readString(Path.of("queries/conflicting-claims.rq"), StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>();
        try (QueryExecution exec = QueryExecution.dataset(DatasetFactory.create(model)).query(query).build()) {
            ResultSet results = exec.execSelect();
            while (results.hasNext()) {
                QuerySolution row = results.next();
                List<String> cells = new ArrayList<>();
                for (String column : List.of("topicLabel", "articleA", "valueA", "articleB", "valueB", "reportsA", "reportsB")) {
                    cells.add(row.getLiteral(column).getLexicalForm());
                }
                cells.add(String.join(", ", new TreeSet<>(List.of(row.getLiteral("articlesA").getString().split(", ")))));
                cells.add(String.join(", ", new TreeSet<>(List.of(row.getLiteral("articlesB").getString().split(", ")))));
                rows.add(String.join(" | ", cells));
            }
        }
        assertEquals(List.of(
                "repeated | 001 | around 240 | 003 | 251 | 2 | 1 | 001, 002 | 003",
                "sharedFirstReport | 001 | 100 | 002 | 120 | 1 | 2 | 001 | 001, 002"), rows);
    }
}
