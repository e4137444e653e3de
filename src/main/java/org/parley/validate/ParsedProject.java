package org.parley.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.parley.vocab.KbNames;

/**
 * What the project's files say, parsed but not yet checked or reasoned over: the input of every
 * check. Built by {@code org.parley.load.ProjectReader}.
 *
 * @param ontology    ontology/parley.ttl
 * @param shapes      ontology/shapes.ttl
 * @param dataGraphs  graph name → triples of one data/*.ttl file; a report's graph also holds the
 *                    report's {@code parley:fullText}. Iteration order is file name order.
 * @param graphFiles  graph name → the file it was read from, relative to the project root (for
 *                    messages); includes the ontology graph
 * @param reportTexts report id → the text of data/reports/{@code <id>}.txt
 * @param prefixes    the prefixes declared in the files, to print IRIs short
 * @param sourceLines file (as in graphFiles) → where its parser saw each triple and subject, for
 *                    the line numbers of problems; a graph that comes from no Turtle file (an
 *                    HTTP update, a claim sheet) has none
 * @param checked     the graphs the checks report on; the other data graphs are there to be looked
 *                    up (a report checked with the shared graphs it refers to, which were checked
 *                    once on their own). All of them, unless built by {@link #checkingOnly}.
 * @param context     when only some graphs are checked: the ontology and the other data graphs in one
 *                    graph, built once and shared by the checks of many reports (or null)
 */
public record ParsedProject(Graph ontology, Graph shapes, Map<Node, Graph> dataGraphs,
                            Map<Node, String> graphFiles, Map<String, String> reportTexts,
                            PrefixMapping prefixes, Map<String, SourceLines> sourceLines,
                            Set<Node> checked, Graph context) {

    public ParsedProject {
        // Copies that keep the callers' (file name) order.
        dataGraphs = Collections.unmodifiableMap(new LinkedHashMap<>(dataGraphs));
        graphFiles = Collections.unmodifiableMap(new LinkedHashMap<>(graphFiles));
        reportTexts = Collections.unmodifiableMap(new LinkedHashMap<>(reportTexts));
        sourceLines = Map.copyOf(sourceLines);
        checked = Collections.unmodifiableSet(new LinkedHashSet<>(checked));
    }

    /** A whole project read from files: every data graph is checked. */
    public ParsedProject(Graph ontology, Graph shapes, Map<Node, Graph> dataGraphs, Map<Node, String> graphFiles,
                         Map<String, String> reportTexts, PrefixMapping prefixes, Map<String, SourceLines> sourceLines) {
        this(ontology, shapes, dataGraphs, graphFiles, reportTexts, prefixes, sourceLines, dataGraphs.keySet(), null);
    }

    /** A project whose graphs come from no file: problems name the graph and the resource only. */
    public ParsedProject(Graph ontology, Graph shapes, Map<Node, Graph> dataGraphs, Map<Node, String> graphFiles,
                         Map<String, String> reportTexts, PrefixMapping prefixes) {
        this(ontology, shapes, dataGraphs, graphFiles, reportTexts, prefixes, Map.of());
    }

    /** The same project, with only {@code graphs} checked and the rest there to be looked up. */
    public ParsedProject checkingOnly(Set<Node> graphs) {
        return new ParsedProject(ontology, shapes, dataGraphs, graphFiles, reportTexts, prefixes, sourceLines, graphs, null);
    }

    /** Whether every data graph is checked (a whole project, not one report with its context). */
    public boolean checksAll() {
        return checked.containsAll(dataGraphs.keySet());
    }

    /** The data graphs the checks report on, in file name order. */
    public Map<Node, Graph> checkedGraphs() {
        Map<Node, Graph> graphs = new LinkedHashMap<>();
        dataGraphs.forEach((name, graph) -> {
            if (checked.contains(name)) {
                graphs.put(name, graph);
            }
        });
        return graphs;
    }

    /** {@code file:line} where the file starts to describe {@code subject}, or the file alone if unknown. */
    public String at(String file, Node subject) {
        return withLine(file, linesOf(file).ofSubject(subject));
    }

    /** {@code file:line} of the triple in the file, or where its subject is described, or the file alone. */
    public String at(String file, Triple triple) {
        return withLine(file, line(file, triple).or(() -> linesOf(file).ofSubject(triple.getSubject())));
    }

    /** The line of the triple in the file, if the file was parsed with lines and has it. */
    public Optional<Integer> line(String file, Triple triple) {
        return linesOf(file).ofTriple(triple);
    }

    private SourceLines linesOf(String file) {
        return sourceLines.getOrDefault(file, NO_LINES);
    }

    private static final SourceLines NO_LINES = new SourceLines();

    private static String withLine(String file, Optional<Integer> line) {
        return line.map(n -> file + ":" + n).orElse(file);
    }

    /**
     * The ontology and all data in one graph: what SHACL and the OWL checks look at. A new graph, or,
     * when a {@link #context} is given, a read-only view of it and the checked graphs.
     */
    public Graph union() {
        if (context != null) {
            org.apache.jena.graph.compose.MultiUnion view = new org.apache.jena.graph.compose.MultiUnion();
            view.addGraph(context);
            checkedGraphs().values().forEach(view::addGraph);
            view.getPrefixMapping().setNsPrefixes(prefixes);
            return view;
        }
        Graph union = GraphFactory.createDefaultGraph();
        ontology.find().forEachRemaining(union::add);
        dataGraphs.values().forEach(graph -> graph.find().forEachRemaining(union::add));
        union.getPrefixMapping().setNsPrefixes(prefixes);
        return union;
    }

    /** The report id whose data file this graph was read from, if it is a report's graph. */
    public Optional<String> reportIdOf(Node graphName) {
        String name = KbNames.graphName(graphName);
        return name != null && reportTexts.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    /** The file a graph was read from, relative to the project root, or the graph IRI if unknown. */
    public String fileOf(Node graphName) {
        return graphFiles.getOrDefault(graphName, "<" + graphName + ">");
    }
}
