package dev.iolab.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.tools.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * index.html as a person sees it: headless Chromium loads the page from disk (offline) and logs every console
 * message to stderr; there must be none, and every chart the page shows must be on disk beside it. Without
 * Chromium it is skipped saying what to install, and fails under {@code CI=true} ({@link RequiredTool}).
 */
class IndexHtmlChromiumIT {

    @Test
    void indexHtmlRendersInHeadlessChromiumWithoutConsoleErrors(@TempDir Path dir) throws Exception {
        Path chromium = RequiredTool.onPath(
                "apt-get install chromium (./iolab verify does)", "chromium", "chromium-browser", "google-chrome");
        Path runDir = dir.resolve("results").resolve("20260101-000000");
        ReportWriter.write(runDir, ReportWriterTests.run(), ReportWriterTests.rows());
        Path index = runDir.resolve("index.html");
        String html = Files.readString(index);
        assertThat(ReportWriterTests.referencedChartsParseAsSvg(runDir, html)).isGreaterThanOrEqualTo(6);

        Path stderr = dir.resolve("chromium.stderr");
        Process p = new ProcessBuilder(
                        chromium.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + dir.resolve("profile"),
                        "--enable-logging=stderr",
                        "--v=0",
                        "--dump-dom",
                        index.toUri().toString())
                .redirectError(stderr.toFile())
                .start();
        String dom = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue())
                .as("chromium exit code; stderr:%n%s", Files.readString(stderr))
                .isZero();

        assertThat(dom)
                .contains("iolab comparison 20260101-000000", "<table>", "mvc-platform", "charts/throughput.svg");
        List<String> console = Files.readAllLines(stderr).stream()
                .filter(l -> l.contains(":CONSOLE"))
                .toList();
        assertThat(console).as("console messages of index.html").isEmpty();
    }
}
