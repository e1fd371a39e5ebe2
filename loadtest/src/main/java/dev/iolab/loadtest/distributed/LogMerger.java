package dev.iolab.loadtest.distributed;

import io.gatling.charts.stats.FirstPassParser;
import io.gatling.charts.stats.LogFileParser;
import io.gatling.charts.stats.RunInfo;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.commons.util.GatlingVersion$;
import io.gatling.core.stats.writer.BufferedFileChannelWriter;
// Scala's case classes inside `object LoadEvent` have no nested-class entry javac can follow: named by binary name
import io.gatling.core.stats.writer.DataWriterMessage$LoadEvent$Error;
import io.gatling.core.stats.writer.DataWriterMessage$LoadEvent$Group;
import io.gatling.core.stats.writer.DataWriterMessage$LoadEvent$Response;
import io.gatling.core.stats.writer.DataWriterMessage$LoadEvent$User;
import io.gatling.core.stats.writer.ErrorMessageSerializer;
import io.gatling.core.stats.writer.GroupMessageSerializer;
import io.gatling.core.stats.writer.RecordHeader;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import scala.Option;
import scala.Tuple3;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Merges the simulation.log files of several load processes that ran the same simulation into one, as if one
 * Gatling had run them all. Gatling 3.14 reads exactly one binary simulation.log per run (no longer every
 * {@code *.log} of the folder), whose times are offsets from that run's start and whose strings are numbered per
 * file; so each shard's records are decoded with Gatling's own reader and written again, with Gatling's own
 * serializers, relative to the earliest start.
 */
public final class LogMerger {

    private static final int BUFFER_BYTES = 64 * 1024;

    /** What one shard contributed: its request records, OK and KO, and when its first request started (epoch ms, -1: none). */
    public record ShardCount(Path log, long requests, long ok, long ko, long firstRequest) {}

    private LogMerger() {}

    /**
     * Writes {@code target} (which must not exist) from {@code shards}; fails when a shard is empty, unreadable,
     * from another Gatling version, or ran another simulation than the first.
     */
    public static List<ShardCount> merge(List<Path> shards, Path target, ZoneId zone) throws IOException {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no simulation.log to merge");
        }
        List<RunInfo> runs = new ArrayList<>();
        for (Path shard : shards) {
            // Gatling's first pass: the run record, and a failed assertion when the shard holds no record at all
            try (FirstPassParser parser = new FirstPassParser(shard.toFile(), zone)) {
                runs.add(parser.parse());
            } catch (AssertionError | RuntimeException e) {
                throw new IOException(
                        "not a readable Gatling "
                                + GatlingVersion$.MODULE$.ThisVersion().fullVersion() + " simulation.log with records: "
                                + shard + " (" + e.getMessage() + ")",
                        e);
            }
        }
        RunInfo first = runs.getFirst();
        for (int i = 1; i < runs.size(); i++) {
            RunInfo other = runs.get(i);
            if (!other.simulationClassName().equals(first.simulationClassName())
                    || !Arrays.equals(other.scenarios(), first.scenarios())) {
                throw new IllegalArgumentException(shards.get(i) + " ran " + other.simulationClassName()
                        + Arrays.toString(other.scenarios()) + ", not " + first.simulationClassName()
                        + Arrays.toString(first.scenarios()) + ": only shares of one simulation merge into one report");
            }
        }
        long start = runs.stream().mapToLong(RunInfo::runStart).min().orElseThrow();
        Map<String, Object> scenarios = new HashMap<>();
        for (String scenario : first.scenarios()) {
            scenarios.put(scenario, scenarios.size());
        }
        RunMessage run = new RunMessage(
                first.simulationClassName(),
                "merged",
                start,
                first.runDescription(),
                GatlingVersion$.MODULE$.ThisVersion().fullVersion(),
                zone);

        Files.createDirectories(target.toAbsolutePath().getParent());
        List<ShardCount> counts = new ArrayList<>();
        try (BufferedFileChannelWriter writer = new BufferedFileChannelWriter(
                FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ByteBuffer.allocate(BUFFER_BYTES))) {
            new RunMessageSerializer(writer).serialize(new Tuple3<>(run, first.assertions(), scenarios));
            Serializers out = new Serializers(
                    new UserMessageSerializer(writer, start, scenarios),
                    new ResponseMessageSerializer(writer, start),
                    new GroupMessageSerializer(writer, start),
                    new ErrorMessageSerializer(writer, start));
            for (int i = 0; i < shards.size(); i++) {
                try (ShardReader reader = new ShardReader(shards.get(i), runs.get(i), out)) {
                    counts.add(reader.parse());
                }
            }
        }
        return counts;
    }

    private record Serializers(
            UserMessageSerializer user,
            ResponseMessageSerializer response,
            GroupMessageSerializer group,
            ErrorMessageSerializer error) {}

    /**
     * Reads one shard record by record in the order Gatling 3.14's FirstPassParser reads them and hands each, with
     * absolute times, to the merged log's serializers: nothing is kept in memory.
     */
    private static final class ShardReader extends LogFileParser<ShardCount> {

        private final Path log;
        private final RunInfo run;
        private final Serializers out;

        ShardReader(Path log, RunInfo run, Serializers out) {
            super(log.toFile());
            this.log = log;
            this.run = run;
            this.out = out;
        }

        @Override
        public ShardCount parse() {
            skipRunRecord();
            long requests = 0;
            long ok = 0;
            long firstRequest = Long.MAX_VALUE;
            long start = run.runStart();
            for (int header = read(); header != -1; header = read()) {
                byte h = (byte) header;
                if (h == RecordHeader.User$.MODULE$.value()) {
                    String scenario = run.scenarios()[readInt()];
                    boolean userStart = readBoolean();
                    long timestamp = start + readInt();
                    out.user().serialize(new DataWriterMessage$LoadEvent$User(scenario, timestamp, userStart));
                } else if (h == RecordHeader.Request$.MODULE$.value()) {
                    scala.collection.immutable.List<String> groups = groups();
                    String name = readCachedSanitizedString();
                    long requestStart = start + readInt();
                    long requestEnd = start + readInt();
                    boolean isOk = readBoolean();
                    String message = readCachedSanitizedString();
                    requests++;
                    ok += isOk ? 1 : 0;
                    firstRequest = Math.min(firstRequest, requestStart);
                    // the scenario and response code are not part of a request record in 3.14's log
                    out.response()
                            .serialize(new DataWriterMessage$LoadEvent$Response(
                                    "",
                                    groups,
                                    name,
                                    requestStart,
                                    requestEnd,
                                    status(isOk),
                                    Option.empty(),
                                    message.isEmpty() ? Option.empty() : Option.apply(message)));
                } else if (h == RecordHeader.Group$.MODULE$.value()) {
                    scala.collection.immutable.List<String> groups = groups();
                    long groupStart = start + readInt();
                    long groupEnd = start + readInt();
                    int cumulated = readInt();
                    Status status = status(readBoolean());
                    out.group()
                            .serialize(new DataWriterMessage$LoadEvent$Group(
                                    "", groups, groupStart, groupEnd, cumulated, status));
                } else if (h == RecordHeader.Error$.MODULE$.value()) {
                    String message = readCachedSanitizedString();
                    long timestamp = start + readInt();
                    out.error().serialize(new DataWriterMessage$LoadEvent$Error(message, timestamp));
                } else {
                    throw new IllegalStateException("unknown record header " + h + " in " + log);
                }
            }
            return new ShardCount(log, requests, ok, requests - ok, requests == 0 ? -1 : firstRequest);
        }

        /** The run record, field by field as RunMessageSerializer writes it (FirstPassParser already read it). */
        private void skipRunRecord() {
            if ((byte) read() != RecordHeader.Run$.MODULE$.value()) {
                throw new IllegalStateException(log + " does not start with a run record");
            }
            readString(); // Gatling version
            readString(); // simulation class
            readLong(); // run start
            readString(); // description
            for (int scenarios = readInt(); scenarios > 0; scenarios--) {
                readString();
            }
            for (int assertions = readInt(); assertions > 0; assertions--) {
                readByteArray();
            }
        }

        private scala.collection.immutable.List<String> groups() {
            List<String> groups = new ArrayList<>();
            for (int n = readInt(); n > 0; n--) {
                groups.add(readCachedSanitizedString());
            }
            return CollectionConverters.asScala(groups).toList();
        }

        private static Status status(boolean ok) {
            return ok ? OK$.MODULE$ : KO$.MODULE$;
        }
    }
}
