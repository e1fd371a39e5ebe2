package dev.iolab.loadtest.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One scenario's targets against the numbers a reader ranks them by, each cell the ratio to the best ranked value.
 * Only rows that measured the target are ranked: a client-bound row (a lower bound), one with errors, or one whose
 * client and server counts disagree keeps its numbers but no ratio, and is never the best.
 */
public record ScenarioMatrix(
        String scenario, int users, boolean sweep, List<ResultRow> rows, Map<String, List<Cell>> cells) {

    /** A number the matrix ranks by: which way is better, and the smallest value told apart (Gatling's 1 ms). */
    public record Metric(
            String label, String unit, boolean higherIsBetter, double resolution, Function<ResultRow, Double> value) {}

    /** A row's value of one metric, its ratio to the best ranked value (null: not ranked), and whether it is the best. */
    public record Cell(Double value, Double ratio, boolean best) {}

    public static final List<Metric> METRICS = List.of(
            new Metric("throughput", "req/s", true, 1e-9, r -> r.client().throughputRps()),
            new Metric("p99", "ms", false, 1, r -> r.client().p99()),
            new Metric("CPU per 1k req", "ms", false, 1e-3, r -> r.server().cpuMsPer1kRequests()),
            new Metric("peak RSS", "MB", false, 1e-3, r -> r.server().rssPeakMb()),
            new Metric(
                    "threads",
                    "",
                    false,
                    1,
                    r -> r.server().threadsPeak() == null
                            ? null
                            : r.server().threadsPeak().doubleValue()));

    /**
     * Whether the row measured the target: not limited by the load generator, not failing, and its client and server
     * agree on the count (the per-request server numbers divide by the server's count: when it disagrees with the
     * client's, a c10k run once showed 20.7 ms of CPU per 1k requests for a target spinning a whole core at 80 req/s).
     */
    public static boolean ranked(ResultRow r) {
        return !r.flags().contains(Flags.CLIENT_BOUND)
                && !r.flags().contains(Flags.ERRORS)
                && !r.flags().contains(Flags.COUNT_MISMATCH);
    }

    /** One matrix per scenario, or per scenario and concurrency when the scenario was swept; in run order. */
    public static List<ScenarioMatrix> of(List<ResultRow> rows) {
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            groups.computeIfAbsent(r.scenario() + "\n" + r.users(), k -> new ArrayList<>())
                    .add(r);
        }
        List<ScenarioMatrix> matrices = new ArrayList<>();
        groups.values().forEach(group -> {
            String scenario = group.getFirst().scenario();
            boolean sweep = rows.stream()
                            .filter(r -> r.scenario().equals(scenario))
                            .map(ResultRow::users)
                            .distinct()
                            .count()
                    > 1;
            matrices.add(of(scenario, group.getFirst().users(), sweep, group));
        });
        return matrices;
    }

    static ScenarioMatrix of(String scenario, int users, boolean sweep, List<ResultRow> group) {
        Map<String, List<Cell>> cells = new LinkedHashMap<>();
        group.forEach(r -> cells.put(r.target(), new ArrayList<>()));
        for (Metric m : METRICS) {
            Double best = best(m, group);
            for (ResultRow r : group) {
                Double v = value(m, r);
                boolean rank = ranked(r) && v != null && best != null;
                Double ratio = rank ? Math.max(v, m.resolution()) / Math.max(best, m.resolution()) : null;
                cells.get(r.target()).add(new Cell(v, ratio, rank && Math.abs(ratio - 1) < 1e-9));
            }
        }
        return new ScenarioMatrix(scenario, users, sweep, List.copyOf(group), cells);
    }

    /** The best ranked value of {@code m} among {@code rows} (null when no row is ranked). */
    static Double best(Metric m, List<ResultRow> rows) {
        Double best = null;
        for (ResultRow r : rows) {
            Double v = value(m, r);
            if (ranked(r) && v != null) {
                // values within the metric's resolution are one value: both are the best
                double q = Math.max(v, m.resolution());
                best = best == null ? q : m.higherIsBetter() ? Math.max(best, q) : Math.min(best, q);
            }
        }
        return best;
    }

    static Double value(Metric m, ResultRow r) {
        Double v = m.value().apply(r);
        return v == null || v.isNaN() ? null : v;
    }

    /** The matrix's heading: the scenario, with its concurrency when it was swept. */
    public String title() {
        return sweep ? scenario + " at " + users + " users" : scenario;
    }

    /** The rows limited by the load generator: their throughput is a lower bound. */
    public List<ResultRow> clientBound() {
        return rows.stream().filter(r -> r.flags().contains(Flags.CLIENT_BOUND)).toList();
    }
}
