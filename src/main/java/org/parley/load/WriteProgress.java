package org.parley.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.jena.dboe.transaction.txn.ComponentId;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionListener;
import org.apache.jena.dboe.transaction.txn.TransactionalComponent;
import org.apache.jena.dboe.transaction.txn.TransactionalComponentExternal;
import org.apache.jena.dboe.transaction.txn.TxnId;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A fault-injection hook for the crash-safety test (CrashSafetyTest): it lets a test that runs
 * {@code parley load --db} as a child process see how far the write got, and stop it at a known
 * point, so that a SIGKILL is known to land inside the write. Off, and free, unless asked for:
 *
 * <ul>
 * <li>{@code -Dparley.test.writeProgress=K} prints marker lines to stderr: {@code parley-write: ready}
 *     (before the write transaction begins), {@code begun} (inside it, nothing changed yet),
 *     {@code cleared} (old contents deleted), {@code N quads} after every K quads added,
 *     {@code added N quads} (all added, not committed), for TDB2 {@code prepared} (its journal holds
 *     the new state but no commit record), {@code journal-committed} (past the commit point: the
 *     commit record is written and synced, the journal not yet cleared) and {@code commit-finished}
 *     (the commit is applied), and {@code committed} once the transaction has returned.</li>
 * <li>{@code -Dparley.test.writeProgress.await=true} also waits, after each marker, for a line on
 *     stdin before going on (end of input: go on without waiting). The test kills the process while it
 *     waits, so it knows exactly where the write stood; no timing is involved.</li>
 * </ul>
 */
final class WriteProgress {

    static final String PROPERTY = "parley.test.writeProgress";
    static final String AWAIT_PROPERTY = "parley.test.writeProgress.await";
    static final String PREFIX = "parley-write: ";

    /**
     * A component is known by the number in its id (TDB2 numbers its own components from 1; a clash
     * replaces one of them): this one is far from them, "parl" in ASCII.
     */
    private static final ComponentId COMMIT_POINT_ID = ComponentId.alloc("parley-write-progress",
            UUID.nameUUIDFromBytes("parley-write-progress".getBytes(StandardCharsets.UTF_8)), 0x7061726c);

    private static final WriteProgress OFF = new WriteProgress(0, false);

    private final long every;
    private final boolean await;
    private long quads;
    private BufferedReader stdin;

    private WriteProgress(long every, boolean await) {
        this.every = every;
        this.await = await;
    }

    /** The hook as the system properties ask for it; {@link #isOn()} is false if they are not set. */
    static WriteProgress fromSystemProperties() {
        String every = System.getProperty(PROPERTY);
        if (every == null || every.isBlank()) {
            return OFF;
        }
        long k = Long.parseLong(every.strip());
        if (k < 1) {
            throw new IllegalArgumentException(PROPERTY + " must be a positive number of quads, not " + every);
        }
        return new WriteProgress(k, Boolean.getBoolean(AWAIT_PROPERTY));
    }

    boolean isOn() {
        return every > 0;
    }

    /** Counts one quad added; every K quads, a marker. */
    void quadAdded() {
        if (isOn() && ++quads % every == 0) {
            marker(quads + " quads");
        }
    }

    long quads() {
        return quads;
    }

    void marker(String what) {
        if (!isOn()) {
            return;
        }
        System.err.println(PREFIX + what);
        System.err.flush();
        if (await) {
            awaitGoOn();
        }
    }

    /**
     * Markers from inside a TDB2 commit: after the prepare step (the new state is in the journal, the
     * commit record is not), past the commit point, and after the commit. Returns what undoes it.
     */
    Runnable watchCommit(DatasetGraph dataset) {
        if (!isOn() || !TDBInternal.isBackedByTDB(dataset)) {
            return () -> { };
        }
        TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(dataset);
        TransactionListener listener = new TransactionListener() {
            @Override
            public void notifyPrepareFinish(Transaction transaction) {
                if (transaction.isWriteTxn()) {
                    marker("prepared");
                }
            }

            @Override
            public void notifyCommitFinish(Transaction transaction) {
                if (transaction.isWriteTxn()) {
                    marker("commit-finished");
                }
            }
        };
        // A started coordinator's configuration is locked: change it in exclusive mode.
        // A component that journals nothing, only to be called with the others at commit time: TDB2
        // calls the components' commit after the commit point and before it clears the journal.
        TransactionalComponent commitPoint = new TransactionalComponentExternal<Void>(COMMIT_POINT_ID) {
            @Override
            protected void _commit(TxnId txnId, Void state) {
                marker("journal-committed");
            }
        };
        // A started coordinator's configuration is locked: change it in exclusive mode.
        coordinator.modifyConfig(() -> {
            coordinator.addListener(listener);
            coordinator.add(commitPoint);
        });
        return () -> coordinator.modifyConfig(() -> {
            coordinator.removeListener(listener);
            coordinator.remove(commitPoint);
        });
    }

    private void awaitGoOn() {
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            stdin.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
