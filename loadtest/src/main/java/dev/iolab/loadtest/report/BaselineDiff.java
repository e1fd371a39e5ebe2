package dev.iolab.loadtest.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This run against a baseline run, row by row (target x scenario x users): each measure's {@link Change}; rows only
 * one side has are listed, not compared.
 */
public record BaselineDiff(
        Baseline baseline, int rounds, List<RowChanges> rows, List<String> onlyInBaseline, List<String> onlyInThisRun) {

    /** One row's changes, by {@link Measure#key}. */
    public record RowChanges(String key, ResultRow row, Map<String, Change> changes) {}

    public static BaselineDiff of(Baseline baseline, Repeats now) {
        List<RowChanges> rows = new ArrayList<>();
        List<String> onlyHere = new ArrayList<>();
        for (ResultRow r : now.rows()) {
            String key = Repeats.key(r);
            Map<String, Spread> before = baseline.rows().get(key);
            if (before == null) {
                onlyHere.add(key);
                continue;
            }
            Map<String, Change> changes = new LinkedHashMap<>();
            for (Measure m : Measure.ALL) {
                changes.put(m.key(), Change.of(m, before.get(m.key()), now.spread(r, m.key())));
            }
            rows.add(new RowChanges(key, r, changes));
        }
        List<String> onlyThere = baseline.rows().keySet().stream()
                .filter(k -> now.rows().stream().noneMatch(r -> Repeats.key(r).equals(k)))
                .toList();
        return new BaselineDiff(
                baseline, now.rounds(), List.copyOf(rows), List.copyOf(onlyThere), List.copyOf(onlyHere));
    }

    /** How many measures of the compared rows have each verdict. */
    public Map<Change.Verdict, Integer> counts() {
        Map<Change.Verdict, Integer> counts = new LinkedHashMap<>();
        for (Change.Verdict v : Change.Verdict.values()) {
            counts.put(v, 0);
        }
        rows.forEach(r -> r.changes().values().forEach(c -> counts.merge(c.verdict(), 1, Integer::sum)));
        return counts;
    }
}
