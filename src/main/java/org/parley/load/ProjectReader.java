package org.parley.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.parley.sheet.CsvTable;
import org.parley.sheet.SheetSet;
import org.parley.validate.ParsedProject;
import org.parley.validate.Problem;
import org.parley.validate.SourceLines;
import org.parley.vocab.KbNames;
import org.parley.vocab.Parley;

/**
 * Reads every file of a project into a {@link ParsedProject}: the ontology, the shapes, one graph per
 * data file and the report texts, each text also added as its report's {@code parley:fullText}.
 * Reports every file that does not parse, not just the first.
 */
public final class ProjectReader {

    static final String TEXT_RULE = "report-text-encoding";
    static final String FILE_NAME_RULE = "data-file-name";
    static final String SHEET_RULE = "sheet";

    /** Graph names the loader uses itself, so no data file may take them. */
    private static final Set<String> RESERVED_NAMES = Set.of("ontology", "entailments", "void");
    /** File names that make clean graph IRIs. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ProjectReader() {
    }

    /**
     * A project read, with the problems of the claim sheets refused: those sheets' reports are left
     * out (their texts too), the rest of the project is there.
     */
    public record Read(ParsedProject project, List<Problem> refusedSheets) {
    }

    /** The project, every file of it; a sheet's problems fail it like a Turtle file's. */
    public static ParsedProject read(ProjectLayout layout) throws LoadException {
        Read read = readRefusingBadSheets(layout);
        if (!read.refusedSheets().isEmpty()) {
            throw new LoadException(read.refusedSheets());
        }
        return read.project();
    }

    /**
     * The project with its good claim sheets compiled into their reports' graphs; a bad sheet is
     * refused whole and its problems returned beside the project. Throws only for the other files.
     */
    public static Read readRefusingBadSheets(ProjectLayout layout) throws LoadException {
        List<Problem> problems = new ArrayList<>();
        PrefixMapping prefixes = PrefixMapping.Factory.create();
        Map<String, SourceLines> sourceLines = new HashMap<>();

        Graph ontology = parseRequired(layout, layout.ontologyFile(), problems, prefixes, sourceLines);
        Graph shapes = parseRequired(layout, layout.shapesFile(), problems, null, sourceLines);

        Map<Node, Graph> dataGraphs = new LinkedHashMap<>();
        Map<Node, String> graphFiles = new LinkedHashMap<>();
        graphFiles.put(KbNames.ONTOLOGY_GRAPH, ProjectLayout.ONTOLOGY_FILE);
        for (Path file : listed(layout, problems, true)) {
            String name = ProjectLayout.baseName(file);
            if (!acceptableGraphName(name, layout.relative(file), problems)) {
                continue;
            }
            Graph graph = StrictTurtle.parse(file, layout.relative(file), problems,
                    sourceLines.computeIfAbsent(layout.relative(file), f -> new SourceLines()));
            prefixes.setNsPrefixes(graph.getPrefixMapping());
            dataGraphs.put(KbNames.graph(name), graph);
            graphFiles.put(KbNames.graph(name), layout.relative(file));
        }

        Map<String, String> reportTexts = new LinkedHashMap<>();
        for (Path file : listed(layout, problems, false)) {
            String id = ProjectLayout.baseName(file);
            if (!acceptableGraphName(id, layout.relative(file), problems)) {
                continue;
            }
            String text = readUtf8(file, layout.relative(file), problems);
            if (text == null) {
                continue;
            }
            reportTexts.put(id, text);
            Graph graph = dataGraphs.get(KbNames.graph(id));
            if (graph != null) {
                // The text lives in its file, not in the Turtle; the knowledge base carries it for queries.
                graph.add(KbNames.report(id), Parley.fullText.asNode(), NodeFactory.createLiteralString(text));
            }
        }

        List<Problem> sheetProblems = new ArrayList<>();
        if (ontology != null && problems.isEmpty()) {
            readSheets(layout, ontology, dataGraphs, graphFiles, reportTexts, problems, sheetProblems);
        }

        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        return new Read(new ParsedProject(ontology, shapes, dataGraphs, graphFiles, reportTexts, prefixes, sourceLines), sheetProblems);
    }

    /** data/sheets/<id>.csv (and <id>.things.csv) compiled into the graphs of reports that have no Turtle. */
    private static void readSheets(ProjectLayout layout, Graph ontology, Map<Node, Graph> dataGraphs,
                                   Map<Node, String> graphFiles, Map<String, String> reportTexts,
                                   List<Problem> problems, List<Problem> sheetProblems) {
        List<Path> sheets;
        try {
            sheets = layout.claimSheets();
        } catch (IOException unreadable) {
            problems.add(Problem.error(layout.relative(layout.sheetsDir()), "unreadable-directory", unreadable.toString(), ""));
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(layout.sheetsDir())) {
            for (Path orphan : files.filter(f -> f.getFileName().toString().endsWith(ProjectLayout.THINGS_SUFFIX)).sorted().toList()) {
                String name = orphan.getFileName().toString();
                String id = name.substring(0, name.length() - ProjectLayout.THINGS_SUFFIX.length());
                if (!Files.isRegularFile(layout.sheetsDir().resolve(id + ".csv"))) {
                    sheetProblems.add(Problem.error(layout.relative(orphan), SHEET_RULE,
                            "a things sheet without its claim sheet data/sheets/" + id + ".csv; it is not read",
                            "name it after its report's claim sheet"));
                }
            }
        } catch (IOException noSheets) {
            // No data/sheets/ directory: nothing to read.
        }
        List<SheetSet.Input> inputs = new ArrayList<>();
        Set<String> refused = new java.util.LinkedHashSet<>();
        for (Path file : sheets) {
            String id = ProjectLayout.baseName(file);
            String shown = layout.relative(file);
            List<Problem> found = new ArrayList<>();
            if (!acceptableGraphName(id, shown, found)) {
                sheetProblems.addAll(found);
                continue;
            }
            if (dataGraphs.containsKey(KbNames.graph(id))) {
                sheetProblems.add(Problem.error(shown, SHEET_RULE, "report " + id + " has both data/" + id
                        + ".ttl and this sheet; the sheet is not read", "keep one of the two"));
                continue;
            }
            CsvTable claims = CsvTable.parse(shown, bytes(file, shown, found), found);
            Path thingsFile = layout.thingsSheet(id);
            CsvTable things = Files.isRegularFile(thingsFile)
                    ? CsvTable.parse(layout.relative(thingsFile), bytes(thingsFile, layout.relative(thingsFile), found), found)
                    : null;
            if (!found.isEmpty()) {
                sheetProblems.addAll(found);
                refused.add(id);
                continue;
            }
            inputs.add(new SheetSet.Input(id, claims, things));
        }
        SheetSet.Outcome outcome = SheetSet.compile(inputs, ontology, dataGraphs.values(), reportTexts);
        sheetProblems.addAll(outcome.problems());
        refused.addAll(outcome.refused());
        outcome.graphs().forEach((id, graph) -> {
            graph.add(KbNames.report(id), Parley.fullText.asNode(), NodeFactory.createLiteralString(reportTexts.get(id)));
            dataGraphs.put(KbNames.graph(id), graph);
            graphFiles.put(KbNames.graph(id), layout.relative(layout.sheetsDir().resolve(id + ".csv")));
        });
        // Nothing of a refused sheet is served, not even its text: the rest of the project stays whole.
        refused.forEach(reportTexts::remove);
    }

    static byte[] bytes(Path file, String shown, List<Problem> problems) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException unreadable) {
            problems.add(Problem.error(shown, SHEET_RULE, "cannot read the file: " + unreadable, ""));
            return new byte[0];
        }
    }

    static Graph parseRequired(ProjectLayout layout, Path file, List<Problem> problems,
                                       PrefixMapping prefixes, Map<String, SourceLines> sourceLines) {
        String shown = layout.relative(file);
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.error(shown, "missing-file", "the file does not exist",
                    "every Parley project has " + ProjectLayout.ONTOLOGY_FILE + " and " + ProjectLayout.SHAPES_FILE));
            return null;
        }
        Graph graph = StrictTurtle.parse(file, shown, problems, sourceLines.computeIfAbsent(shown, f -> new SourceLines()));
        if (prefixes != null) {
            prefixes.setNsPrefixes(graph.getPrefixMapping());
        }
        return graph;
    }

    private static List<Path> listed(ProjectLayout layout, List<Problem> problems, boolean dataFiles) {
        try {
            return dataFiles ? layout.dataFiles() : layout.reportTextFiles();
        } catch (IOException unreadable) {
            Path dir = dataFiles ? layout.dataDir() : layout.reportsDir();
            problems.add(Problem.error(layout.relative(dir), "unreadable-directory", unreadable.toString(), ""));
            return List.of();
        }
    }

    static boolean acceptableGraphName(String name, String shownFile, List<Problem> problems) {
        if (RESERVED_NAMES.contains(name)) {
            problems.add(Problem.error(shownFile, FILE_NAME_RULE, "the graph name '" + name
                    + "' is reserved for the loader", "rename the file"));
            return false;
        }
        if (!SAFE_NAME.matcher(name).matches()) {
            problems.add(Problem.error(shownFile, FILE_NAME_RULE, "the file name cannot be part of a graph IRI",
                    "use only letters, digits, '.', '_' and '-'"));
            return false;
        }
        return true;
    }

    /** The file's exact text, or null (and a problem) if it is not valid UTF-8. */
    static String readUtf8(Path file, String shown, List<Problem> problems) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            problems.add(Problem.error(shown, TEXT_RULE, "the report text is not valid UTF-8",
                    "save the file as UTF-8"));
        } catch (IOException unreadable) {
            problems.add(Problem.error(shown, TEXT_RULE, "cannot read the file: " + unreadable, ""));
        }
        return null;
    }
}
