package dev.iolab.loadtest.report;

import java.util.List;
import java.util.function.Function;

/**
 * A number of a row that repeats and baselines compare, named by its path in a {@code comparison.json} row (so the
 * same key reads an earlier run's file), with which way is better.
 */
public record Measure(
        String key, String label, String unit, boolean higherIsBetter, Function<ResultRow, Double> value) {

    /** Every number of a row whose spread across rounds is reported, in the row's JSON order. */
    public static final List<Measure> ALL = List.of(
            new Measure(
                    "throughput_rps",
                    "throughput",
                    "req/s",
                    true,
                    r -> r.client().throughputRps()),
            new Measure("latency_ms/p50", "p50", "ms", false, r -> r.client().p50()),
            new Measure("latency_ms/p90", "p90", "ms", false, r -> r.client().p90()),
            new Measure("latency_ms/p99", "p99", "ms", false, r -> r.client().p99()),
            new Measure("latency_ms/p999", "p99.9", "ms", false, r -> r.client().p999()),
            new Measure("latency_ms/max", "max", "ms", false, r -> r.client().max()),
            new Measure("ko", "KO", "", false, r -> (double) r.client().ko()),
            new Measure(
                    "server/latency_ms/p50",
                    "server p50",
                    "ms",
                    false,
                    r -> r.server().p50Ms()),
            new Measure(
                    "server/latency_ms/p99",
                    "server p99",
                    "ms",
                    false,
                    r -> r.server().p99Ms()),
            new Measure(
                    "server/cpu_ms_per_1k_requests",
                    "CPU per 1k req",
                    "ms",
                    false,
                    r -> r.server().cpuMsPer1kRequests()),
            new Measure(
                    "server/rss_peak_mb",
                    "peak RSS",
                    "MB",
                    false,
                    r -> r.server().rssPeakMb()),
            new Measure(
                    "server/threads_peak",
                    "threads",
                    "",
                    false,
                    r -> r.server().threadsPeak() == null
                            ? null
                            : r.server().threadsPeak().doubleValue()),
            new Measure(
                    "server/gc_pause_ms",
                    "GC pauses",
                    "ms",
                    false,
                    r -> r.server().gcPauseMs()));

    /** The measures the page's baseline table shows (comparison.json has them all). */
    public static final List<String> ON_PAGE = List.of(
            "throughput_rps",
            "latency_ms/p50",
            "latency_ms/p99",
            "server/cpu_ms_per_1k_requests",
            "server/rss_peak_mb",
            "server/threads_peak");

    public static Measure byKey(String key) {
        return ALL.stream()
                .filter(m -> m.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no measure " + key));
    }

    /** The row's value, null when not measured (NaN included). */
    public Double of(ResultRow row) {
        Double v = value.apply(row);
        return v == null || v.isNaN() ? null : v;
    }

    /** The JSON pointer of the number in a comparison.json row. */
    public String pointer() {
        return "/" + key;
    }
}
