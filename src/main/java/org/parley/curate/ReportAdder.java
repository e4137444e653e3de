package org.parley.curate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.parley.sheet.CsvTable;
import org.parley.sheet.Names;
import org.parley.sheet.SheetVocabulary;

/**
 * What {@code parley add} writes for a new report, worked out without touching the disk: its id,
 * its claim sheet pre-filled with {@link Suggester}'s candidates, and its things sheet with the
 * report's metadata (what a report resource needs: parley:Report, label, dcterms:identifier,
 * parley:fileName; the publication date if given) and the outlet if the knowledge base does not
 * know it yet.
 */
public final class ReportAdder {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The files' contents for a new report. */
    public record NewReport(String id, String claimsCsv, String thingsCsv, int candidates, List<String> notes) {
    }

    /** Something the user must change before the report can be added. */
    public static final class AddException extends Exception {
        public AddException(String message) {
            super(message);
        }
    }

    private ReportAdder() {
    }

    /** The id a report file gives: its name without extension, made safe for an IRI. */
    public static String idFrom(String fileName) {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String id = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+|-+$", "");
        return id;
    }

    public static NewReport prepare(String id, String text, String outlet, String published, Graph knowledgeBase)
            throws AddException {
        if (!SAFE_ID.matcher(id).matches() || List.of("ontology", "entailments", "void").contains(id)) {
            throw new AddException("'" + id + "' cannot be a report id: use letters, digits, '.', '_' and '-' (--id ID)");
        }
        if (text.isBlank()) {
            throw new AddException("the report text is empty");
        }
        List<String> notes = new ArrayList<>();
        List<List<String>> things = new ArrayList<>();
        String report = "report:" + id;
        things.add(List.of(report, "type", "Report", ""));
        // The label is the report's first line, its headline: words of the report, not ours.
        String firstLine = text.strip().lines().findFirst().orElse(id).strip();
        things.add(List.of(report, "label", firstLine.length() > 150 ? firstLine.substring(0, 150) + "…" : firstLine, ""));
        things.add(List.of(report, "dcterms:identifier", id, ""));
        things.add(List.of(report, "fileName", id + ".txt", ""));
        if (published != null) {
            try {
                LocalDate.parse(published);
            } catch (DateTimeParseException notIso) {
                throw new AddException("--published '" + published + "' is not a date written YYYY-MM-DD");
            }
            things.add(List.of(report, "dcterms:issued", published, "xsd:date"));
        }

        Names names = new Names();
        names.addGraph(knowledgeBase);
        String outletCell = outlet;
        if (outlet != null) {
            Names.Resolution known = names.resolve(outlet);
            if (!known.ok()) {
                String outletId = outlet.strip().replaceAll("[^A-Za-z0-9]+", "");
                if (outletId.isEmpty()) {
                    throw new AddException("--outlet '" + outlet + "' has no letters or digits");
                }
                things.add(List.of(outletId, "type", "NewsOutlet", ""));
                things.add(List.of(outletId, "label", outlet.strip(), ""));
                List<String> near = names.nearest(outlet, 3);
                notes.add("the outlet '" + outlet + "' is new: declared in the things sheet"
                        + (near.isEmpty() ? "" : " (known names near it: " + String.join(", ", near) + ")"));
                outletCell = outlet.strip();
            }
        }

        List<Suggester.Candidate> candidates = new Suggester(new ActorIndex(knowledgeBase)).suggest(text, "c-" + id, outletCell);
        List<List<String>> rows = new ArrayList<>();
        for (Suggester.Candidate candidate : candidates) {
            rows.add(row(candidate.cells()));
        }
        return new NewReport(id, CsvTable.write(SheetVocabulary.HEADERS, rows),
                CsvTable.write(SheetVocabulary.THING_HEADERS, things), candidates.size(), notes);
    }

    /** The cells in the sheet's column order. */
    public static List<String> row(Map<String, String> cells) {
        return SheetVocabulary.HEADERS.stream().map(h -> cells.getOrDefault(h, "")).toList();
    }
}
