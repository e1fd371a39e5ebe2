package dev.iolab.loadtest.report;

import dev.iolab.loadtest.runner.ClientNumbers;
import dev.iolab.loadtest.server.ServerNumbers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A run's rounds reduced to one row per target x scenario x users: each number the median of its rounds, with its
 * {@link Spread}; a row keeps the flags any round raised (a row client-bound once is a lower bound) and the report,
 * figures and anatomy of its representative round, the one whose throughput is nearest the median; {@code perRound}
 * keeps each round's own row by {@link #key}.
 */
public record Repeats(
        int rounds,
        List<ResultRow> rows,
        Map<String, Map<String, Spread>> spreads,
        Map<String, Integer> representative,
        Map<String, List<ResultRow>> perRound) {

    /** One run of every row: no spread. */
    public static Repeats single(List<ResultRow> rows) {
        return of(List.of(rows));
    }

    /** {@code rounds.get(i)} holds the rows round i + 1 measured; rows keep the order they first appeared in. */
    public static Repeats of(List<List<ResultRow>> rounds) {
        Map<String, List<ResultRow>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < rounds.size(); i++) {
            for (ResultRow r : rounds.get(i)) {
                List<ResultRow> perRound = byKey.computeIfAbsent(key(r), k -> new ArrayList<>());
                while (perRound.size() < i) {
                    perRound.add(null);
                }
                perRound.add(r);
            }
        }
        List<ResultRow> rows = new ArrayList<>();
        Map<String, Map<String, Spread>> spreads = new LinkedHashMap<>();
        Map<String, Integer> representative = new LinkedHashMap<>();
        Map<String, List<ResultRow>> perRoundRows = new LinkedHashMap<>();
        byKey.forEach((key, perRound) -> {
            while (perRound.size() < rounds.size()) {
                perRound.add(null); // a round that failed this row
            }
            Map<String, Spread> of = new LinkedHashMap<>();
            for (Measure m : Measure.ALL) {
                of.put(
                        m.key(),
                        Spread.of(perRound.stream()
                                .map(r -> r == null ? null : m.of(r))
                                .toList()));
            }
            spreads.put(key, of);
            int rep = representative(perRound, of.get("throughput_rps").median());
            representative.put(key, rep + 1);
            rows.add(median(perRound, perRound.get(rep)));
            perRoundRows.put(key, Collections.unmodifiableList(perRound));
        });
        return new Repeats(rounds.size(), List.copyOf(rows), spreads, representative, perRoundRows);
    }

    public static String key(ResultRow r) {
        return Timeline.key(r.target(), r.scenario(), r.users());
    }

    /** The spread of {@code measure} of {@code row} (a row of {@link #rows}). */
    public Spread spread(ResultRow row, String measure) {
        Map<String, Spread> of = spreads.get(key(row));
        return of == null ? null : of.get(measure);
    }

    /** The round (from 1) whose report, figures and anatomy the row shows. */
    public int representativeRound(ResultRow row) {
        return representative.getOrDefault(key(row), 1);
    }

    /**
     * The row as each round measured it (index 0: round 1; null where that round failed it): each round's own Gatling
     * report and numbers, for the figures that draw the spread of a whole curve.
     */
    public List<ResultRow> eachRound(ResultRow row) {
        List<ResultRow> of = perRound.get(key(row));
        return of == null ? List.of(row) : of;
    }

    /** Index of the first round whose throughput is nearest the median. */
    private static int representative(List<ResultRow> perRound, Double median) {
        int best = -1;
        for (int i = 0; i < perRound.size(); i++) {
            ResultRow r = perRound.get(i);
            if (r == null) {
                continue;
            }
            if (best < 0
                    || median != null
                            && Math.abs(r.client().throughputRps() - median)
                                    < Math.abs(perRound.get(best).client().throughputRps() - median)) {
                best = i;
            }
        }
        return best;
    }

    /** The row of medians: the representative's identity, report and anatomy, every number the median of the rounds. */
    static ResultRow median(List<ResultRow> perRound, ResultRow rep) {
        List<ResultRow> measured = perRound.stream().filter(Objects::nonNull).toList();
        if (measured.size() == 1) {
            return rep;
        }
        ClientNumbers client = new ClientNumbers(
                medianLong(measured, r -> r.client().requests()),
                medianLong(measured, r -> r.client().ok()),
                medianLong(measured, r -> r.client().ko()),
                med(measured, r -> r.client().throughputRps()),
                med(measured, r -> r.client().p50()),
                med(measured, r -> r.client().p90()),
                med(measured, r -> r.client().p99()),
                med(measured, r -> r.client().p999()),
                med(measured, r -> r.client().max()),
                med(measured, r -> r.client().durationSeconds()));
        Double requests = medOrNull(measured, r -> asDouble(r.server().requests()));
        Double threads = medOrNull(measured, r -> asDouble(r.server().threadsPeak()));
        Double gcPauses = medOrNull(measured, r -> asDouble(r.server().gcPauses()));
        ServerNumbers server = new ServerNumbers(
                requests == null ? null : Math.round(requests),
                medOrNull(measured, r -> r.server().cpuSeconds()),
                medOrNull(measured, r -> r.server().cpuMsPer1kRequests()),
                medOrNull(measured, r -> r.server().rssPeakMb()),
                threads == null ? null : (int) Math.round(threads),
                medOrNull(measured, r -> r.server().p50Ms()),
                medOrNull(measured, r -> r.server().p99Ms()),
                gcPauses == null ? null : Math.round(gcPauses),
                medOrNull(measured, r -> r.server().gcPauseMs()));
        LinkedHashSet<String> flags = new LinkedHashSet<>();
        measured.forEach(r -> flags.addAll(r.flags()));
        return new ResultRow(
                rep.target(),
                rep.scenario(),
                rep.engine(),
                rep.users(),
                rep.rate(),
                client,
                server,
                med(measured, ResultRow::loadCpuShare),
                medOrNull(measured, ResultRow::targetCpuShare),
                List.copyOf(flags),
                rep.gatlingReport(),
                rep.extra(),
                rep.anatomy());
    }

    private static Double asDouble(Number n) {
        return n == null ? null : n.doubleValue();
    }

    private static double med(List<ResultRow> rows, Function<ResultRow, Double> value) {
        Double m = medOrNull(rows, value);
        return m == null ? Double.NaN : m;
    }

    private static long medianLong(List<ResultRow> rows, Function<ResultRow, Long> value) {
        return Math.round(med(rows, r -> value.apply(r).doubleValue()));
    }

    private static Double medOrNull(List<ResultRow> rows, Function<ResultRow, Double> value) {
        return Spread.of(rows.stream()
                        .map(value)
                        .map(v -> v == null || v.isNaN() ? null : v)
                        .toList())
                .median();
    }
}
