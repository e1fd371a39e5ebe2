package dev.iolab.loadtest.runner;

import dev.iolab.contract.Target;
import dev.iolab.loadtest.anatomy.Anatomy;
import dev.iolab.loadtest.anatomy.AnatomyWatch;
import dev.iolab.loadtest.anatomy.IdleProbe;
import dev.iolab.loadtest.anatomy.StracePass;
import dev.iolab.loadtest.anatomy.SyscallCounts;
import dev.iolab.loadtest.c10k.C10kScenario;
import dev.iolab.loadtest.report.Flags;
import dev.iolab.loadtest.report.ResultRow;
import dev.iolab.loadtest.report.Timeline;
import dev.iolab.loadtest.server.ProcStats;
import dev.iolab.loadtest.server.PrometheusText;
import dev.iolab.loadtest.server.ServerNumbers;
import dev.iolab.loadtest.server.ServerSample;
import dev.iolab.loadtest.server.ServerWatch;
import dev.iolab.loadtest.simulation.SimulationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison itself: each target alone, in turn (launched on its CPUs or reached at its URL), each
 * scenario warmed up then measured, client numbers from the load generator and server numbers from the target;
 * with {@code --repeat N}, N alternating rounds of that (see {@link Turn}), each target launched afresh each round.
 */
public final class Comparison {

    static final double STARTUP_PLAN_S = 10;
    static final double OVERHEAD_PLAN_S = 4;
    /**
     * Least warm-up of the first scenario of a JVM launched here (not with --quick): pinned to its CPU set, a fresh
     * Spring target is still compiling its hot paths for about half a minute (measured: webflux-epoll spent 400 us
     * of CPU per /echo in its first 20 s under load, 45 us after), and a shorter warm-up measured the JIT.
     */
    static final Duration FIRST_WARMUP = Duration.ofSeconds(30);

    /** Quiet time between a target's last scenario and its idle window. */
    static final Duration IDLE_SETTLE = Duration.ofSeconds(1);

    private final CompareOptions options;
    private final CpuPinning pinning;
    private final Path runDir;
    private final Progress progress;
    private final int cpus;
    private final GatlingEngine gatling = new GatlingEngine();
    private final WrkEngine wrk = new WrkEngine();
    private final List<String> notes = new ArrayList<>();
    /** Per round, each measured row's 200 ms server samples, by {@code Timeline.key}: the report's figures over time. */
    private final List<Map<String, List<ServerSample>>> samples = new ArrayList<>();
    /** The round running now (from 1). */
    private int round = 1;

    public Comparison(CompareOptions options, CpuPinning pinning, Path runDir, int cpus) {
        this.options = options;
        this.pinning = pinning;
        this.runDir = runDir;
        this.cpus = cpus;
        List<String> targets = targets();
        double perTarget = STARTUP_PLAN_S;
        int steps = 0;
        for (String s : options.scenarios()) {
            Scenario scenario = Scenario.byId(s).orElseThrow();
            for (int ignored : options.usersFor(scenario)) {
                perTarget += planned(scenario);
                steps++;
            }
        }
        if (!options.quick()) {
            perTarget += Math.max(0, FIRST_WARMUP.toSeconds() - options.warmup().toSeconds());
        }
        perTarget += options.idle().isZero() ? 0 : options.idle().toMillis() / 1000.0 + IDLE_SETTLE.toSeconds();
        // one step to start each target, then one per scenario and concurrency level; all of it once per round
        int turns = targets.size() * options.repeat();
        this.progress = new Progress(System.err, (steps + 1) * turns, perTarget * turns);
    }

    private void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    public List<String> notes() {
        return notes;
    }

    /** Every round's 200 ms server samples (index 0: round 1), by {@code Timeline.key}: the figures over time. */
    public List<Map<String, List<ServerSample>>> samplesPerRound() {
        return samples;
    }

    /** Where this round's files go under a folder of the run: in round-N/ when there are rounds. */
    private Path perRound(Path dir) {
        return options.repeat() > 1 ? dir.resolve("round-" + round) : dir;
    }

    /** How a note names a target in this round. */
    private String turn(String id) {
        return options.repeat() > 1 ? id + " (round " + round + ")" : id;
    }

    /** The target ids to run: the ones asked, {@code all} meaning every registry target whose jar is built. */
    public List<String> targets() {
        return targets(options);
    }

    /** The target ids {@code options} ask for, {@code all} meaning every registry target whose jar is built. */
    public static List<String> targets(CompareOptions options) {
        if (!options.targets().equals(List.of("all"))) {
            return options.targets();
        }
        List<String> ids = new ArrayList<>();
        for (Target t : Target.values()) {
            if (options.baseUrls().containsKey(t.id())
                    || Files.isRegularFile(t.module().jar(options.repoRoot()))) {
                ids.add(t.id());
            }
        }
        return ids;
    }

    private double planned(Scenario scenario) {
        double measure = options.warmup().toSeconds()
                + options.duration().toSeconds()
                + OVERHEAD_PLAN_S
                + (options.syscalls() ? options.syscallsDuration().toSeconds() + OVERHEAD_PLAN_S : 0);
        return scenario == Scenario.C10K
                ? measure + 15
                : measure + options.ramp().toSeconds();
    }

    /** Runs every round; returns the rows each round measured (index 0: round 1). */
    public List<List<ResultRow>> run() {
        List<List<ResultRow>> rounds = new ArrayList<>();
        for (Turn turn : Turn.plan(targets(), options.repeat())) {
            if (turn.round() > rounds.size()) {
                rounds.add(new ArrayList<>());
                samples.add(new LinkedHashMap<>());
            }
            round = turn.round();
            runTarget(turn.target(), rounds.getLast());
        }
        return rounds;
    }

    /** One target's turn: launched (or reached), every scenario measured, then its idle window. */
    private void runTarget(String id, List<ResultRow> rows) {
        progress.step("starting " + turn(id));
        try (Deployment deployment = Deployment.open(id, options, pinning, perRound(runDir.resolve("logs")))) {
            progress.done(STARTUP_PLAN_S);
            boolean fresh = deployment.target().pid().isPresent() && !options.quick();
            int firstRow = rows.size();
            for (String s : options.scenarios()) {
                Scenario scenario = Scenario.byId(s).orElseThrow();
                for (int users : options.usersFor(scenario)) {
                    progress.step(turn(id) + " " + s
                            + (scenario == Scenario.C10K
                                    ? " (" + options.connections() + " connections)"
                                    : " (" + users + " users)"));
                    try {
                        ResultRow row = measure(deployment, scenario, users, fresh);
                        fresh = false;
                        if (row != null) {
                            rows.add(row);
                        }
                    } catch (Exception | AssertionError e) {
                        // AssertionError: Gatling's log reader asserts on an empty run
                        notes.add(turn(id) + " " + s + ": failed: " + e.getMessage());
                        progress.note(turn(id) + " " + s + " failed: " + e.getMessage());
                    }
                    progress.done(planned(scenario));
                }
            }
            measureIdle(deployment, rows.subList(firstRow, rows.size()));
        } catch (IOException e) {
            notes.add(turn(id) + ": not measured: " + e.getMessage());
            progress.note(turn(id) + " not measured: " + e.getMessage());
        }
    }

    private ResultRow measure(Deployment d, Scenario scenario, int users, boolean fresh) throws Exception {
        if (options.engine().equals("wrk") && scenario.wrkPath().isEmpty()) {
            note(scenario.id() + ": not run with wrk (it sends bodies or holds connections; use --engine gatling)");
            return null;
        }
        if (scenario == Scenario.C10K) {
            int connections = C10kScenario.allowed(options.connections(), notes);
            C10kScenario.Held<ResultRow> held = C10kScenario.hold(
                    d.loadUrl(),
                    d.target().baseUrl(),
                    d.target().pid(),
                    connections,
                    () -> measureLoad(d, scenario, users, Duration.ZERO));
            return held.probe().withExtra(held.numbers());
        }
        Duration warmup = options.warmup();
        if (fresh && warmup.compareTo(FIRST_WARMUP) < 0) {
            note("first scenario of each launched target: warm-up " + FIRST_WARMUP.toSeconds() + " s (a fresh JVM "
                    + "on its pinned CPUs is still compiling), then " + warmup.toSeconds() + " s for the others");
            warmup = FIRST_WARMUP;
        }
        return measureLoad(d, scenario, users, warmup);
    }

    /** Warm-up (same load, numbers dropped), then the measured run bracketed by server scrapes and CPU readings. */
    private ResultRow measureLoad(Deployment d, Scenario scenario, int users, Duration warmup) throws IOException {
        String name = d.id() + "-" + scenario.id() + (options.usersFor(scenario).size() > 1 ? "-u" + users : "");
        Path work = perRound(runDir.resolve(".work")).resolve(name);
        Path log = perRound(runDir.resolve("logs")).resolve(name + ".log");
        if (!warmup.isZero()) {
            load(d, scenario, users, warmup, work.resolve("warmup"), log);
        }
        ServerWatch watch = new ServerWatch(d.target().baseUrl(), d.target().pid());
        watch.start();
        double cpu0 = ProcStats.selfCpuSeconds();
        long t0 = System.nanoTime();
        Measured measured = load(d, scenario, users, options.duration(), work.resolve("measure"), log);
        double wall = (System.nanoTime() - t0) / 1e9;
        double loadShare = (ProcStats.selfCpuSeconds() - cpu0) / (wall * CpuPinning.count(pinning.loadCpus(), cpus));
        ServerNumbers server = watch.stop();
        // per request served: the server's count when it has one (the scrapes themselves excluded), else the client's
        Anatomy anatomy = watch.anatomy(
                server.requests() != null && server.requests() > 0
                        ? server.requests()
                        : measured.numbers().requests());
        if (options.syscalls()) {
            anatomy = anatomy.withSyscalls(syscallPass(d, scenario, users, work.resolve("syscalls"), log));
        }
        samples.getLast().put(Timeline.key(d.id(), scenario.id(), users), watch.samples());
        String report = null;
        if (measured.runDirectory() != null) {
            gatling.report(measured.runDirectory(), log);
            Path dest = perRound(runDir.resolve("gatling")).resolve(name);
            Files.createDirectories(dest.getParent());
            Files.move(measured.runDirectory(), dest);
            report = runDir.relativize(dest.resolve("index.html")).toString();
        }
        double askedRps = options.rate() * scenario.requestsPerIteration();
        Double targetShare = server.cpuSeconds() == null
                ? null
                : server.cpuSeconds() / (wall * CpuPinning.count(pinning.targetCpus(), cpus));
        return new ResultRow(
                d.id(),
                scenario.id(),
                options.engine(),
                users,
                options.rate(),
                measured.numbers(),
                server,
                loadShare,
                targetShare,
                Flags.of(
                        measured.numbers(),
                        server,
                        loadShare,
                        askedRps,
                        options.engine().equals("wrk") ? users : 0),
                report,
                Map.of(),
                anatomy);
    }

    /**
     * {@code --syscalls}: the same load once more, for its own (shorter) time, with strace attached to every thread of
     * the target; strace stops each thread at each call, so this run is slow and only its counts per request are kept.
     */
    private SyscallCounts syscallPass(Deployment d, Scenario scenario, int users, Path work, Path log) {
        if (d.target().pid().isEmpty()) {
            return SyscallCounts.failed("no process to trace for a target at a given URL");
        }
        note("--syscalls: each row's system calls by name come from a separate "
                + options.syscallsDuration().toSeconds()
                + " s run under strace -c -f after its measurement; strace slows the target, so that run's throughput "
                + "is not comparable and the row's other numbers come from the run without it");
        try (StracePass strace = StracePass.attach(d.target().pid().getAsLong(), work)) {
            PrometheusText before = ServerWatch.scrape(d.target().baseUrl());
            long t0 = System.nanoTime();
            Measured measured = load(d, scenario, users, options.syscallsDuration(), work.resolve("load"), log);
            double wall = (System.nanoTime() - t0) / 1e9;
            PrometheusText after = ServerWatch.scrape(d.target().baseUrl());
            long served = after.has("http_server_requests_seconds_count")
                    ? Math.round(after.requests() - before.requests())
                    : measured.numbers().requests();
            return strace.finish(served, wall);
        } catch (IOException | RuntimeException | AssertionError e) {
            note(d.id() + " " + scenario.id() + ": no system-call counts: " + e.getMessage());
            return SyscallCounts.failed(String.valueOf(e.getMessage()));
        }
    }

    /**
     * A few seconds with no load after the target's scenarios (its JIT and GC have settled by then): the CPU it burns
     * waiting for nothing, put on each of its rows.
     */
    private void measureIdle(Deployment d, List<ResultRow> targetRows) {
        if (d.target().pid().isEmpty() || options.idle().isZero() || targetRows.isEmpty()) {
            return;
        }
        progress.note(d.id() + ": " + options.idle().toSeconds() + " s idle");
        try {
            Thread.sleep(IDLE_SETTLE); // the last scenario's connections close, its threads end
            IdleProbe.measure(AnatomyWatch.PROC, d.target().pid().getAsLong(), options.idle())
                    .ifPresent(idle ->
                            targetRows.replaceAll(r -> r.withAnatomy(r.anatomy().withIdle(idle))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Measured(ClientNumbers numbers, Path runDirectory) {}

    private Measured load(Deployment d, Scenario scenario, int users, Duration duration, Path work, Path log)
            throws IOException {
        if (options.engine().equals("wrk")) {
            int threads = CpuPinning.count(pinning.loadCpus(), cpus);
            Files.createDirectories(log.getParent());
            return new Measured(
                    wrk.run(
                            d.loadUrl() + scenario.wrkPath().orElseThrow(),
                            threads,
                            users,
                            duration,
                            log.resolveSibling(log.getFileName() + ".wrk")),
                    null);
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put(SimulationSettings.BASE_URL, d.loadUrl());
        props.put(SimulationSettings.TARGET, d.id());
        props.put(SimulationSettings.USERS, Integer.toString(users));
        props.put(SimulationSettings.RATE, Double.toString(options.rate()));
        props.put(
                SimulationSettings.RAMP_SECONDS, Double.toString(options.ramp().toMillis() / 1000.0));
        props.put(SimulationSettings.DURATION_SECONDS, Double.toString(duration.toMillis() / 1000.0));
        GatlingEngine.Run run = gatling.run(scenario.simulationClass(), props, work, false, log);
        return new Measured(run.numbers(), run.runDirectory());
    }
}
