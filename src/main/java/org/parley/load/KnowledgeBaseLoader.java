package org.parley.load;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import java.util.List;

import org.parley.validate.ParsedProject;
import org.parley.validate.Problem;
import org.parley.validate.ValidationReport;
import org.parley.validate.Validator;
import org.parley.vocab.KbNames;

/**
 * Loads a project into a knowledge base: parse every file strictly, add the report texts, run the
 * load checks ({@link Validator#loadChecks()}), materialise the entailments, and only then build the
 * dataset. Any problem throws {@link LoadException} and nothing is returned or written.
 *
 * <p>Named graphs: {@code graph/ontology}, {@code graph/<name>} per data/{@code <name>}.ttl, and
 * {@code graph/entailments}; see {@link KbNames}. SPARQL's default graph is their union.
 */
public final class KnowledgeBaseLoader {

    private KnowledgeBaseLoader() {
    }

    /** The project at projectRoot, validated, in memory. */
    public static LoadedKnowledgeBase load(Path projectRoot) throws LoadException {
        Prepared prepared = prepare(projectRoot);
        DatasetGraph dataset = KnowledgeBaseStore.inMemory();
        KnowledgeBaseStore.replaceContents(dataset, prepared.project(), prepared.entailments());
        return new LoadedKnowledgeBase(dataset, prepared.report().problems(), () -> KnowledgeBaseStore.release(dataset));
    }

    /**
     * Validates the project in memory, then replaces the contents of the TDB2 database in dbDir
     * (created if absent) in one write transaction. If validation fails the database is not touched;
     * if writing fails the transaction aborts; either way it stays as it was.
     */
    public static List<Problem> loadIntoTdb2(Path projectRoot, Path dbDir) throws LoadException {
        Prepared prepared = prepare(projectRoot);
        DatasetGraph database = KnowledgeBaseStore.connect(dbDir, false);
        try {
            KnowledgeBaseStore.replaceContents(database, prepared.project(), prepared.entailments());
        } finally {
            KnowledgeBaseStore.release(database);
        }
        // The warnings (a refused claim sheet among them), for the caller to show.
        return prepared.report().problems();
    }

    /** A database written by {@link #loadIntoTdb2}, opened for reading as a knowledge base. */
    public static LoadedKnowledgeBase openTdb2(Path dbDir) throws LoadException {
        DatasetGraph database = KnowledgeBaseStore.connect(dbDir, true);
        return new LoadedKnowledgeBase(UnionDefaultGraph.of(database), List.of(), () -> KnowledgeBaseStore.release(database));
    }

    /** Read, check and reason; everything short of writing a dataset. */
    static Prepared prepare(Path projectRoot) throws LoadException {
        ProjectLayout layout = ProjectLayout.at(projectRoot);
        ProjectReader.Read read = ProjectReader.readRefusingBadSheets(layout);
        ParsedProject project = read.project();
        ValidationReport report = Validator.run(Validator.loadChecks(), project);
        if (!report.passed()) {
            throw new LoadException(report.errors());
        }
        // A bad claim sheet is refused whole and the rest loads: its problems stay as warnings.
        List<Problem> refused = read.refusedSheets().stream()
                .map(p -> Problem.warning(p.location(), p.rule(), p.message() + " (the sheet is not loaded)", p.hint()))
                .toList();
        report = ValidationReport.of(refused).plus(report);
        Graph entailments = EntailmentMaterialiser.entailments(project.ontology(), project.dataGraphs().values());
        // Readable names for what the files leave unlabelled (claims, CAMEO codes), kept with the entailments.
        ReadableLabels.of(project.ontology(), project.union()).find().forEachRemaining(entailments::add);
        return new Prepared(project, report, entailments);
    }

    record Prepared(ParsedProject project, ValidationReport report, Graph entailments) {
    }
}
