package dev.iolab.loadtest.runner;

import dev.iolab.loadtest.chaos.ChaosRun;
import dev.iolab.loadtest.chaos.Resilience;
import dev.iolab.loadtest.report.Baseline;
import dev.iolab.loadtest.report.BaselineDiff;
import dev.iolab.loadtest.report.BaselineSection;
import dev.iolab.loadtest.report.Repeats;
import dev.iolab.loadtest.report.ReportWriter;
import dev.iolab.loadtest.report.ResultRow;
import dev.iolab.loadtest.report.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code ./iolab compare}: runs the comparison and writes {@code results/<run-id>/} (JSON, Markdown, HTML with
 * charts, Gatling's reports), points {@code results/latest} at it and prints the table.
 */
public final class CompareCommand {

    private CompareCommand() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs a comparison; returns the process exit code (0 when at least one row was measured). */
    public static int run(String... args) throws Exception {
        CompareOptions options;
        try {
            options = CompareOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("iolab compare: " + e.getMessage());
            System.err.print(CompareOptions.usage());
            return 2;
        }
        if (options.engine().equals("wrk") && !WrkEngine.available()) {
            System.err.println("iolab compare: --engine wrk needs wrk on the PATH (Debian: apt-get install wrk)");
            return 2;
        }
        if (options.syscalls() && !dev.iolab.loadtest.anatomy.StracePass.available()) {
            System.err.println("iolab compare: --syscalls needs strace on the PATH (Debian: apt-get install strace)");
            return 2;
        }
        // read before the run: a wrong --baseline should cost seconds, not the whole run
        Baseline baseline = null;
        if (options.baseline() != null) {
            try {
                baseline = Baseline.read(options.baseline());
            } catch (IllegalArgumentException e) {
                System.err.println("iolab compare: " + e.getMessage());
                return 2;
            }
        }
        Instant started = Instant.now();
        String loadBefore = RunContext.loadAverage();
        String id = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(started);
        Path runDir = options.resultsDir().resolve(id);
        Files.createDirectories(runDir);
        int cpus = Runtime.getRuntime().availableProcessors();
        CpuPinning pinning = CpuPinning.decide(options.cpusTarget(), options.cpusLoad(), options.pin(), cpus);
        pinning.pinThisProcess();
        System.err.println("iolab compare: run " + id + ", " + pinning.note() + ", warm-up "
                + options.warmup().toSeconds() + " s + " + options.duration().toSeconds()
                + " s per scenario"
                + (options.repeat() > 1 ? ", " + options.repeat() + " alternating rounds" : "")
                + (baseline != null ? ", against baseline " + baseline.id() : "")
                + "; results in " + runDir);

        Comparison comparison = new Comparison(options, pinning, runDir, cpus);
        Repeats repeats = Repeats.of(comparison.run());
        List<ResultRow> rows = repeats.rows();
        // after the measurements, so the attacks and kills never disturb a number the comparison reports
        Resilience resilience = options.chaos()
                ? new ChaosRun(options, pinning, runDir.resolve("logs").resolve("chaos")).run(comparison.targets())
                : null;
        RunContext.noteBusyMachine(loadBefore, cpus, comparison.notes());
        RunInfo info = RunContext.describe(id, started, options, pinning, cpus, comparison.notes());
        info.machine().put("load_average_before", loadBefore);
        BaselineDiff diff = baseline == null ? null : BaselineDiff.of(baseline, repeats);
        ReportWriter.write(runDir, info, repeats, comparison.samplesPerRound(), diff, resilience);
        deleteWork(runDir.resolve(".work"));

        System.out.println();
        System.out.print(dev.iolab.loadtest.report.ComparisonTable.table(rows));
        System.out.println("\nHow each model waits:");
        System.out.print(dev.iolab.loadtest.report.AnatomyTable.markdown(rows));
        System.out.print("\n" + dev.iolab.loadtest.report.ComparisonTable.findings(rows));
        System.out.println("\n" + dev.iolab.loadtest.report.ComparisonTable.rounds(repeats.rounds()));
        if (diff != null) {
            System.out.println("\n" + BaselineSection.summary(diff));
        }
        if (resilience != null) {
            System.out.print(dev.iolab.loadtest.report.ResilienceSection.markdown(resilience));
        }
        comparison.notes().forEach(n -> System.out.println("note: " + n));
        System.out.println("\nreport: " + runDir.resolve("index.html") + "  (also comparison.json, comparison.md; "
                + options.resultsDir().resolve("latest") + " points here)");
        return rows.isEmpty() ? 1 : 0;
    }

    private static void deleteWork(Path work) throws java.io.IOException {
        if (Files.exists(work)) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
