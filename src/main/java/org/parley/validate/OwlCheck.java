package org.parley.validate;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyDocumentSource;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.HasIRI;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.parley.vocab.Parley;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * What Protégé and an OWL reasoner would say. With the OWL API: the ontology file loads on its own,
 * and it and the ontology plus all data are in the OWL 2 DL profile. With HermiT: the ontology plus
 * data are consistent and no class is unsatisfiable. When the data make the whole inconsistent, each
 * report file is tried on its own (with the ontology and shared files) to say which one does it.
 */
public final class OwlCheck implements ProjectCheck {

    public static final String PARSE = "owl-parse";
    public static final String IMPORT = "owl-import";
    public static final String DL = "owl2-dl";
    public static final String INCONSISTENT = "owl-inconsistent";
    public static final String UNSATISFIABLE = "owl-unsatisfiable";
    public static final String REASONER = "owl-reasoner";

    private static final String MERGED = "ontology and data merged";
    private static final Pattern FULL_IRI = Pattern.compile("<([^>\\s]+)>");

    private final Path ontologyFile;
    private final String ontologyFileName;

    /**
     * @param ontologyFile     ontology/parley.ttl, loaded from disk the way Protégé opens it
     * @param ontologyFileName its name for messages, relative to the project root
     */
    public OwlCheck(Path ontologyFile, String ontologyFileName) {
        this.ontologyFile = ontologyFile;
        this.ontologyFileName = ontologyFileName;
    }

    @Override
    public List<Problem> check(ParsedProject project) {
        List<Problem> problems = new ArrayList<>();
        ResourceNames names = new ResourceNames(project);
        Set<String> seen = new LinkedHashSet<>();

        // 1. The ontology alone, from its file.
        OWLOntologyManager aloneManager = OWLManager.createOWLOntologyManager();
        Optional<OWLOntology> alone = load(aloneManager, new FileDocumentSource(ontologyFile.toFile()),
                ontologyFileName, problems);
        alone.ifPresent(ontology -> reportDlViolations(ontology, project, names, true, seen, problems));

        // 2. The ontology and all data together: the DL profile again, then HermiT.
        OWLOntologyManager mergedManager = OWLManager.createOWLOntologyManager();
        Optional<OWLOntology> merged = load(mergedManager, documentOf(project.union()), MERGED, problems);
        if (merged.isEmpty()) {
            return problems;
        }
        reportDlViolations(merged.get(), project, names, false, seen, problems);
        reason(merged.get(), project, names, problems);
        return problems;
    }

    private void reason(OWLOntology ontology, ParsedProject project, ResourceNames names, List<Problem> problems) {
        OWLReasoner reasoner;
        try {
            reasoner = new ReasonerFactory().createReasoner(ontology);
        } catch (RuntimeException failure) {
            problems.add(Problem.error(MERGED, REASONER, "HermiT cannot reason over the knowledge base: "
                    + oneLine(failure), "usually a datatype outside the OWL 2 datatype map; use xsd:string,"
                    + " xsd:integer, xsd:decimal, xsd:boolean or xsd:dateTime"));
            return;
        }
        try {
            if (!reasoner.isConsistent()) {
                problems.add(Problem.error(MERGED, INCONSISTENT, "the ontology and data are inconsistent"
                        + culpritFiles(project), "look for an individual in two disjoint classes (for example"
                        + " parley:HostageGroup and parley:PrisonerGroup), two values of a functional property,"
                        + " or a value outside a property's range"));
                return;
            }
            for (OWLClass unsatisfiable : reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom()) {
                Node term = NodeFactory.createURI(unsatisfiable.getIRI().toString());
                problems.add(Problem.error(names.locate(ontologyFileName, term), UNSATISFIABLE,
                        names.term(term) + " can have no instances",
                        "check its subclass and disjointness axioms"));
            }
        } catch (RuntimeException failure) {
            problems.add(Problem.error(MERGED, REASONER, "HermiT failed: " + oneLine(failure), ""));
        } finally {
            reasoner.dispose();
        }
    }

    /** Which report files make the knowledge base inconsistent, each tried alone with the shared data. */
    private String culpritFiles(ParsedProject project) {
        Graph shared = GraphFactory.createDefaultGraph();
        project.ontology().find().forEachRemaining(shared::add);
        List<Map.Entry<Node, Graph>> reports = new ArrayList<>();
        for (Map.Entry<Node, Graph> entry : project.dataGraphs().entrySet()) {
            if (project.reportIdOf(entry.getKey()).isPresent()) {
                reports.add(entry);
            } else {
                entry.getValue().find().forEachRemaining(shared::add);
            }
        }
        if (!isConsistent(shared)) {
            return " already without any report file (look at the ontology and shared data files)";
        }
        List<String> culprits = new ArrayList<>();
        for (Map.Entry<Node, Graph> report : reports) {
            Graph trial = GraphFactory.createDefaultGraph();
            shared.find().forEachRemaining(trial::add);
            report.getValue().find().forEachRemaining(trial::add);
            if (!isConsistent(trial)) {
                culprits.add(project.fileOf(report.getKey()));
            }
        }
        return culprits.isEmpty()
                ? " only when the report files are taken together"
                : "; inconsistent on its own with the shared files: " + String.join(", ", culprits);
    }

    private static boolean isConsistent(Graph graph) {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        try {
            OWLOntology ontology = manager.loadOntologyFromOntologyDocument(documentOf(graph), loaderConfiguration());
            OWLReasoner reasoner = new ReasonerFactory().createReasoner(ontology);
            try {
                return reasoner.isConsistent();
            } finally {
                reasoner.dispose();
            }
        } catch (OWLOntologyCreationException | RuntimeException failure) {
            return true; // Reported by the main check already; only inconsistency matters here.
        }
    }

    private Optional<OWLOntology> load(OWLOntologyManager manager, OWLOntologyDocumentSource source,
                                       String location, List<Problem> problems) {
        manager.addMissingImportListener(event -> problems.add(Problem.error(location, IMPORT,
                "owl:imports <" + event.getImportedOntologyURI() + "> cannot be loaded",
                "declare the borrowed terms in the ontology instead of importing, or add the import to the catalog")));
        try {
            return Optional.of(manager.loadOntologyFromOntologyDocument(source, loaderConfiguration()));
        } catch (OWLOntologyCreationException | RuntimeException failure) {
            problems.add(Problem.error(location, PARSE, "the OWL API cannot load it: " + oneLine(failure),
                    "open it in Protégé to see where"));
            return Optional.empty();
        }
    }

    private static OWLOntologyLoaderConfiguration loaderConfiguration() {
        // Never wait on the network for an import: report it instead.
        return new OWLOntologyLoaderConfiguration()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT)
                .setConnectionTimeout(2_000)
                .setRetriesToAttempt(0);
    }

    private void reportDlViolations(OWLOntology ontology, ParsedProject project, ResourceNames names,
                                    boolean ontologyAlone, Set<String> seen, List<Problem> problems) {
        for (OWLProfileViolation violation : new OWL2DLProfile().checkOntology(ontology).getViolations()) {
            if (isUndeclaredParleyTerm(violation)) {
                continue; // TermDeclarationCheck's rule, reported there with the spelling hint.
            }
            String message = shorten(withoutOntologyId(violation.toString()), project);
            if (!seen.add(message)) {
                continue; // Already reported for the ontology alone.
            }
            String location = ontologyAlone ? ontologyFileName : locate(violation, names);
            problems.add(Problem.error(location, DL, message,
                    "OWL 2 DL needs every class and property declared once with one kind"
                            + " (owl:Class, owl:ObjectProperty, owl:DatatypeProperty or owl:AnnotationProperty)"
                            + " and values that fit it"));
        }
    }

    /** An undeclared term of the parley: namespace: a misspelling, which TermDeclarationCheck names. */
    private static boolean isUndeclaredParleyTerm(OWLProfileViolation violation) {
        return violation.getClass().getSimpleName().startsWith("UseOfUndeclared")
                && violation.getExpression() instanceof HasIRI named
                && named.getIRI().toString().startsWith(Parley.NS);
    }

    /** The data file describing the first named thing the violation mentions. */
    private String locate(OWLProfileViolation violation, ResourceNames names) {
        List<IRI> mentioned = new ArrayList<>();
        if (violation.getExpression() instanceof HasIRI named) {
            mentioned.add(named.getIRI());
        }
        if (violation.getAxiom() != null) {
            // Individuals first: they live in the data files, the classes and properties in the ontology.
            violation.getAxiom().individualsInSignature().forEach(individual -> mentioned.add(individual.getIRI()));
            violation.getAxiom().signature().forEach(entity -> mentioned.add(entity.getIRI()));
        }
        for (IRI iri : mentioned) {
            String file = names.fileDescribing(NodeFactory.createURI(iri.toString()));
            if (file != null) {
                return names.locate(file, NodeFactory.createURI(iri.toString()));
            }
        }
        return MERGED;
    }

    /** The graph as a Turtle document source for the OWL API (N-Triples, which is Turtle too). */
    private static OWLOntologyDocumentSource documentOf(Graph graph) {
        StringWriter text = new StringWriter();
        RDFDataMgr.write(text, graph, Lang.NTRIPLES);
        return new StringDocumentSource(text.toString(), IRI.create("urn:parley:merged"),
                new TurtleDocumentFormat(), null);
    }

    private static String withoutOntologyId(String violation) {
        return violation.replaceAll(" in OntologyID\\(.*\\)(\\]?)$", "$1").replaceAll("\\s+", " ").strip();
    }

    /** {@code <https://w3id.org/parley/ontology#Claim>} becomes {@code parley:Claim}, where a prefix fits. */
    private static String shorten(String text, ParsedProject project) {
        Matcher matcher = FULL_IRI.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String iri = matcher.group(1);
            String shortForm = project.prefixes().shortForm(iri);
            matcher.appendReplacement(out, Matcher.quoteReplacement(shortForm.equals(iri) ? "<" + iri + ">" : shortForm));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
