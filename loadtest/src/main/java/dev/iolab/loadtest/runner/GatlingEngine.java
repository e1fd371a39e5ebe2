package dev.iolab.loadtest.runner;

import io.gatling.app.Gatling$;
import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.shared.cli.GatlingCliOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import scala.Option;

/**
 * Runs one Gatling simulation in this JVM (Gatling's own entry point, {@code Gatling.fromArgs}) and reads the
 * numbers back from that run's simulation.log with Gatling's own log reader: no second client, no re-counting.
 */
public final class GatlingEngine {

    /** A finished run: Gatling's exit status, its numbers, and the folder holding simulation.log and the report. */
    public record Run(int status, ClientNumbers numbers, Path runDirectory) {
        public boolean assertionsFailed() {
            return status != 0;
        }
    }

    /**
     * Runs {@code simulationClass} with {@code properties} set as system properties, writing under {@code resultsFolder}
     * (which must be new or empty); console output goes to {@code consoleLog}.
     */
    public Run run(
            String simulationClass,
            Map<String, String> properties,
            Path resultsFolder,
            boolean reports,
            Path consoleLog) {
        properties.forEach(System::setProperty);
        List<String> args = new ArrayList<>(List.of(
                GatlingCliOptions.Simulation.longOption(),
                simulationClass,
                GatlingCliOptions.ResultsFolder.longOption(),
                resultsFolder.toAbsolutePath().toString(),
                GatlingCliOptions.Launcher.longOption(),
                "iolab"));
        if (!reports) {
            args.add(GatlingCliOptions.NoReports.longOption());
        }
        try {
            Files.createDirectories(resultsFolder);
            int status = ConsoleCapture.install()
                    .into(consoleLog, () -> Gatling$.MODULE$.fromArgs(args.toArray(String[]::new)));
            Path runDirectory = latestRun(resultsFolder);
            return new Run(status, read(runDirectory), runDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Gatling run failed: " + e.getMessage(), e);
        }
    }

    /** Writes Gatling's HTML report for a finished run (kept out of the measured window: it is CPU-heavy). */
    public void report(Path runDirectory, Path consoleLog) {
        try {
            ConsoleCapture.install()
                    .into(
                            consoleLog,
                            () -> Gatling$.MODULE$.fromArgs(new String[] {
                                GatlingCliOptions.ReportsOnly.longOption(),
                                        runDirectory.getFileName().toString(),
                                GatlingCliOptions.ResultsFolder.longOption(),
                                        runDirectory
                                                .getParent()
                                                .toAbsolutePath()
                                                .toString(),
                                GatlingCliOptions.Launcher.longOption(), "iolab"
                            }));
        } catch (Exception e) {
            throw new IllegalStateException("Gatling report failed: " + e.getMessage(), e);
        }
    }

    /** Gatling's own numbers for the run in {@code runDirectory} (the folder holding simulation.log). */
    public static ClientNumbers read(Path runDirectory) {
        GatlingConfiguration configuration = GatlingConfiguration.load();
        LogFileData data = LogFileReader.apply(
                        runDirectory.getFileName().toString(), runDirectory.getParent(), configuration)
                .read();
        GeneralStats all = stats(data, Option.empty());
        if (all == null) {
            return ClientNumbers.NONE;
        }
        GeneralStats ok = stats(data, Option.apply(OK$.MODULE$));
        GeneralStats ko = stats(data, Option.apply(KO$.MODULE$));
        double seconds = (data.runInfo().injectEnd() - data.runInfo().injectStart()) / 1000.0;
        return new ClientNumbers(
                all.count(),
                ok == null ? 0 : ok.count(),
                ko == null ? 0 : ko.count(),
                all.meanRequestsPerSec(),
                percentile(all, 50),
                percentile(all, 90),
                percentile(all, 99),
                percentile(all, 99.9),
                all.max(),
                seconds);
    }

    private static GeneralStats stats(LogFileData data, Option<Status> status) {
        Option<GeneralStats> stats = data.requestGeneralStats(Option.empty(), Option.empty(), status);
        return stats.isDefined() ? stats.get() : null;
    }

    private static double percentile(GeneralStats stats, double percent) {
        return ((Number) stats.percentile().apply(percent)).doubleValue();
    }

    private static Path latestRun(Path resultsFolder) throws IOException {
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            return runs.filter(p -> Files.exists(p.resolve("simulation.log")))
                    .max((a, b) ->
                            Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(
                            () -> new IllegalStateException("Gatling wrote no simulation.log under " + resultsFolder));
        }
    }
}
