package dev.iolab.loadtest.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.launch.JvmProcess;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.MetricNames;
import dev.iolab.contract.Target;
import dev.iolab.loadtest.runner.TargetProcess;
import dev.iolab.loadtest.server.ServerWatch;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The distributed load of the Kubernetes Job, on one machine: three separate load JVMs run {@link ShardCommand}
 * exactly as the Job's pods do (same main class, environment, classpath layout and common start instant) against
 * one real target; their console logs are merged as {@code ./iolab k8s compare} merges {@code kubectl logs}, and
 * the one report must count what the target counted.
 */
class DistributedMergeIT {

    private static final Path ROOT = Path.of(System.getProperty("iolab.repo.root", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Target TARGET = Target.PLAIN_EPOLL;
    private static final int SHARDS = 3;
    /** Open model: iterations per second over all shards; each echo iteration is a GET and a 64 KiB POST. */
    private static final int RATE = 60;

    private static final int SECONDS = 10;
    private static final long EXPECTED_REQUESTS = 2L * RATE * SECONDS;
    private static final Pattern DONE = Pattern.compile("share (\\d+) done: (\\d+) requests");
    private static final Pattern WAITS = Pattern.compile("iolab: injection waits (\\d+) ms");
    /** Enough for three Gatling JVMs to boot at once on two busy cores (measured: 25 to 40 s at load 15). */
    private static final int LEAD_SECONDS = 40;

    @Test
    void threeLoadProcessesMergeIntoOneReportCountingWhatTheServerCounted() throws Exception {
        Path work = Path.of("target", "distributed-merge-it").toAbsolutePath();
        deleteRecursively(work);
        Path podLogs = Files.createDirectories(work.resolve("pod-logs"));
        Path jar = ROOT.resolve("loadtest/target/loadtest.jar");
        assertThat(jar)
                .as("the load image's jar (built by package, before failsafe)")
                .isRegularFile();
        assertThat(TARGET.module().jar(ROOT))
                .as("the target's jar: build it with -pl %s", TARGET.module().directory())
                .isRegularFile();

        try (TargetProcess target = TargetProcess.launch(TARGET, ROOT, List.of(), work.resolve("target.log"))) {
            double before = echoCount(target);
            // each share's injection waits for this instant (a share whose Gatling boots later starts at once)
            Instant startAt = Instant.now().plusSeconds(LEAD_SECONDS).truncatedTo(ChronoUnit.SECONDS);
            List<JvmProcess> shards = new ArrayList<>();
            try {
                for (int index = 0; index < SHARDS; index++) {
                    shards.add(startShard(
                            index, target.baseUrl(), startAt, work, podLogs.resolve("pod-" + index + ".log")));
                }
                for (int index = 0; index < SHARDS; index++) {
                    Process shard = shards.get(index).process();
                    assertThat(shard.waitFor(2, TimeUnit.MINUTES))
                            .as("shard %d finished", index)
                            .isTrue();
                    assertThat(shard.exitValue())
                            .as(
                                    "shard %d exit status; its log: %s",
                                    index, Files.readString(podLogs.resolve("pod-" + index + ".log")))
                            .isZero();
                }
            } finally {
                shards.forEach(JvmProcess::close); // ends any shard still running when an assertion failed
            }
            long server = Math.round(echoCount(target) - before);

            MergeCommand.Merged merged = MergeCommand.merge(List.of(podLogs), work.resolve("report"));

            Map<Integer, Long> said = new TreeMap<>();
            boolean allReadyInTime = true;
            for (int index = 0; index < SHARDS; index++) {
                String log = Files.readString(podLogs.resolve("pod-" + index + ".log"));
                Matcher waits = WAITS.matcher(
                        Files.readString(work.resolve("results-" + index + "/console-" + index + ".log")));
                assertThat(waits.find())
                        .as("shard %d's simulation saw the common start", index)
                        .isTrue();
                allReadyInTime &= Long.parseLong(waits.group(1)) > 0;
                Matcher done = DONE.matcher(log);
                assertThat(done.find()).as("shard %d reported its count", index).isTrue();
                said.put(index, Long.parseLong(done.group(2)));
            }
            List<Long> perShard =
                    merged.shards().stream().map(LogMerger.ShardCount::requests).toList();
            List<Long> lateMs = merged.shards().stream()
                    .map(s -> s.firstRequest() - startAt.toEpochMilli())
                    .toList();
            System.out.printf(
                    "DistributedMergeIT: first requests %s ms after the common start; shards said %s, merged per"
                            + " shard %s, report total %d (OK %d, KO %d), server %d, expected %d; report %s%n",
                    lateMs,
                    said.values(),
                    perShard,
                    merged.totals().requests(),
                    merged.totals().ok(),
                    merged.totals().ko(),
                    server,
                    EXPECTED_REQUESTS,
                    merged.reportDirectory().resolve("index.html"));

            // no share began before the common start, and shares whose Gatling was up in time began together
            assertThat(lateMs).allSatisfy(late -> assertThat(late).isNotNegative());
            if (allReadyInTime) {
                assertThat(Collections.max(lateMs) - Collections.min(lateMs))
                        .as("spread of the shares' first requests (ms)")
                        .isLessThanOrEqualTo(2000);
            } else {
                System.out.println("DistributedMergeIT: a shard's Gatling was not up within " + LEAD_SECONDS
                        + " s, so it started late and the start spread was not checked this time");
            }
            // every shard is in the merge, with the count its own Gatling read from its own log
            assertThat(perShard).hasSize(SHARDS).allSatisfy(n -> assertThat(n).isPositive());
            assertThat(perShard).containsExactlyElementsOf(said.values());
            assertThat(merged.shards())
                    .allSatisfy(s -> assertThat(s.ko()).as("KO in %s", s.log()).isZero());
            // the report states the sum, which is what the scenario sends and what the target served
            assertThat(merged.totals().requests())
                    .isEqualTo(perShard.stream().mapToLong(Long::longValue).sum());
            assertThat(merged.totals().requests()).isEqualTo(EXPECTED_REQUESTS);
            assertThat(merged.totals().ko()).isZero();
            assertThat(merged.totals().ok()).isEqualTo(merged.totals().requests());
            assertThat(Math.abs(merged.totals().requests() - server))
                    .as("report %d vs server %d within 1%%", merged.totals().requests(), server)
                    .isLessThanOrEqualTo(server / 100);
            assertThat(merged.reportDirectory().resolve("index.html")).isRegularFile();
        }
    }

    /**
     * One pod of the Job, by the one launcher: the image's java command line and the environment the Job's template
     * sets (the ports the launcher picks are not used: a load JVM serves nothing).
     */
    private static JvmProcess startShard(int index, String baseUrl, Instant startAt, Path work, Path podLog)
            throws IOException {
        String classpath = ROOT.resolve("loadtest/target/loadtest.jar") + File.pathSeparator
                + ROOT.resolve("loadtest/target/lib") + File.separator + "*";
        List<String> command = List.of(
                JvmProcess.java(),
                "--enable-native-access=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Djava.awt.headless=true",
                "-cp",
                classpath,
                ShardCommand.class.getName());
        return JvmProcess.command("load-shard-" + index, (port, management) -> command)
                .environment(Map.of(
                        "JOB_COMPLETION_INDEX", Integer.toString(index),
                        "IOLAB_LOAD_SHARDS", Integer.toString(SHARDS),
                        "IOLAB_LOAD_SCENARIO", "echo",
                        "IOLAB_LOAD_TARGET", TARGET.id(),
                        "IOLAB_LOAD_BASE_URL", baseUrl,
                        "IOLAB_LOAD_RATE", Integer.toString(RATE),
                        "IOLAB_LOAD_DURATION_SECONDS", Integer.toString(SECONDS),
                        "IOLAB_LOAD_START_AT", startAt.toString(),
                        "IOLAB_LOAD_RESULTS", work.resolve("results-" + index).toString()))
                .log(podLog)
                .start();
    }

    /** What the target counted on the echo endpoint (GET and POST). */
    private static double echoCount(TargetProcess target) {
        return ServerWatch.scrape(target.baseUrl())
                .sum(
                        MetricNames.HTTP_SERVER_REQUESTS_PROMETHEUS + "_count",
                        labels -> Endpoints.ECHO.equals(labels.get(MetricNames.TAG_URI)));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
