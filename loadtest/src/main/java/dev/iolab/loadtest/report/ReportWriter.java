package dev.iolab.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's folder: comparison.json, comparison.md, charts/*.svg, index.html, and moves results/latest to it. */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static void write(Path runDir, RunInfo run, List<ResultRow> rows) throws IOException {
        Files.createDirectories(runDir);
        ComparisonJson.write(runDir.resolve("comparison.json"), run, rows);
        Files.writeString(runDir.resolve("comparison.md"), ComparisonTable.markdown(run, rows));
        List<Charts.Chart> charts = Charts.draw(runDir.resolve("charts"), rows);
        Files.writeString(runDir.resolve("index.html"), HtmlReport.render(run, rows, charts));
        Path latest = runDir.getParent().resolve("latest");
        Files.deleteIfExists(latest);
        // relative, so the results folder can be moved or archived whole
        Files.createSymbolicLink(latest, runDir.getFileName());
    }
}
