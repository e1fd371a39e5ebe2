package dev.iolab.conformance.hostile;

import dev.iolab.conformance.TargetUnderTest;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs every {@link Attack} against one target, staggered and then all at once, while a normal client and a health
 * probe keep going, and records what each attack did ({@link AttackOutcome}) and whether health and normal clients
 * stayed served. The attacks overlap so that the target's timeouts run out in one window, not one after another;
 * the scenario ends once every attack whose bound falls inside the window is closed, or when the window is over.
 */
public final class HostileScenario {

    /**
     * Attacks in the order they start: slowloris first, so that its header timeout (the one bound every run holds
     * targets to) runs out while the others start, and a run costs about that timeout, not that plus the stagger.
     */
    public static final List<Attack> ORDER =
            List.of(Attack.SLOWLORIS, Attack.SLOW_UPLOAD, Attack.NEVER_READING_SENDER, Attack.SLOW_READER);
    /** How long the normal client runs before the first attack, and after each attack starts, before the next. */
    public static final Duration STEP = Duration.ofMillis(2500);
    /** Slack on top of a contract timeout before a target counts as not closing: timers, scheduling, a loaded machine. */
    public static final Duration CLOSE_MARGIN = Duration.ofSeconds(15);
    /** A slowloris connection must be closed within the contract's header timeout (plus {@link #CLOSE_MARGIN}). */
    public static final Duration SLOWLORIS_BOUND = Limits.HEADER_READ_TIMEOUT.plus(CLOSE_MARGIN);
    /**
     * A stalled transfer (nothing read or written) must be closed within the contract's longest silence, the
     * keep-alive timeout (plus {@link #CLOSE_MARGIN}); targets may be quicker (Tomcat's 20 s read/write timeout).
     */
    public static final Duration STALL_BOUND = Limits.KEEP_ALIVE_TIMEOUT.plus(CLOSE_MARGIN);

    /** A health poll must be answered within a Kubernetes probe's default timeout. */
    public static final Duration HEALTH_BOUND = Duration.ofSeconds(1);

    /**
     * How long a health poll waits for its answer: longer than the 1 s a probe is held to, so that a poll the measuring
     * JVM itself stalled in still shows how long the target took.
     */
    public static final Duration HEALTH_POLL_TIMEOUT = Duration.ofSeconds(5);

    /** One health poll and how long the measuring JVM was stalled while it waited ({@link ClientStalls}). */
    public record HealthPoll(LatencyProbe.Sample sample, long clientStalledNanos) {

        /** The poll's latency less the measuring JVM's own stalls: what the target took. */
        public long targetNanos() {
            return Math.max(0, sample.latencyNanos() - clientStalledNanos);
        }

        /** Whether the target failed this poll or took longer than {@code bound} for it. */
        public boolean exceeds(Duration bound) {
            return sample.failed() || targetNanos() > bound.toNanos();
        }

        /** The failure, or the latency with the stall it includes. */
        public String describe() {
            if (sample.failed()) {
                return sample.failure();
            }
            return clientStalledNanos == 0
                    ? sample.latencyNanos() / 1_000_000 + " ms"
                    : sample.latencyNanos() / 1_000_000 + " ms, of which the measuring JVM stalled "
                            + clientStalledNanos / 1_000_000 + " ms";
        }
    }

    /** Everything the scenario saw on one target. */
    public record Result(
            String target,
            List<AttackOutcome> attacks,
            List<LatencyProbe.Sample> baseline,
            List<LatencyProbe.Sample> normalDuringAttacks,
            List<HealthPoll> healthPolls,
            ClientStalls.Summary clientStalls,
            String healthWhere,
            List<String> afterwards,
            ProcessGauges.Reading before,
            ProcessGauges.Reading peak) {

        /** The health polls' samples. */
        public List<LatencyProbe.Sample> health() {
            return healthPolls.stream().map(HealthPoll::sample).toList();
        }

        /** The lines a run prints: one per attack, then health and the peak. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(
                    "HOSTILE %s baseline: normal p99 %.0f ms (%d requests), threads %.0f, RSS %.0f MiB",
                    target,
                    LatencyProbe.p99Millis(baseline),
                    baseline.size(),
                    before.threads(),
                    before.rssBytes() / (1 << 20)));
            attacks.forEach(a -> lines.add(a.line(target)));
            lines.add(String.format(
                    "HOSTILE %s all attacks: normal p99 %.0f ms (%d requests), errors %d; health (%s) max %.0f"
                            + " ms over %d polls, %d failed; measuring JVM stalled %d times, longest %d ms; peak %s held;"
                            + " afterwards %s",
                    target,
                    LatencyProbe.p99Millis(normalDuringAttacks),
                    normalDuringAttacks.size(),
                    normalDuringAttacks.stream()
                            .filter(LatencyProbe.Sample::failed)
                            .count(),
                    healthWhere,
                    LatencyProbe.maxMillis(health()),
                    healthPolls.size(),
                    health().stream().filter(LatencyProbe.Sample::failed).count(),
                    clientStalls.count(),
                    clientStalls.longestNanos() / 1_000_000,
                    peak.heldSince(before),
                    afterwards.isEmpty() ? "served" : "FAILED " + afterwards));
            return lines;
        }
    }

    private final TargetUnderTest target;
    private final Duration window;

    /**
     * A scenario against {@code target} that watches the attacks for at most {@code window} after the last one
     * started (at least {@link #SLOWLORIS_BOUND}, so the header timeout is always held to; 80 s also holds every
     * stalled transfer to {@link #STALL_BOUND}).
     */
    public HostileScenario(TargetUnderTest target, Duration window) {
        this.target = target;
        this.window = window.compareTo(SLOWLORIS_BOUND) < 0 ? SLOWLORIS_BOUND : window;
    }

    /** Runs it; every attack connection is closed by the time it returns. */
    public Result run() throws InterruptedException {
        Optional<URI> management = target.managementUri();
        ProcessGauges gauges = new ProcessGauges(management.orElse(null));
        ClientStalls stalls = ClientStalls.meter();
        URI healthUri = management.map(m -> m.resolve(Endpoints.READINESS)).orElse(target.uri(Endpoints.READINESS));
        String healthWhere = management.isPresent() ? "management port" : "service port";
        List<AttackRun> runs = new ArrayList<>();
        List<ProcessGauges.Reading> readings = new ArrayList<>();
        try (LatencyProbe normal = new LatencyProbe(
                        target.label() + " normal",
                        target.uri(Endpoints.ECHO + "?msg=normal"),
                        Duration.ofSeconds(10),
                        Duration.ofMillis(50),
                        false,
                        "normal"::equals);
                LatencyProbe health = new LatencyProbe(
                        target.label() + " health",
                        healthUri,
                        HEALTH_POLL_TIMEOUT,
                        Duration.ofMillis(250),
                        true,
                        body -> body.contains("UP"))) {
            gauges.read(); // the first scrape of a process (and of this client) is slow: not a reading
            ProcessGauges.Reading before = gauges.read();
            // warmed up: both probes have their first answer (on a loaded machine the first may take seconds)
            within(Duration.ofSeconds(30), () -> normal.recording() && health.recording());
            long baselineFrom = normal.now();
            // health from here on: the polls that waited for a cold process above are warm-up, not under attack
            long healthFrom = health.now();
            Thread.sleep(STEP);
            List<LatencyProbe.Sample> baseline = normal.window(baselineFrom, normal.now());
            long attacksFrom = normal.now();
            List<long[]> windows = new ArrayList<>();
            ProcessGauges.Reading previous = before;
            List<ProcessGauges.Reading> heldByAttack = new ArrayList<>();
            for (Attack attack : ORDER) {
                long from = normal.now();
                runs.add(attack.start(target));
                Thread.sleep(STEP);
                windows.add(new long[] {from, normal.now()});
                ProcessGauges.Reading reading = gauges.read();
                readings.add(reading);
                heldByAttack.add(reading.since(previous));
                previous = reading;
            }
            // Wait for the targets' timeouts, sampling what the attacks hold, until every attack that can be held to
            // its
            // bound within the window is closed; the others are reported as seen.
            long now = System.nanoTime();
            long deadline = now;
            List<AttackRun> held = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Attack attack = ORDER.get(i);
                Duration bound = attack.stalls() ? STALL_BOUND : SLOWLORIS_BOUND;
                Duration left = bound.minus(
                        attack.stalls()
                                ? stallObserved(runs.get(i), attack)
                                : runs.get(i).elapsed());
                if (left.toNanos() <= window.toNanos()) {
                    held.add(runs.get(i));
                    deadline = Math.max(deadline, now + Math.max(0, left.toNanos()));
                }
            }
            long lastReading = System.nanoTime();
            while (System.nanoTime() < deadline && held.stream().anyMatch(r -> r.open() > 0)) {
                Thread.sleep(250);
                if (System.nanoTime() - lastReading > Duration.ofSeconds(3).toNanos()) {
                    readings.add(gauges.read());
                    lastReading = System.nanoTime();
                }
            }
            long attacksTo = normal.now();
            List<AttackOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                AttackRun run = runs.get(i);
                Attack attack = ORDER.get(i);
                Duration stalledFor = attack.stalls() ? stallObserved(run, attack) : run.elapsed();
                outcomes.add(new AttackOutcome(
                        attack,
                        normal.window(windows.get(i)[0], windows.get(i)[1]),
                        run.connections(),
                        run.open(),
                        attack.stalls() ? run.allClosedAfterStall() : run.allClosedAfterOpening(),
                        attack.stalls() ? STALL_BOUND : SLOWLORIS_BOUND,
                        stalledFor,
                        heldByAttack.get(i)));
            }
            runs.forEach(AttackRun::close);
            runs.clear();
            List<String> afterwards = afterwards();
            ProcessGauges.Reading peak = peak(readings);
            List<HealthPoll> healthPolls = health.window(healthFrom, Long.MAX_VALUE).stream()
                    .map(s -> new HealthPoll(
                            s,
                            stalls.stalledNanos(
                                    health.nanoTimeOf(s.startNanos()),
                                    health.nanoTimeOf(s.startNanos() + s.latencyNanos()))))
                    .toList();
            return new Result(
                    target.label(),
                    outcomes,
                    baseline,
                    normal.window(attacksFrom, attacksTo),
                    healthPolls,
                    stalls.summary(health.nanoTimeOf(healthFrom), System.nanoTime()),
                    healthWhere,
                    afterwards,
                    before,
                    peak);
        } finally {
            runs.forEach(AttackRun::close);
        }
    }

    private static Duration stallObserved(AttackRun run, Attack attack) {
        Duration trickle = attack == Attack.SLOW_UPLOAD ? Duration.ofSeconds(Attack.TRICKLE_SECONDS) : Duration.ZERO;
        Duration d = run.elapsed().minus(trickle);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** After the attacks: a few normal requests must still be served (a fresh connection each). */
    private List<String> afterwards() throws InterruptedException {
        List<String> failures = new ArrayList<>();
        try (LatencyProbe after = new LatencyProbe(
                target.label() + " after",
                target.uri(Endpoints.FILES_PREFIX + "hello.txt"),
                Duration.ofSeconds(10),
                Duration.ofMillis(100),
                true,
                "hello, world\n"::equals)) {
            if (!within(Duration.ofSeconds(30), () -> after.all().size() >= 5)) {
                failures.add("fewer than 5 answers within 30 s");
            }
            after.all().stream().filter(LatencyProbe.Sample::failed).forEach(s -> failures.add(s.failure()));
        }
        return failures;
    }

    private static ProcessGauges.Reading peak(List<ProcessGauges.Reading> readings) {
        double threads = readings.stream()
                .mapToDouble(ProcessGauges.Reading::threads)
                .filter(d -> !Double.isNaN(d))
                .max()
                .orElse(Double.NaN);
        double rss = readings.stream()
                .mapToDouble(ProcessGauges.Reading::rssBytes)
                .filter(d -> !Double.isNaN(d))
                .max()
                .orElse(Double.NaN);
        return new ProcessGauges.Reading(threads, rss);
    }

    /** Waits at most {@code limit} for {@code condition}; whether it came true (the caller decides what a timeout means). */
    private static boolean within(Duration limit, java.util.concurrent.Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(50)).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
