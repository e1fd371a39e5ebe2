package dev.iolab.loadtest.report;

import io.gatling.charts.stats.FirstPassParser;
import io.gatling.charts.stats.LogFileParser;
import io.gatling.charts.stats.RunInfo;
import io.gatling.core.stats.writer.RecordHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The load generator's own records, second by second: requests completed and their p50 and p99 response times in
 * each second of one Gatling run, read from its simulation.log with Gatling's own parser (the same record layout
 * {@code LogMerger} re-emits).
 */
public final class ClientSeconds {

    /** One second of the run: {@code second} counted from the caller's origin, requests that ended in it, percentiles. */
    public record Second(int second, int requests, double p50Ms, double p99Ms) {}

    private ClientSeconds() {}

    /**
     * The seconds of the run in {@code simulationLog}, second 0 starting at {@code originEpochMs} (null: at the run's
     * start); the last second is left out when partial (it would show a drop that is only the end of the run).
     */
    public static List<Second> read(Path simulationLog, Long originEpochMs) throws IOException {
        RunInfo run;
        try (FirstPassParser parser = new FirstPassParser(simulationLog.toFile(), ZoneId.systemDefault())) {
            run = parser.parse();
        } catch (AssertionError | RuntimeException e) {
            throw new IOException("not a readable simulation.log: " + simulationLog + " (" + e.getMessage() + ")", e);
        }
        TreeMap<Integer, IntList> bySecond;
        try (Reader reader = new Reader(simulationLog, run, originEpochMs == null ? run.runStart() : originEpochMs)) {
            bySecond = reader.parse();
        }
        List<Second> seconds = new ArrayList<>();
        if (bySecond.isEmpty()) {
            return seconds;
        }
        int last = bySecond.lastKey();
        bySecond.forEach((second, times) -> {
            if (second >= 0 && (second < last || bySecond.size() == 1)) {
                int[] sorted = times.sorted();
                seconds.add(new Second(second, sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99)));
            }
        });
        return seconds;
    }

    /** Nearest-rank percentile of sorted whole-ms response times. */
    static double percentile(int[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** A growable int array: a second of a fast target holds tens of thousands of response times. */
    static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] sorted() {
            int[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    /** Reads every record in Gatling 3.14's order and keeps each request's response time in the second it ended. */
    private static final class Reader extends LogFileParser<TreeMap<Integer, IntList>> {

        private final RunInfo run;
        private final long origin;

        Reader(Path log, RunInfo run, long origin) {
            super(log.toFile());
            this.run = run;
            this.origin = origin;
        }

        @Override
        public TreeMap<Integer, IntList> parse() {
            TreeMap<Integer, IntList> seconds = new TreeMap<>();
            skipRunRecord();
            long start = run.runStart();
            for (int header = read(); header != -1; header = read()) {
                byte h = (byte) header;
                if (h == RecordHeader.User$.MODULE$.value()) {
                    readInt(); // scenario
                    readBoolean(); // start or end
                    readInt(); // timestamp
                } else if (h == RecordHeader.Request$.MODULE$.value()) {
                    for (int n = readInt(); n > 0; n--) {
                        readCachedSanitizedString(); // group
                    }
                    readCachedSanitizedString(); // request name
                    int requestStart = readInt();
                    int requestEnd = readInt();
                    readBoolean(); // ok
                    readCachedSanitizedString(); // message
                    int second = (int) Math.floorDiv(start + requestEnd - origin, 1000L);
                    seconds.computeIfAbsent(second, s -> new IntList()).add(requestEnd - requestStart);
                } else if (h == RecordHeader.Group$.MODULE$.value()) {
                    for (int n = readInt(); n > 0; n--) {
                        readCachedSanitizedString();
                    }
                    readInt();
                    readInt();
                    readInt();
                    readBoolean();
                } else if (h == RecordHeader.Error$.MODULE$.value()) {
                    readCachedSanitizedString();
                    readInt();
                } else {
                    throw new IllegalStateException("unknown record header " + h);
                }
            }
            return seconds;
        }

        private void skipRunRecord() {
            if ((byte) read() != RecordHeader.Run$.MODULE$.value()) {
                throw new IllegalStateException("simulation.log does not start with a run record");
            }
            readString();
            readString();
            readLong();
            readString();
            for (int scenarios = readInt(); scenarios > 0; scenarios--) {
                readString();
            }
            for (int assertions = readInt(); assertions > 0; assertions--) {
                readByteArray();
            }
        }
    }
}
