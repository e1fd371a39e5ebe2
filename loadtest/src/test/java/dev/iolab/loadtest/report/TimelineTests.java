package dev.iolab.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.loadtest.server.ServerSample;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.commons.util.GatlingVersion$;
import io.gatling.core.stats.writer.BufferedFileChannelWriter;
import io.gatling.core.stats.writer.DataWriterMessage$LoadEvent$Error;
import io.gatling.core.stats.writer.DataWriterMessage$LoadEvent$Response;
import io.gatling.core.stats.writer.DataWriterMessage$LoadEvent$User;
import io.gatling.core.stats.writer.ErrorMessageSerializer;
import io.gatling.core.stats.writer.ResponseMessageSerializer;
import io.gatling.core.stats.writer.RunMessage;
import io.gatling.core.stats.writer.RunMessageSerializer;
import io.gatling.core.stats.writer.UserMessageSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import scala.Tuple3;
import scala.collection.immutable.List$;

/** The figures over time: Gatling's records per second and the 200 ms samples turned into rates, on one clock. */
class TimelineTests {

    static final long T0 = 1_767_225_600_000L;

    @TempDir
    Path dir;

    @Test
    void gatlingRecordsBecomeRequestsAndPercentilesPerSecond() throws IOException {
        Path log = simulationLog(dir.resolve("run/simulation.log"), T0);
        List<ClientSeconds.Second> seconds = ClientSeconds.read(log, T0 + 500);
        // second 0 (T0+500 .. T0+1500): 100 requests of 1..100 ms; second 1: 3 requests of 200 ms (one KO counts too);
        // the last second (2) is partial and left out
        assertThat(seconds).extracting(ClientSeconds.Second::second).containsExactly(0, 1);
        assertThat(seconds.get(0).requests()).isEqualTo(100);
        assertThat(seconds.get(0).p50Ms()).isEqualTo(50);
        assertThat(seconds.get(0).p99Ms()).isEqualTo(99);
        assertThat(seconds.get(1).requests()).isEqualTo(3);
        assertThat(seconds.get(1).p99Ms()).isEqualTo(200);
    }

    @Test
    void samplesBecomeCpuCoresAndGcMillisPerSecond() {
        List<ServerSample> samples = List.of(
                new ServerSample(T0, 10.0, 100L << 20, 20, 30, 1.0),
                new ServerSample(T0 + 200, 10.1, 110L << 20, 22, 31, null),
                new ServerSample(T0 + 1000, 10.5, 120L << 20, 25, 40, 1.05));
        List<Timeline.Point> points = Timeline.points(samples);
        assertThat(points).hasSize(2);
        assertThat(points.get(0).t()).isEqualTo(0.2);
        assertThat(points.get(0).cpuCores()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(points.get(0).rssMb()).isEqualTo(110);
        assertThat(points.get(0).gcMsPerSecond()).isNull();
        assertThat(points.get(1).cpuCores()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        // 50 ms of pauses over the second since the previous scrape
        assertThat(points.get(1).gcMsPerSecond()).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(points.get(1).openFds()).isEqualTo(40);
    }

    @Test
    void samplesBunchedByALateSamplerAreMergedIntoOneInterval() {
        List<ServerSample> samples = List.of(
                new ServerSample(T0, 10.0, 100L << 20, 20, 30, null),
                new ServerSample(T0 + 600, 10.3, 100L << 20, 20, 30, null),
                new ServerSample(T0 + 602, 10.3, 100L << 20, 20, 30, null),
                new ServerSample(T0 + 800, 10.4, 100L << 20, 20, 30, null));
        // not a 0-core dip over 2 ms: the third sample is folded into the interval up to the fourth
        List<Timeline.Point> points = Timeline.points(samples);
        assertThat(points).extracting(Timeline.Point::t).containsExactly(0.6, 0.8);
        assertThat(points)
                .allSatisfy(p -> assertThat(p.cpuCores()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void theReportDrawsOneFigureOverTimePerScenario() throws Exception {
        Path runDir = dir.resolve("results/20260101-000000");
        List<ResultRow> rows = new ArrayList<>();
        for (ResultRow r : ReportWriterTests.rows()) {
            String report = "gatling/" + r.target() + "-" + r.scenario() + "/index.html";
            simulationLog(runDir.resolve(report).resolveSibling("simulation.log"), T0);
            rows.add(r.withGatlingReport(report));
        }
        List<ServerSample> samples = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            samples.add(new ServerSample(
                    T0 + 200L * i, 10 + 0.1 * i, (100L + i) << 20, 20 + i, 30, i % 5 == 0 ? 0.01 * i : null));
        }
        ReportWriter.write(
                runDir,
                ReportWriterTests.run(),
                rows,
                Map.of(
                        Timeline.key("mvc-platform", "delay", 100), samples,
                        Timeline.key("webflux-epoll", "delay", 100), samples,
                        Timeline.key("plain-epoll", "c10k", 1), samples));
        String html = Files.readString(runDir.resolve("index.html"));
        assertThat(html).contains("charts/over-time-delay.svg", "charts/over-time-c10k.svg");
        assertThat(ReportWriterTests.referencedChartsParseAsSvg(runDir, html)).isGreaterThanOrEqualTo(8);
        String delay = Files.readString(runDir.resolve("charts/over-time-delay.svg"));
        assertThat(delay)
                .contains(
                        "requests (per s)",
                        "client p99 (ms, log scale)",
                        "target CPU (cores)",
                        "RSS (MB)",
                        "live threads (count)",
                        "GC pauses (ms per s)")
                .doesNotContain("open sockets");
        assertThat(Files.readString(runDir.resolve("charts/over-time-c10k.svg")))
                .contains("open sockets");
        assertThat(Files.readString(runDir.resolve("timeline.json")))
                .contains("\"target\":\"mvc-platform\"", "\"cpuCores\"");
    }

    @Test
    void aRepeatedRunDrawsTheRoundShownInABandSpanningEveryRound() throws Exception {
        Path runDir = dir.resolve("results/20260101-000000");
        List<List<ResultRow>> rounds = new ArrayList<>();
        List<Map<String, List<ServerSample>>> samples = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            List<ResultRow> rows = new ArrayList<>();
            for (ResultRow r : ReportWriterTests.rows()) {
                // each round's own Gatling records, where Comparison keeps them
                String report = "gatling/round-" + round + "/" + r.target() + "-" + r.scenario() + "/index.html";
                simulationLog(runDir.resolve(report).resolveSibling("simulation.log"), T0);
                rows.add(r.withGatlingReport(report));
            }
            rounds.add(rows);
            List<ServerSample> of = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                // round 2 holds more memory and threads: the band has a width
                of.add(new ServerSample(
                        T0 + 200L * i, 10 + 0.1 * i * round, (100L * round + i) << 20, 20 * round + i, 30, null));
            }
            samples.add(Map.of(
                    Timeline.key("mvc-platform", "delay", 100), of,
                    Timeline.key("webflux-epoll", "delay", 100), of));
        }

        ReportWriter.write(runDir, ReportWriterTests.run(), Repeats.of(rounds), samples, null);

        String delay = Files.readString(runDir.resolve("charts/over-time-delay.svg"));
        assertThat(delay)
                .contains(
                        "<g class='band' data-target='mvc-platform'>", "<g class='band' data-target='webflux-epoll'>");
        String html = Files.readString(runDir.resolve("index.html"));
        assertThat(html).contains("shaded: the min-max of its 2 rounds");
        assertThat(ReportWriterTests.referencedChartsParseAsSvg(runDir, html)).isGreaterThanOrEqualTo(8);
        // timeline.json keeps the round shown, one entry per row
        assertThat(Files.readString(runDir.resolve("timeline.json")).split("\"target\":\"mvc-platform\"", -1))
                .hasSize(2);
    }

    /** 100 requests of 1..100 ms ending in [T0+600, T0+1500), 3 of 200 ms ending around T0+2000, one at T0+2600. */
    static Path simulationLog(Path log, long start) throws IOException {
        Files.createDirectories(log.getParent());
        try (BufferedFileChannelWriter writer = new BufferedFileChannelWriter(
                FileChannel.open(log, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ByteBuffer.allocate(4096))) {
            Map<String, Object> scenarios = Map.of("s", 0);
            RunMessage run = new RunMessage(
                    "Sim",
                    "sim",
                    start,
                    "",
                    GatlingVersion$.MODULE$.ThisVersion().fullVersion(),
                    ZoneId.of("UTC"));
            new RunMessageSerializer(writer).serialize(new Tuple3<>(run, List$.MODULE$.empty(), scenarios));
            UserMessageSerializer users = new UserMessageSerializer(writer, start, scenarios);
            ResponseMessageSerializer responses = new ResponseMessageSerializer(writer, start);
            users.serialize(new DataWriterMessage$LoadEvent$User("s", start + 10, true));
            for (int i = 1; i <= 100; i++) {
                long end = start + 600 + 8L * i;
                responses.serialize(response(end - i, end, OK$.MODULE$));
            }
            responses.serialize(response(start + 1800, start + 2000, OK$.MODULE$));
            responses.serialize(response(start + 1850, start + 2050, KO$.MODULE$));
            new ErrorMessageSerializer(writer, start)
                    .serialize(new DataWriterMessage$LoadEvent$Error("boom", start + 2060));
            responses.serialize(response(start + 1900, start + 2100, OK$.MODULE$));
            responses.serialize(response(start + 2590, start + 2600, OK$.MODULE$));
            users.serialize(new DataWriterMessage$LoadEvent$User("s", start + 2700, false));
        }
        return log;
    }

    private static DataWriterMessage$LoadEvent$Response response(long start, long end, Status status) {
        return new DataWriterMessage$LoadEvent$Response(
                "s",
                List$.MODULE$.empty(),
                "GET",
                start,
                end,
                status,
                Option.empty(),
                status == KO$.MODULE$ ? Option.apply("status 500") : Option.empty());
    }
}
