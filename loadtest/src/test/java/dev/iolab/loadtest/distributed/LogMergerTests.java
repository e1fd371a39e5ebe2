package dev.iolab.loadtest.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.commons.util.GatlingVersion$;
import io.gatling.core.config.GatlingConfiguration;
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
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import scala.Tuple3;
import scala.collection.immutable.List$;

class LogMergerTests {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final long T0 = 1_796_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void mergedLogHoldsEveryShardsRecordsAtTheirAbsoluteTimes() throws IOException {
        // the shards number their strings in opposite orders and start 5 s apart: a merge that copied the
        // records' cache indexes or offsets as they are would swap the names or shift shard b by 5 s
        Path a = shard("a.log", "Echo", T0, List.of("GET", "POST"), 0);
        Path b = shard("b.log", "Echo", T0 + 5_000, List.of("POST", "GET"), 1);

        List<LogMerger.ShardCount> counts = LogMerger.merge(List.of(a, b), dir.resolve("merged/simulation.log"), UTC);

        assertThat(counts).extracting(LogMerger.ShardCount::requests).containsExactly(3L, 3L);
        assertThat(counts).extracting(LogMerger.ShardCount::ko).containsExactly(1L, 1L);
        assertThat(counts).extracting(LogMerger.ShardCount::firstRequest).containsExactly(T0 + 20, T0 + 5_000 + 20);
        LogFileData merged =
                LogFileReader.apply("merged", dir, GatlingConfiguration.load()).read();
        assertThat(stats(merged, null, null).count()).isEqualTo(6);
        assertThat(stats(merged, null, KO$.MODULE$).count()).isEqualTo(2);
        // each shard sent GET twice (one failing) and POST once, whatever order its strings were cached in
        assertThat(stats(merged, "GET", null).count()).isEqualTo(4);
        assertThat(stats(merged, "GET", KO$.MODULE$).count()).isEqualTo(2);
        assertThat(stats(merged, "POST", null).count()).isEqualTo(2);
        assertThat(merged.runInfo().runStart()).isEqualTo(T0);
        assertThat(merged.runInfo().injectStart()).isEqualTo(T0 + 10);
        assertThat(merged.runInfo().injectEnd()).isEqualTo(T0 + 5_000 + 400);
        assertThat(merged.runInfo().simulationClassName()).isEqualTo("Echo");
    }

    @Test
    void sharesOfDifferentSimulationsAreRefused() throws IOException {
        Path a = shard("a.log", "Echo", T0, List.of("GET", "POST"), 0);
        Path b = shard("b.log", "Delay", T0, List.of("GET", "POST"), 1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LogMerger.merge(List.of(a, b), dir.resolve("merged/simulation.log"), UTC))
                .withMessageContaining("only shares of one simulation");
    }

    @Test
    void aShardWithoutRecordsIsRefused() throws IOException {
        Path a = shard("a.log", "Echo", T0, List.of("GET", "POST"), 0);
        Path empty = dir.resolve("empty.log");
        try (BufferedFileChannelWriter writer = writer(empty)) {
            runRecord(writer, "Echo", T0);
        }
        assertThatIOException()
                .isThrownBy(() -> LogMerger.merge(List.of(a, empty), dir.resolve("merged/simulation.log"), UTC))
                .withMessageContaining("empty.log");
    }

    /** One user's life: two requests named in {@code order} (the first one KO), one more of the first, an error. */
    private Path shard(String name, String simulation, long start, List<String> order, int user) throws IOException {
        Path log = dir.resolve(name);
        try (BufferedFileChannelWriter writer = writer(log)) {
            Map<String, Object> scenarios = runRecord(writer, simulation, start);
            UserMessageSerializer users = new UserMessageSerializer(writer, start, scenarios);
            ResponseMessageSerializer responses = new ResponseMessageSerializer(writer, start);
            users.serialize(new DataWriterMessage$LoadEvent$User("echo", start + 10, true));
            String first = order.get(0);
            String second = order.get(1);
            responses.serialize(
                    response(first, start + 20, start + 30, first.equals("GET") ? KO$.MODULE$ : OK$.MODULE$));
            responses.serialize(
                    response(second, start + 40, start + 50, second.equals("GET") ? KO$.MODULE$ : OK$.MODULE$));
            responses.serialize(response("GET", start + 60, start + 70, OK$.MODULE$));
            new ErrorMessageSerializer(writer, start)
                    .serialize(new DataWriterMessage$LoadEvent$Error("boom " + user, start + 80));
            users.serialize(new DataWriterMessage$LoadEvent$User("echo", start + 400, false));
        }
        return log;
    }

    private static DataWriterMessage$LoadEvent$Response response(String name, long start, long end, Status status) {
        return new DataWriterMessage$LoadEvent$Response(
                "echo",
                List$.MODULE$.empty(),
                name,
                start,
                end,
                status,
                Option.empty(),
                status == KO$.MODULE$ ? Option.apply("status 500") : Option.empty());
    }

    private static Map<String, Object> runRecord(BufferedFileChannelWriter writer, String simulation, long start) {
        Map<String, Object> scenarios = Map.of("echo", 0);
        RunMessage run = new RunMessage(
                simulation,
                simulation.toLowerCase(),
                start,
                "",
                GatlingVersion$.MODULE$.ThisVersion().fullVersion(),
                UTC);
        new RunMessageSerializer(writer).serialize(new Tuple3<>(run, List$.MODULE$.empty(), scenarios));
        return scenarios;
    }

    private static BufferedFileChannelWriter writer(Path log) throws IOException {
        return new BufferedFileChannelWriter(
                FileChannel.open(log, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ByteBuffer.allocate(4096));
    }

    private static GeneralStats stats(LogFileData data, String request, Status status) {
        return data.requestGeneralStats(Option.apply(request), Option.empty(), Option.apply(status))
                .get();
    }
}
