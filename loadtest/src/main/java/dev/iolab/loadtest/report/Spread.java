package dev.iolab.loadtest.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One number across the rounds of a run: each round's value (null where that round did not measure it), their median,
 * and their spread as the range min..max; one value has no spread, so nothing can be told from it about noise.
 */
public record Spread(List<Double> values, Double median, Double min, Double max) {

    public Spread {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static Spread of(List<Double> values) {
        List<Double> sorted = values.stream().filter(Objects::nonNull).sorted().toList();
        if (sorted.isEmpty()) {
            return new Spread(values, null, null, null);
        }
        return new Spread(values, median(sorted), sorted.getFirst(), sorted.getLast());
    }

    /** The median of sorted values: the middle one, or the mean of the middle two. */
    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** How many rounds measured the number. */
    public int rounds() {
        return (int) values.stream().filter(Objects::nonNull).count();
    }

    /** Whether there is a spread to judge noise by: at least two rounds measured the number. */
    public boolean hasSpread() {
        return rounds() >= 2;
    }

    /** max - min (0 for one value, null for none). */
    public Double width() {
        return median == null ? null : max - min;
    }

    /** The range as a share of the median, in percent: (max - min) / median (null when the median is 0). */
    public Double percent() {
        return median == null || median == 0 ? null : 100 * (max - min) / Math.abs(median);
    }
}
