package org.parley.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.parley.validate.ParsedProject;
import org.parley.validate.Problem;
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

    /** Graph names the loader uses itself, so no data file may take them. */
    private static final Set<String> RESERVED_NAMES = Set.of("ontology", "entailments", "void");
    /** File names that make clean graph IRIs. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ProjectReader() {
    }

    public static ParsedProject read(ProjectLayout layout) throws LoadException {
        List<Problem> problems = new ArrayList<>();
        PrefixMapping prefixes = PrefixMapping.Factory.create();

        Graph ontology = parseRequired(layout, layout.ontologyFile(), problems, prefixes);
        Graph shapes = parseRequired(layout, layout.shapesFile(), problems, null);

        Map<Node, Graph> dataGraphs = new LinkedHashMap<>();
        Map<Node, String> graphFiles = new LinkedHashMap<>();
        graphFiles.put(KbNames.ONTOLOGY_GRAPH, ProjectLayout.ONTOLOGY_FILE);
        for (Path file : listed(layout, problems, true)) {
            String name = ProjectLayout.baseName(file);
            if (!acceptableGraphName(name, layout.relative(file), problems)) {
                continue;
            }
            Graph graph = StrictTurtle.parse(file, layout.relative(file), problems);
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

        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        return new ParsedProject(ontology, shapes, dataGraphs, graphFiles, reportTexts, prefixes);
    }

    private static Graph parseRequired(ProjectLayout layout, Path file, List<Problem> problems,
                                       PrefixMapping prefixes) {
        String shown = layout.relative(file);
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.error(shown, "missing-file", "the file does not exist",
                    "every Parley project has " + ProjectLayout.ONTOLOGY_FILE + " and " + ProjectLayout.SHAPES_FILE));
            return null;
        }
        Graph graph = StrictTurtle.parse(file, shown, problems);
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

    private static boolean acceptableGraphName(String name, String shownFile, List<Problem> problems) {
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
    private static String readUtf8(Path file, String shown, List<Problem> problems) {
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
