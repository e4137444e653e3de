package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.parley.load.CorpusReader;
import org.parley.load.PreparedReport;
import org.parley.load.ProjectLayout;

/**
 * The CPU time one thread spends reading and checking each report of a project (what
 * {@code load} does per report before writing), in rounds, so that a change to the checks can be
 * compared with the code before it. CPU time, not wall-clock time: it holds on a shared, busy
 * machine. Run: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * org.parley.bench.ReadCheckCost ROOT [ROUNDS]}.
 */
public final class ReadCheckCost {

    private ReadCheckCost() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        CorpusReader reader = CorpusReader.open(ProjectLayout.at(root));
        System.out.printf(Locale.ROOT, "shared part: %.0f ms CPU%n", (cpu.getCurrentThreadCpuTime() - t0) / 1e6);
        List<String> ids = reader.shared().reportIds();
        for (int round = 1; round <= rounds; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            long quads = 0;
            int refused = 0;
            for (String id : ids) {
                PreparedReport report = reader.read(id);
                quads += report.quadCount();
                refused += report.isAccepted() ? 0 : 1;
            }
            double ms = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "round %d: %d reports (%d refused), %,d quads, %.2f ms CPU per report%n",
                    round, ids.size(), refused, quads, ms / ids.size());
        }
    }
}
