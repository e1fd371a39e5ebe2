package dev.iolab.loadtest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iolab.loadtest.server.ServerSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
     * of each row's representative round, so the figures over time show that round alone. With a baseline, each
     * number's change against that earlier run.
     */
    public static void write(
            Path runDir, RunInfo run, Repeats repeats, Map<String, List<ServerSample>> samples, BaselineDiff baseline)
            throws IOException {
        List<Timeline> shown = new ArrayList<>();
        Map<String, List<Timeline>> rounds = new LinkedHashMap<>();
        for (ResultRow r : repeats.rows()) {
            Timeline t = timeline(r, samples.getOrDefault(Repeats.key(r), List.of()), runDir);
            if (t != null) {
                shown.add(t);
                rounds.put(Repeats.key(r), List.of(t));
            }
        }
        write(runDir, run, repeats, shown, rounds, baseline, null);
    }

    /**
     * As above with every round's samples ({@code samplesPerRound.get(i)}: round i + 1's, by {@link Timeline#key}):
     * the figures over time draw the representative round's line and the min-max band of all rounds around it.
     */
    public static void write(
            Path runDir,
            RunInfo run,
            Repeats repeats,
            List<Map<String, List<ServerSample>>> samplesPerRound,
            BaselineDiff baseline)
            throws IOException {
        write(runDir, run, repeats, samplesPerRound, baseline, null);
    }

    /** As above, with the resilience section of {@code --chaos} when given (in all three: JSON, Markdown, HTML). */
    public static void write(
            Path runDir,
            RunInfo run,
            Repeats repeats,
            List<Map<String, List<ServerSample>>> samplesPerRound,
            BaselineDiff baseline,
            dev.iolab.loadtest.chaos.Resilience resilience)
            throws IOException {
        List<Timeline> shown = new ArrayList<>();
        Map<String, List<Timeline>> rounds = new LinkedHashMap<>();
        for (ResultRow r : repeats.rows()) {
            String key = Repeats.key(r);
            List<ResultRow> each = repeats.eachRound(r);
            int representative = repeats.representativeRound(r) - 1;
            List<Timeline> of = new ArrayList<>();
            for (int i = 0; i < each.size(); i++) {
                if (each.get(i) == null) {
                    continue; // a round that failed this row
                }
                List<ServerSample> samples =
                        i < samplesPerRound.size() ? samplesPerRound.get(i).getOrDefault(key, List.of()) : List.of();
                Timeline t = timeline(each.get(i), samples, runDir);
                if (t == null) {
                    continue;
                }
                of.add(t);
                if (i == representative) {
                    shown.add(t);
                }
            }
            rounds.put(key, of);
        }
        write(runDir, run, repeats, shown, rounds, baseline, resilience);
    }

    /** The row's timeline, or null when its records cannot be read (its totals stand without a figure over time). */
    private static Timeline timeline(ResultRow row, List<ServerSample> samples, Path runDir) {
        try {
            return Timeline.of(row, samples, runDir);
        } catch (IOException e) {
            System.err.println(
                    "report: no timeline for " + row.target() + " " + row.scenario() + ": " + e.getMessage());
            return null;
        }
    }

    private static void write(
            Path runDir,
            RunInfo run,
            Repeats repeats,
            List<Timeline> timelines,
            Map<String, List<Timeline>> rounds,
            BaselineDiff baseline,
            dev.iolab.loadtest.chaos.Resilience resilience)
            throws IOException {
        Files.createDirectories(runDir);
        ComparisonJson.write(runDir.resolve("comparison.json"), run, repeats, baseline, resilience);
        Files.writeString(
                runDir.resolve("comparison.md"),
                ComparisonTable.markdown(run, repeats, baseline)
                        + (resilience == null ? "" : ResilienceSection.markdown(resilience)));
        TIMELINE_JSON.writeValue(runDir.resolve("timeline.json").toFile(), timelines);
        List<Charts.Chart> charts = Charts.draw(runDir.resolve("charts"), repeats, timelines, rounds);
        Files.writeString(runDir.resolve("index.html"), HtmlReport.render(run, repeats, charts, baseline, resilience));
        Path latest = runDir.getParent().resolve("latest");
        Files.deleteIfExists(latest);
        // relative, so the results folder can be moved or archived whole
        Files.createSymbolicLink(latest, runDir.getFileName());
    }
}
