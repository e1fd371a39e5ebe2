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
        MAPPER.writeValue(file.toFile(), tree(run, rows));
    }

    public static Map<String, Object> tree(RunInfo run, List<ResultRow> rows) {
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
        root.put("run", r);
        root.put("results", rows.stream().map(ComparisonJson::row).toList());
        return root;
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
