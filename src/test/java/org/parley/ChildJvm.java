package org.parley;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real child JVM running a main class with the test classpath, as a user's {@code java -cp ...}
 * would: for what needs a separate process (SIGKILL, System.exit, a JVM that might not exit). Its
 * stdout and stderr are read line by line as they come, by daemon threads.
 *
 * <p>Waits take a hang guard: a generous limit that only turns a hang into a clear failure, never a
 * speed assertion. Always use it in try-with-resources: {@link #close()} kills what is left.
 */
public final class ChildJvm implements AutoCloseable {

    /** For waits that should take seconds: far beyond any slow machine, still short of a CI timeout. */
    public static final Duration HANG_GUARD = Duration.ofSeconds(120);

    private static final String END = new String("end of stream"); // compared by identity

    private final Process process;
    private final String description;
    private final Stream out;
    private final Stream err;

    private ChildJvm(Process process, String description) {
        this.process = process;
        this.description = description;
        this.out = new Stream(process.getInputStream(), "stdout");
        this.err = new Stream(process.getErrorStream(), "stderr");
    }

    /**
     * Starts {@code java [jvmOptions] -cp <test classpath> mainClass args...} in workingDir. In Surefire
     * the test classpath is the system property surefire.test.class.path (java.class.path is then only
     * Surefire's booter jar); elsewhere (an IDE) it is java.class.path.
     */
    public static ChildJvm start(Path workingDir, List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(testClasspath());
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(workingDir.toFile()).start();
            return new ChildJvm(process, mainClass + " " + String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** {@code parley ARGS...} ({@link org.parley.cli.Main}) in a child JVM. */
    public static ChildJvm parley(Path workingDir, List<String> jvmOptions, String... args) {
        return start(workingDir, jvmOptions, "org.parley.cli.Main", args);
    }

    public static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    public Process process() {
        return process;
    }

    /**
     * The next stderr line that matches, skipping the others; fails if stderr ends first or nothing
     * matches within the hang guard.
     */
    public String awaitErrLine(Predicate<String> wanted, Duration hangGuard) {
        return err.awaitLine(wanted, hangGuard);
    }

    /** The next stdout line that matches, as {@link #awaitErrLine}. */
    public String awaitOutLine(Predicate<String> wanted, Duration hangGuard) {
        return out.awaitLine(wanted, hangGuard);
    }

    /** Sends one line to the child's stdin. */
    public void sendLine(String line) {
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + description, e);
        }
    }

    /** Closes the child's stdin (end of input). */
    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /**
     * The exit status, once the process has ended and its output has been read to the end; fails with
     * the output so far if it has not ended within the hang guard (the process is then killed).
     */
    public int awaitExit(Duration hangGuard) {
        try {
            if (!process.waitFor(hangGuard.toMillis(), TimeUnit.MILLISECONDS)) {
                String pid = String.valueOf(process.pid());
                kill();
                fail(description + " (pid " + pid + ") did not exit within " + hangGuard.toSeconds()
                        + " s (hang guard, not a speed limit); it was killed. stdout: " + out.text() + " stderr: "
                        + err.text());
            }
            out.drained(hangGuard);
            err.drained(hangGuard);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL on Linux ({@link Process#destroyForcibly()}), then waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything read from stdout so far. */
    public String stdout() {
        return out.text();
    }

    /** Everything read from stderr so far. */
    public String stderr() {
        return err.text();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** One output stream of the child, read by a daemon thread into a queue and a transcript. */
    private static final class Stream {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuffer text = new StringBuffer();
        private final Thread reader;
        private boolean ended;

        Stream(InputStream input, String name) {
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        text.append(line).append('\n');
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // the process is gone: end of stream
                } finally {
                    lines.add(END);
                }
            }, "child-jvm-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        String awaitLine(Predicate<String> wanted, Duration hangGuard) {
            long deadline = System.nanoTime() + hangGuard.toNanos();
            try {
                while (!ended) {
                    long left = deadline - System.nanoTime();
                    String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (line == null) {
                        fail("no matching line within " + hangGuard.toSeconds()
                                + " s (hang guard, not a speed limit); output so far: " + text);
                    }
                    if (line == END) {
                        ended = true;
                    } else if (wanted.test(line)) {
                        return line;
                    }
                }
                return fail("the output ended without a matching line; it was: " + text);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void drained(Duration hangGuard) throws InterruptedException {
            reader.join(hangGuard.toMillis());
        }

        String text() {
            return text.toString();
        }
    }
}
