package dev.iolab.loadtest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iolab.loadtest.server.ServerSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a run's folder: comparison.json, comparison.md, timeline.json, charts/*.svg, index.html, and moves results/latest to it. */
public final class ReportWriter {

    private static final ObjectMapper TIMELINE_JSON = new ObjectMapper();

    private ReportWriter() {}

    public static void write(Path runDir, RunInfo run, List<ResultRow> rows) throws IOException {
        write(runDir, run, rows, Map.of());
    }

    /**
     * As above, with each row's 200 ms server samples (by {@link Timeline#key}) for the figures over time, which
     * also go to timeline.json (comparison.json keeps its one object per row).
     */
    public static void write(Path runDir, RunInfo run, List<ResultRow> rows, Map<String, List<ServerSample>> samples)
            throws IOException {
        write(runDir, run, Repeats.single(rows), samples, null);
    }

    /**
     * A run of one or more rounds: every number the median of its rounds, with its spread; {@code samples} are those
     * of each row's representative round. With a baseline, each number's change against that earlier run.
     */
    public static void write(
            Path runDir, RunInfo run, Repeats repeats, Map<String, List<ServerSample>> samples, BaselineDiff baseline)
            throws IOException {
        write(runDir, run, repeats, samples, baseline, null);
    }

    /** As above, with the resilience section of {@code --chaos} when given (in all three: JSON, Markdown, HTML). */
    public static void write(
            Path runDir,
            RunInfo run,
            Repeats repeats,
            Map<String, List<ServerSample>> samples,
            BaselineDiff baseline,
            dev.iolab.loadtest.chaos.Resilience resilience)
            throws IOException {
        List<ResultRow> rows = repeats.rows();
        Files.createDirectories(runDir);
        ComparisonJson.write(runDir.resolve("comparison.json"), run, repeats, baseline, resilience);
        Files.writeString(
                runDir.resolve("comparison.md"),
                ComparisonTable.markdown(run, repeats, baseline)
                        + (resilience == null ? "" : ResilienceSection.markdown(resilience)));
        List<Timeline> timelines = new ArrayList<>();
        for (ResultRow r : rows) {
            try {
                timelines.add(Timeline.of(
                        r, samples.getOrDefault(Timeline.key(r.target(), r.scenario(), r.users()), List.of()), runDir));
            } catch (IOException e) {
                // a row without readable records has no figure over time; its totals stand
                System.err.println(
                        "report: no timeline for " + r.target() + " " + r.scenario() + ": " + e.getMessage());
            }
        }
        TIMELINE_JSON.writeValue(runDir.resolve("timeline.json").toFile(), timelines);
        List<Charts.Chart> charts = Charts.draw(runDir.resolve("charts"), repeats, timelines);
        Files.writeString(runDir.resolve("index.html"), HtmlReport.render(run, repeats, charts, baseline, resilience));
        Path latest = runDir.getParent().resolve("latest");
        Files.deleteIfExists(latest);
        // relative, so the results folder can be moved or archived whole
        Files.createSymbolicLink(latest, runDir.getFileName());
    }
}
