package dev.iolab.loadtest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.iolab.loadtest.anatomy.Anatomy;
import dev.iolab.loadtest.anatomy.SyscallCounts;
import dev.iolab.loadtest.runner.ClientNumbers;
import dev.iolab.loadtest.server.ServerNumbers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code comparison.json}: the run and one object per target x scenario, in the field names the issue fixes. */
public final class ComparisonJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonJson() {}

    public static void write(Path file, RunInfo run, List<ResultRow> rows) throws IOException {
        write(file, run, Repeats.single(rows), null);
    }

    /** With each row's rounds (median and spread of every number) and, when given, the changes against a baseline. */
    public static void write(Path file, RunInfo run, Repeats repeats, BaselineDiff baseline) throws IOException {
        write(file, run, repeats, baseline, null);
    }

    /** As above, with the {@code resilience} of {@code --chaos} when given (one object per target). */
    public static void write(
            Path file,
            RunInfo run,
            Repeats repeats,
            BaselineDiff baseline,
            dev.iolab.loadtest.chaos.Resilience resilience)
            throws IOException {
        Map<String, Object> tree = tree(run, repeats, baseline);
        if (resilience != null) {
            tree.put("resilience", resilience.tree());
        }
        MAPPER.writeValue(file.toFile(), tree);
    }

    public static Map<String, Object> tree(RunInfo run, List<ResultRow> rows) {
        return tree(run, Repeats.single(rows), null);
    }

    public static Map<String, Object> tree(RunInfo run, Repeats repeats, BaselineDiff baseline) {
        List<ResultRow> rows = repeats.rows();
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", run.id());
        r.put("started", run.started());
        r.put("machine", run.machine());
        r.put("cpus", run.cpus());
        r.put("pinning", run.pinning());
        r.put("jdk", run.jdk());
        r.put("git_commit", run.gitCommit());
        r.put("mode", run.mode());
        r.put("engine", run.engine());
        r.put("versions", run.versions());
        r.put("warmup_s", run.warmupSeconds());
        r.put("duration_s", run.durationSeconds());
        r.put("notes", run.notes());
        r.put("rounds", repeats.rounds());
        r.put(
                "measurement_of_record",
                repeats.rounds() > 1
                        ? "each number is the median of " + repeats.rounds()
                                + " alternating rounds; repeats.metrics gives each round's value and the spread"
                        : "no: a single run on a shared machine is not a measurement of record (use --repeat 3)");
        root.put("run", r);
        root.put(
                "results",
                rows.stream()
                        .map(row -> {
                            Map<String, Object> m = row(row);
                            m.put("repeats", repeats(repeats, row));
                            return m;
                        })
                        .toList());
        if (baseline != null) {
            root.put("baseline", baseline(baseline));
        }
        return root;
    }

    /** Each measure of the row across rounds: the values, their median, min, max and (max - min) / median. */
    private static Map<String, Object> repeats(Repeats repeats, ResultRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rounds", repeats.rounds());
        m.put("round_shown", repeats.representativeRound(row));
        m.put(
                "spread",
                "min..max across rounds; spread_pct = (max - min) / median in percent; the row's numbers are the medians,"
                        + " its Gatling report, figures over time and anatomy those of round_shown (throughput nearest the median)");
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Measure measure : Measure.ALL) {
            Spread s = repeats.spread(row, measure.key());
            if (s == null) {
                continue;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("values", s.values().stream().map(ComparisonJson::round3).toList());
            v.put("median", round3(s.median()));
            v.put("min", round3(s.min()));
            v.put("max", round3(s.max()));
            v.put("spread_pct", s.hasSpread() ? round(s.percent()) : null);
            metrics.put(measure.key(), v);
        }
        m.put("metrics", metrics);
        return m;
    }

    /** The baseline run, per row and measure its change and verdict, and the rows only one side has. */
    private static Map<String, Object> baseline(BaselineDiff diff) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_dir", diff.baseline().dir().toString());
        m.put("id", diff.baseline().id());
        m.put("rounds", diff.baseline().rounds());
        m.put(
                "rule",
                "ratio = this run / baseline (medians), change_pct in percent; verdict real when the medians differ by"
                        + " more than both runs' spread (max - min), within noise when not, unknown when either side is a"
                        + " single run (no spread: not a measurement) or lacks the number");
        Map<String, Object> counts = new LinkedHashMap<>();
        diff.counts().forEach((v, n) -> counts.put(v.label(), n));
        m.put("verdicts", counts);
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (BaselineDiff.RowChanges rc : diff.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", rc.row().target());
            row.put("scenario", rc.row().scenario());
            row.put("users", rc.row().users());
            Map<String, Object> metrics = new LinkedHashMap<>();
            rc.changes().forEach((key, c) -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("baseline", round3(c.baseline()));
                v.put("now", round3(c.now()));
                v.put("ratio", round3(c.ratio()));
                v.put("change_pct", round(c.percent()));
                v.put("verdict", c.verdict().label());
                v.put("reason", c.reason());
                metrics.put(key, v);
            });
            row.put("metrics", metrics);
            rows.add(row);
        }
        m.put("rows", rows);
        m.put("only_in_baseline", diff.onlyInBaseline());
        m.put("only_in_this_run", diff.onlyInThisRun());
        return m;
    }

    private static Map<String, Object> row(ResultRow row) {
        ClientNumbers c = row.client();
        ServerNumbers s = row.server();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", row.target());
        m.put("scenario", row.scenario());
        m.put("engine", row.engine());
        m.put("users", row.users());
        m.put("rate", row.rate());
        m.put("requests", c.requests());
        m.put("ok", c.ok());
        m.put("ko", c.ko());
        m.put("throughput_rps", round(c.throughputRps()));
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", c.p50());
        latency.put("p90", c.p90());
        latency.put("p99", c.p99());
        latency.put("p999", c.p999());
        latency.put("max", c.max());
        m.put("latency_ms", latency);
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("requests", s.requests());
        server.put("cpu_s", round(s.cpuSeconds()));
        server.put("cpu_share", round(row.targetCpuShare()));
        server.put("cpu_ms_per_1k_requests", round(s.cpuMsPer1kRequests()));
        server.put("rss_peak_mb", round(s.rssPeakMb()));
        server.put("threads_peak", s.threadsPeak());
        Map<String, Object> serverLatency = new LinkedHashMap<>();
        serverLatency.put("p50", round3(s.p50Ms()));
        serverLatency.put("p99", round3(s.p99Ms()));
        server.put("latency_ms", serverLatency);
        server.put("gc_pauses", s.gcPauses());
        server.put("gc_pause_ms", round(s.gcPauseMs()));
        m.put("server", server);
        m.put("load_cpu_share", round(row.loadCpuShare()));
        m.put("flags", row.flags());
        m.put("gatling_report", row.gatlingReport());
        m.put("anatomy", anatomy(row.anatomy()));
        if (row.extra() != null && !row.extra().isEmpty()) {
            m.put(row.scenario(), row.extra());
        }
        return m;
    }

    /** The row's anatomy: every key present on every row, null where not measured. */
    static Map<String, Object> anatomy(Anatomy a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", "/proc/<pid> of the target");
        m.put("note", a.note());
        m.put("requests", a.requests());
        Map<String, Object> switches = new LinkedHashMap<>();
        switches.put("voluntary", round3(a.voluntaryPerRequest()));
        switches.put("involuntary", round3(a.involuntaryPerRequest()));
        switches.put("threads_exited", a.threadsExited());
        m.put("context_switches_per_request", switches);
        Map<String, Object> threads = new LinkedHashMap<>();
        threads.put("samples", a.samples());
        threads.put("runnable_avg", round(a.runnableAverage()));
        threads.put("sleeping_avg", round(a.sleepingAverage()));
        threads.put("uninterruptible_avg", round(a.uninterruptibleAverage()));
        threads.put("total_avg", round(a.threadsAverage()));
        m.put("threads_sampled", threads);
        Map<String, Object> io = new LinkedHashMap<>();
        io.put("read_bytes", round(a.readBytesPerRequest()));
        io.put("write_bytes", round(a.writeBytesPerRequest()));
        io.put("read_calls", round3(a.readCallsPerRequest()));
        io.put("write_calls", round3(a.writeCallsPerRequest()));
        m.put("io_per_request", io);
        Map<String, Object> idle = new LinkedHashMap<>();
        idle.put("seconds", a.idle() == null ? null : a.idle().seconds());
        idle.put("cpu_cores", a.idle() == null ? null : round3(a.idle().cpuCores()));
        idle.put(
                "context_switches_per_s",
                a.idle() == null ? null : round(a.idle().contextSwitchesPerSecond()));
        idle.put(
                "runnable_threads_avg", a.idle() == null ? null : round(a.idle().runnableAverage()));
        m.put("idle", idle);
        m.put("syscalls", a.syscalls() == null ? null : syscalls(a.syscalls()));
        return m;
    }

    private static Map<String, Object> syscalls(SyscallCounts s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("separate_run", "under strace -c -f: slows the target, throughput not comparable");
        m.put("error", s.error());
        m.put("requests", s.requests());
        m.put("seconds", round(s.seconds()));
        m.put("throughput_rps", round(s.throughputRps()));
        m.put("total_per_request", s.requests() > 0 ? round3((double) s.total() / s.requests()) : null);
        Map<String, Object> per = new LinkedHashMap<>();
        s.perRequest().forEach((name, v) -> per.put(name, round3(v)));
        m.put("per_request", per);
        m.put("calls", s.calls());
        m.put("errors", s.errors());
        return m;
    }

    static Double round(Double v) {
        return v == null || v.isNaN() ? null : Math.round(v * 100) / 100.0;
    }

    static Double round3(Double v) {
        return v == null || v.isNaN() ? null : Math.round(v * 1000) / 1000.0;
    }
}
