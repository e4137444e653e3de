package org.parley.serve;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests, driven by its own chromedriver (fixed paths,
 * so Selenium Manager never downloads anything), with a fresh profile that is deleted on close.
 * Where Chromium is missing the tests are skipped with the reason, except under {@code CI=true},
 * where {@code .ci/run} installs it and its absence is a failure.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the screenshots are left, for a person to look at the pages after a build. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Why the browser tests cannot run here, or null when they can; fails under {@code CI=true}.
     * {@code test} names the test class in the line printed when it is skipped.
     */
    public static String missing(String test) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return null;
        }
        String reason = "Chromium not found (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): install with `apt-get install -y chromium chromium-driver` to run the browser test";
        if ("true".equals(System.getenv("CI"))) {
            fail(reason + " (CI=true: the browser test must run)");
        }
        // Each test is then reported as skipped with this reason (an abort in @BeforeAll would make
        // Surefire count "Tests run: 0" and say nothing).
        System.err.println(test + " skipped: " + reason);
        return reason;
    }

    /** A browser with a window of this size, e.g. "1400,900". */
    public static HeadlessChromium start(String windowSize) throws IOException {
        Path profile = Files.createTempDirectory("parley-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=" + windowSize,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves what the browser shows now as {@code target/screenshots/NAME}. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
