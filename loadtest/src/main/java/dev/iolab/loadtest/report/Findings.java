package dev.iolab.loadtest.report;

import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import dev.iolab.loadtest.runner.Scenario;
import dev.iolab.loadtest.simulation.DelaySimulation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a scenario's numbers say, in one sentence, by rules a test can hold to: nothing is ranked that the load
 * generator limited; a thread-per-request pool at its ceiling of threads / delay is named as such; thread counts
 * that grow with connections are named; otherwise the throughput leader, or a tie when the lead is within noise.
 */
public final class Findings {

    /** A pool is "at its ceiling" when its throughput is within this share of threads / delay. */
    static final double CEILING_SHARE = 0.10;
    /** Leads smaller than this share are a tie on one run of a shared machine. */
    static final double TIE_SHARE = 0.10;
    /**
     * Threads grow with connections when a row has at least one thread per connection (of at least {@link
     * #MIN_CONNECTIONS}) and at least this share of them above the fewest threads any target of the scenario needed.
     */
    static final double THREADS_PER_CONNECTION = 0.8;

    static final int MIN_CONNECTIONS = 50;
    /** c10k: at least this many threads added per held connection is thread-per-connection. */
    static final double C10K_THREADS_PER_CONNECTION = 0.5;

    private Findings() {}

    /** The main finding of one matrix (one scenario, one concurrency), without the scenario's name (its heading). */
    public static String sentence(ScenarioMatrix m) {
        List<ResultRow> ranked =
                m.rows().stream().filter(ScenarioMatrix::ranked).toList();
        if (ranked.isEmpty()) {
            return "No row measured a target ("
                    + (m.clientBound().isEmpty()
                            ? "every row had errors or a server count that disagrees with the client's"
                            : "the load generator limited every row")
                    + "), so nothing is ranked.";
        }
        List<String> clauses = new ArrayList<>();
        if (m.scenario().equals(Scenario.C10K.id())) {
            threadPerConnectionC10k(m.rows()).ifPresent(clauses::add);
        }
        if (m.scenario().equals(Scenario.DELAY.id())) {
            m.rows().stream()
                    .filter(r -> r.target().equals(Target.MVC_PLATFORM.id()))
                    .findFirst()
                    .flatMap(Findings::poolCeiling)
                    .ifPresent(clauses::add);
        }
        if (clauses.isEmpty()) {
            clauses.add(leader(ranked));
        }
        threadsGrowWithConnections(m.rows()).ifPresent(clauses::add);
        // target ids stay as spelled (lower case), even first in the sentence
        return String.join("; ", clauses) + ".";
    }

    /**
     * mvc-platform in the delay scenario with more users than pool threads: every thread waits the delay, so its
     * throughput cannot pass threads / delay; said when it is there (and by how much others pass it).
     */
    static Optional<String> poolCeiling(ResultRow r) {
        if (!ScenarioMatrix.ranked(r) || r.users() <= Limits.PLATFORM_THREADS) {
            return Optional.empty();
        }
        double ceiling = ceilingRps();
        double rps = r.client().throughputRps();
        if (Math.abs(rps - ceiling) > CEILING_SHARE * ceiling) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "%s sits at its ceiling of %d threads / %d ms = %s req/s (measured %s) with %d users waiting",
                r.target(),
                Limits.PLATFORM_THREADS,
                DelaySimulation.DEFAULT_MS,
                grouped(ceiling),
                grouped(rps),
                r.users()));
    }

    /** Throughput a pool of {@link Limits#PLATFORM_THREADS} reaches when each request waits the default delay. */
    static double ceilingRps() {
        return Limits.PLATFORM_THREADS * 1000.0 / DelaySimulation.DEFAULT_MS;
    }

    /** Rows (of any scenario under load) whose peak threads grow with their concurrent connections. */
    static Optional<String> threadsGrowWithConnections(List<ResultRow> rows) {
        // the fewest threads any target needed here: what a JVM runs anyway, which a growing model adds to
        int floor = rows.stream()
                .filter(r -> r.server().threadsPeak() != null)
                .mapToInt(r -> r.server().threadsPeak())
                .min()
                .orElse(0);
        boolean baseline =
                rows.stream().filter(r -> r.server().threadsPeak() != null).count() > 1;
        List<ResultRow> growing = rows.stream()
                .filter(r -> !r.scenario().equals(Scenario.C10K.id())
                        && r.users() >= MIN_CONNECTIONS
                        && r.server().threadsPeak() != null
                        && r.server().threadsPeak() >= r.users()
                        && (!baseline || r.server().threadsPeak() - floor >= THREADS_PER_CONNECTION * r.users()))
                .toList();
        if (growing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("thread counts grow with the " + growing.getFirst().users() + " connections on "
                + String.join(
                        ", ",
                        growing.stream()
                                .map(r -> r.target() + " (" + r.server().threadsPeak() + ")")
                                .toList()));
    }

    /** c10k: which targets spent about a thread per held connection, against the fewest threads any other needed. */
    static Optional<String> threadPerConnectionC10k(List<ResultRow> rows) {
        List<ResultRow> perConnection = rows.stream()
                .filter(r -> number(r, "threads_per_connection")
                        .filter(t -> t >= C10K_THREADS_PER_CONNECTION)
                        .isPresent())
                .toList();
        if (perConnection.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder(String.join(
                        " and ", perConnection.stream().map(ResultRow::target).toList()))
                .append(perConnection.size() == 1 ? " holds" : " hold")
                .append(" about one thread per connection (");
        s.append(String.join(
                        ", ",
                        perConnection.stream()
                                .map(r -> String.format(
                                        Locale.ROOT,
                                        "%s threads for %s connections",
                                        intText(r.extra().get("threads_holding")),
                                        intText(r.extra().get("connections_held"))))
                                .toList()))
                .append(')');
        rows.stream()
                .filter(r -> !perConnection.contains(r) && r.extra().get("threads_holding") instanceof Number)
                .min(Comparator.comparingDouble(r -> ((Number) r.extra().get("threads_holding")).doubleValue()))
                .ifPresent(r -> s.append(", while ")
                        .append(r.target())
                        .append(" holds them with ")
                        .append(intText(r.extra().get("threads_holding")))
                        .append(" threads"));
        return Optional.of(s.toString());
    }

    /** The throughput leader among ranked rows and its lead over the next, or a tie when the lead is within noise. */
    static String leader(List<ResultRow> ranked) {
        List<ResultRow> byRps = ranked.stream()
                .sorted(Comparator.comparingDouble((ResultRow r) -> r.client().throughputRps())
                        .reversed())
                .toList();
        ResultRow first = byRps.getFirst();
        if (byRps.size() == 1) {
            return first.target() + " alone was measured: "
                    + grouped(first.client().throughputRps()) + " req/s";
        }
        ResultRow second = byRps.get(1);
        double lead =
                first.client().throughputRps() / Math.max(1e-9, second.client().throughputRps()) - 1;
        if (lead < TIE_SHARE) {
            List<String> tied = byRps.stream()
                    .filter(r -> r.client().throughputRps() >= first.client().throughputRps() / (1 + TIE_SHARE))
                    .map(ResultRow::target)
                    .toList();
            return String.join(", ", tied) + " are within " + Math.round(TIE_SHARE * 100)
                    + "% of each other in throughput (" + grouped(first.client().throughputRps())
                    + " req/s at most): a tie on one run";
        }
        return String.format(
                Locale.ROOT,
                "%s leads throughput at %s req/s, %.2fx %s (%s req/s)",
                first.target(),
                grouped(first.client().throughputRps()),
                1 + lead,
                second.target(),
                grouped(second.client().throughputRps()));
    }

    /**
     * How to measure client-bound rows of one scenario and concurrency: the exact {@code ./iolab compare} line with
     * wrk, or, where wrk cannot send the scenario, what to do instead.
     */
    public static String measureClientBound(String scenario, int users, List<String> targets) {
        Optional<Scenario> s = Scenario.byId(scenario);
        if (s.isEmpty() || s.get().wrkPath().isEmpty()) {
            return "wrk cannot drive " + scenario
                    + " (it sends bodies or holds connections): give the load generator more "
                    + "CPUs (--cpus-load) or share it over several load pods (./iolab k8s compare)";
        }
        return "./iolab compare --engine wrk --targets " + String.join(",", targets) + " --scenarios " + scenario
                + " --concurrency " + users;
    }

    private static Optional<Double> number(ResultRow r, String key) {
        return r.extra() != null && r.extra().get(key) instanceof Number n
                ? Optional.of(n.doubleValue())
                : Optional.empty();
    }

    private static String intText(Object o) {
        return o instanceof Number n ? grouped(n.doubleValue()) : "?";
    }

    static String grouped(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
