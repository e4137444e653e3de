package org.parley.serve;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadException;
import org.parley.load.LoadedKnowledgeBase;

/**
 * What the browser tests share: the project's knowledge base served on a free port of this machine
 * (with the query library), started once per test class and closed after it (a static
 * {@code @AutoClose} field), and a headless Chromium for each test. Where Chromium is missing
 * nothing is loaded ({@code kb} and {@code server} are null) and every test is skipped with the
 * reason, {@code missingBrowser} ({@link HeadlessChromium#missing}).
 */
public record BrowserTestServer(String missingBrowser, LoadedKnowledgeBase kb, ParleyServer server) implements AutoCloseable {

    /** Serves the project in the working directory; {@code test} names the test class if it is skipped. */
    public static BrowserTestServer start(String test) throws LoadException {
        String missing = HeadlessChromium.missing(test);
        if (missing != null) {
            return new BrowserTestServer(missing, null, null);
        }
        Path project = Path.of("").toAbsolutePath();
        LoadedKnowledgeBase kb = KnowledgeBaseLoader.load(project);
        try {
            return new BrowserTestServer(null, kb, ParleyServer.start(kb.dataset(), ServeOptions.builder()
                    .host("127.0.0.1").port(0).queriesDir(project.resolve("queries")).build()));
        } catch (RuntimeException e) {
            kb.close();
            throw e;
        }
    }

    /** A browser with a window of this size (e.g. "1400,900"), or the test skipped where Chromium is missing. */
    public HeadlessChromium browser(String windowSize) throws IOException {
        Assumptions.assumeTrue(missingBrowser == null, missingBrowser);
        return HeadlessChromium.start(windowSize);
    }

    @Override
    public void close() {
        TestServers.stop(server, kb);
    }
}
