package org.parley.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.parley.validate.Problem;

/**
 * Reports read and checked on worker threads, a few ahead of the one thread that writes them, and
 * handed over in id order: the reading of a load, apart from where its reports go.
 */
final class ReportPipeline {

    private ReportPipeline() {
    }

    /**
     * What reading a batch of reports found.
     *
     * @param loaded   reports accepted (and handed on to be written)
     * @param leftOut  reports left out for their problems
     * @param warnings problems that did not stop them, the left-out reports' among them
     * @param errors   the bad reports' problems, when the options say a bad report fails the load
     *                 (then nothing more was handed on once the first was found)
     */
    record Outcome(int loaded, List<String> leftOut, List<Problem> warnings, List<Problem> errors) {
    }

    /**
     * Reads and checks the reports, {@code options.threads()} at a time, and hands each accepted one
     * to {@code write} on this thread, in id order. Every report is read even once the load is
     * bound to fail, so that every bad report's problems are reported at once.
     */
    static Outcome readAll(CorpusReader reader, List<String> ids, KnowledgeBaseLoader.Options options,
                                   Consumer<PreparedReport> write) {
        options.progress().started(ids.size());
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        int[] loaded = {0};
        long[] quads = {0};
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "parley-load-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<PreparedReport>> inFlight = new ArrayDeque<>();
            int next = 0;
            int done = 0;
            while (done < ids.size()) {
                // A few reports ahead of the writer, not all of them: memory stays bounded.
                while (next < ids.size() && inFlight.size() < 2 * options.threads()) {
                    String id = ids.get(next++);
                    inFlight.add(workers.submit(() -> reader.read(id)));
                }
                PreparedReport report = inFlight.removeFirst().get();
                done++;
                if (report.isAccepted()) {
                    warnings.addAll(report.problems());
                    if (errors.isEmpty()) {
                        // Once the load is bound to fail, reading goes on only to report every bad report.
                        write.accept(report);
                    }
                    loaded[0]++;
                    quads[0] += report.quadCount();
                } else if (leaveOut(options.badReports(), report)) {
                    leftOut.add(report.id());
                    report.problems().forEach(p -> warnings.add(p.isError()
                            ? Problem.warning(p.location(), p.rule(), p.message() + " (the report is left out)", p.hint())
                            : p));
                } else {
                    errors.addAll(report.errors());
                }
                options.progress().reportDone(done, quads[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("load interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
            options.progress().finished();
        }
        return new Outcome(loaded[0], leftOut, warnings, errors);
    }

    private static boolean leaveOut(KnowledgeBaseLoader.BadReports policy, PreparedReport report) {
        return switch (policy) {
            case FAIL -> false;
            case SKIP -> true;
            case SKIP_SHEETS -> report.file().startsWith("data/sheets/");
        };
    }
}
