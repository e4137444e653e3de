package org.parley.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.shared.PrefixMapping;
import org.parley.sheet.CsvTable;
import org.parley.sheet.SheetSet;
import org.parley.validate.ParsedProject;
import org.parley.validate.Problem;
import org.parley.validate.SourceLines;
import org.parley.validate.ValidationReport;
import org.parley.validate.Validator;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;

/**
 * Reads and checks a project one report at a time, so that a load costs time in proportion to the
 * reports it reads and never holds more than one report (with the shared graphs) in memory: first
 * the {@link Shared} part (the ontology, the shapes and the data files that are no report's: actors,
 * concepts, terms, CAMEO), checked once on its own; then each report (its data file or claim sheet,
 * and its text) checked with the shared graphs it refers to ({@link ParsedProject#checkingOnly}), its
 * entailments and readable labels worked out from it alone ({@link EntailmentMaterialiser}).
 *
 * <p>The checks are the load checks ({@link Validator#loadChecks()}), the same rules, from the same
 * shapes, as {@code parley validate}; rules that compare reports with each other run over the
 * stored whole ({@link AcrossReports}).
 */
public final class CorpusReader {

    private final ProjectLayout layout;
    private final Shared shared;

    private CorpusReader(ProjectLayout layout, Shared shared) {
        this.layout = layout;
        this.shared = shared;
    }

    /**
     * The shared part of the project read and checked.
     *
     * @throws LoadException a shared file does not parse or does not pass the checks
     */
    public static CorpusReader open(ProjectLayout layout) throws LoadException {
        List<Problem> problems = new ArrayList<>();
        PrefixMapping prefixes = PrefixMapping.Factory.create();
        Map<String, SourceLines> lines = new HashMap<>();
        Graph ontology = ProjectReader.parseRequired(layout, layout.ontologyFile(), problems, prefixes, lines);
        Graph shapes = ProjectReader.parseRequired(layout, layout.shapesFile(), problems, null, lines);
        Set<String> reportIds = reportIds(layout, problems);
        Map<Node, Graph> graphs = new LinkedHashMap<>();
        Map<Node, String> files = new LinkedHashMap<>();
        files.put(KbNames.ONTOLOGY_GRAPH, ProjectLayout.ONTOLOGY_FILE);
        for (Path file : dataFiles(layout, problems)) {
            String name = ProjectLayout.baseName(file);
            if (reportIds.contains(name) || !ProjectReader.acceptableGraphName(name, layout.relative(file), problems)) {
                continue;
            }
            Graph graph = StrictTurtle.parse(file, layout.relative(file), problems,
                    lines.computeIfAbsent(layout.relative(file), f -> new SourceLines()));
            prefixes.setNsPrefixes(graph.getPrefixMapping());
            graphs.put(KbNames.graph(name), graph);
            files.put(KbNames.graph(name), layout.relative(file));
        }
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        ParsedProject project = new ParsedProject(ontology, shapes, graphs, files, Map.of(), prefixes, lines);
        ValidationReport report = Validator.run(Validator.loadChecks(), project);
        if (!report.passed()) {
            throw new LoadException(report.errors());
        }
        // The ontology's own individuals (stances, modalities, term types, ...) are data too: their
        // entailed types are worked out here, once, and not again by every report that uses them.
        List<Graph> sharedData = new ArrayList<>(graphs.values());
        sharedData.add(0, ontology);
        Graph entailments = EntailmentMaterialiser.entailments(ontology, sharedData);
        Graph checked = project.union();
        ReadableLabels.of(ontology, checked).find().forEachRemaining(entailments::add);
        Graph sharedUnion = project.union();
        entailments.find().forEachRemaining(sharedUnion::add);
        return new CorpusReader(layout, new Shared(project, entailments, sharedUnion, checked, List.copyOf(reportIds)));
    }

    /** The ontology, shapes and shared graphs, checked, with their entailments. */
    public Shared shared() {
        return shared;
    }

    public ProjectLayout layout() {
        return layout;
    }

    /**
     * One report read from its files and checked with the shared graphs. Never throws for the
     * report's own faults: they are its {@link PreparedReport#problems()}, with file and line.
     */
    public PreparedReport read(String id) {
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        Node graphName = KbNames.graph(id);
        Path textFile = layout.reportsDir().resolve(id + ".txt");
        Path dataFile = layout.dataDir().resolve(id + ".ttl");
        Path sheet = layout.sheetsDir().resolve(id + ".csv");
        String shownData = layout.relative(dataFile);

        String text = Files.isRegularFile(textFile) ? ProjectReader.readUtf8(textFile, layout.relative(textFile), problems) : null;
        Graph graph = null;
        Map<String, SourceLines> lines = new HashMap<>(shared.project().sourceLines());
        if (Files.isRegularFile(dataFile)) {
            SourceLines reportLines = new SourceLines();
            graph = StrictTurtle.parse(dataFile, shownData, problems, reportLines);
            lines.put(shownData, reportLines);
            if (Files.isRegularFile(sheet)) {
                // The Turtle, curated by hand, wins; the sheet is not read.
                warnings.add(Problem.warning(layout.relative(sheet), ProjectReader.SHEET_RULE, "report " + id
                        + " has both data/" + id + ".ttl and this sheet; the sheet is not read", "keep one of the two"));
            }
        } else if (Files.isRegularFile(sheet)) {
            shownData = layout.relative(sheet);
            graph = compileSheet(id, sheet, text, problems);
        }
        if (!problems.isEmpty()) {
            return PreparedReport.refused(id, shownData, problems);
        }

        Map<Node, Graph> graphs = new LinkedHashMap<>(shared.project().dataGraphs());
        Map<Node, String> files = new LinkedHashMap<>(shared.project().graphFiles());
        Map<String, String> texts = new LinkedHashMap<>();
        if (text != null) {
            texts.put(id, text);
        }
        if (graph != null) {
            if (text != null) {
                // The text lives in its file, not in the Turtle; the knowledge base carries it for queries.
                graph.add(KbNames.report(id), Parley.fullText.asNode(), NodeFactory.createLiteralString(text));
            }
            graphs.put(graphName, graph);
            files.put(graphName, shownData);
        }
        ParsedProject project = new ParsedProject(shared.project().ontology(), shared.project().shapes(), graphs, files,
                texts, shared.project().prefixes(), lines, graph == null ? Set.of() : Set.of(graphName), shared.checkedUnion());
        ValidationReport report = Validator.run(Validator.loadChecks(), project);
        if (!report.passed() || graph == null) {
            return PreparedReport.refused(id, shownData, report.problems());
        }
        Graph ontology = shared.project().ontology();
        Graph entailments = EntailmentMaterialiser.entailments(ontology, List.of(graph), List.of(shared.union()));
        Graph lookup = new Union(shared.union(), graph);
        ReadableLabels.of(ontology, lookup, graph).find().forEachRemaining(entailments::add);
        warnings.addAll(report.problems());
        return PreparedReport.accepted(id, shownData, graph, entailments, warnings);
    }

    /** A claim sheet (and its things sheet) compiled with the shared graphs for its names. */
    private Graph compileSheet(String id, Path sheet, String text, List<Problem> problems) {
        String shown = layout.relative(sheet);
        CsvTable claims = CsvTable.parse(shown, ProjectReader.bytes(sheet, shown, problems), problems);
        Path thingsFile = layout.thingsSheet(id);
        CsvTable things = Files.isRegularFile(thingsFile)
                ? CsvTable.parse(layout.relative(thingsFile), ProjectReader.bytes(thingsFile, layout.relative(thingsFile), problems), problems)
                : null;
        if (!problems.isEmpty()) {
            return null;
        }
        Map<String, String> texts = text == null ? Map.of() : Map.of(id, text);
        SheetSet.Outcome outcome = SheetSet.compile(List.of(new SheetSet.Input(id, claims, things)),
                shared.project().ontology(), shared.project().dataGraphs().values(), texts);
        problems.addAll(outcome.problems());
        return outcome.graphs().get(id);
    }

    /**
     * The reports: every id with a text in data/reports/, a claim sheet in data/sheets/, or a data
     * file of that name (a data file is a report's when its text or sheet exists), in id order.
     */
    private static Set<String> reportIds(ProjectLayout layout, List<Problem> problems) {
        Set<String> ids = new TreeSet<>();
        try {
            layout.reportTextFiles().forEach(file -> ids.add(ProjectLayout.baseName(file)));
            layout.claimSheets().forEach(file -> ids.add(ProjectLayout.baseName(file)));
        } catch (IOException unreadable) {
            problems.add(Problem.error(layout.relative(layout.dataDir()), "unreadable-directory", unreadable.toString(), ""));
        }
        ids.removeIf(id -> !ProjectReader.acceptableGraphName(id, "data/reports/" + id + ".txt", problems));
        return ids;
    }

    private static List<Path> dataFiles(ProjectLayout layout, List<Problem> problems) {
        try {
            return layout.dataFiles();
        } catch (IOException unreadable) {
            problems.add(Problem.error(layout.relative(layout.dataDir()), "unreadable-directory", unreadable.toString(), ""));
            return List.of();
        }
    }

    /**
     * The part of the project every report refers to.
     *
     * @param project     the ontology, the shapes and the shared data graphs
     * @param entailments what the shared graphs entail, with the readable labels of their concepts
     * @param union       the ontology, the shared graphs and their entailments in one graph, for
     *                    looking up what a report refers to (never changed once built)
     * @param checkedUnion the ontology and the shared graphs in one graph, as the checks read them
     *                    with a report (without entailments: the rules see what the files state)
     * @param reportIds   the project's reports, in id order
     */
    public record Shared(ParsedProject project, Graph entailments, Graph union, Graph checkedUnion,
                         List<String> reportIds) {

        /** Graph name → triples of the ontology and the shared data files, as stored. */
        public Map<Node, Graph> storedGraphs() {
            Map<Node, Graph> stored = new LinkedHashMap<>();
            stored.put(KbNames.ONTOLOGY_GRAPH, project.ontology());
            stored.putAll(project.dataGraphs());
            stored.put(KbNames.ENTAILMENTS_GRAPH, entailments);
            return stored;
        }
    }
}
