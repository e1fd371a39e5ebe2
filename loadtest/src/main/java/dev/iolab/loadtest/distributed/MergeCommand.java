package dev.iolab.loadtest.distributed;

import dev.iolab.loadtest.runner.GatlingEngine;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.stats.writer.RecordHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code MergeCommand <output-dir> <shard>...}: one Gatling report from the shares of a distributed load run.
 * A shard is a simulation.log, a load pod's console log ({@code kubectl logs}, see {@link PodLog}), or a folder
 * holding {@code simulation-*.log} or {@code pod-*.log} files. Writes {@code <output-dir>/merged/simulation.log}
 * and Gatling's report next to it, then prints the totals as the report states them.
 */
public final class MergeCommand {

    /** The merged run: what each shard brought, and the totals read back from the finished report. */
    public record Merged(Path reportDirectory, List<LogMerger.ShardCount> shards, ReportTotals totals) {}

    private MergeCommand() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MergeCommand <output-dir> <simulation.log | pod log | folder>...");
            System.exit(2);
        }
        List<Path> inputs = Stream.of(args).skip(1).map(Path::of).toList();
        Merged merged = merge(inputs, Path.of(args[0]));
        for (LogMerger.ShardCount shard : merged.shards()) {
            System.out.printf(
                    "shard %s: %d requests (%d OK, %d KO)%n",
                    shard.log().getFileName(), shard.requests(), shard.ok(), shard.ko());
        }
        System.out.printf(
                "merged %d shards: %d requests (%d OK, %d KO)%nreport: %s%n",
                merged.shards().size(),
                merged.totals().requests(),
                merged.totals().ok(),
                merged.totals().ko(),
                merged.reportDirectory().resolve("index.html").toAbsolutePath());
    }

    /** Merges the shards found in {@code inputs} under {@code output} (new or empty) and writes the report. */
    public static Merged merge(List<Path> inputs, Path output) throws IOException {
        Path shardsDir = Files.createDirectories(output.resolve("shards"));
        List<Path> logs = new ArrayList<>();
        for (Path file : shardFiles(inputs)) {
            logs.add(
                    isSimulationLog(file)
                            ? file
                            : PodLog.extract(file, shardsDir.resolve("simulation-" + logs.size() + ".log")));
        }
        Path reportDirectory = output.resolve("merged");
        List<LogMerger.ShardCount> counts = LogMerger.merge(
                logs,
                reportDirectory.resolve("simulation.log"),
                GatlingConfiguration.load().data().zoneId());
        new GatlingEngine().report(reportDirectory, output.resolve("report-console.log"));
        return new Merged(reportDirectory, counts, ReportTotals.read(reportDirectory));
    }

    /** Files as given, folders replaced by their shard files in name order. */
    private static List<Path> shardFiles(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> children = Files.list(input)) {
                    List<Path> found = children.filter(Files::isRegularFile)
                            .filter(p -> {
                                String name = p.getFileName().toString();
                                return name.endsWith(".log")
                                        && (name.startsWith("simulation-") || name.startsWith("pod-"));
                            })
                            .sorted()
                            .toList();
                    if (found.isEmpty()) {
                        throw new IOException(input + " holds no simulation-*.log or pod-*.log");
                    }
                    files.addAll(found);
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new IOException("no such shard: " + input);
            }
        }
        return files;
    }

    /** A binary simulation.log starts with Gatling's run record header; anything else is read as console text. */
    private static boolean isSimulationLog(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == Byte.toUnsignedInt(RecordHeader.Run$.MODULE$.value());
        }
    }
}
