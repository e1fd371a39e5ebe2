package dev.iolab.loadtest.server;

import java.util.Map;
import java.util.TreeMap;

/** Percentiles from the difference of two cumulative Prometheus histograms, interpolated like histogram_quantile. */
public final class Histograms {

    private Histograms() {}

    /** {@code after - before}, bucket by bucket (buckets missing before count as 0). */
    public static TreeMap<Double, Double> delta(TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        after.forEach((le, count) -> delta.put(le, count - before.getOrDefault(le, 0.0)));
        return delta;
    }

    /**
     * The {@code q} quantile (0..1) in seconds, linearly interpolated inside the bucket where it falls, as
     * Prometheus' histogram_quantile does; NaN when the histogram is empty. Falling into +Inf gives the last finite bound.
     */
    public static double quantile(double q, TreeMap<Double, Double> cumulative) {
        if (cumulative.isEmpty()) {
            return Double.NaN;
        }
        double total = cumulative.lastEntry().getValue();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            double le = bucket.getKey();
            double count = bucket.getValue();
            if (count >= rank) {
                if (Double.isInfinite(le)) {
                    return lowerBound;
                }
                double inBucket = count - lowerCount;
                return inBucket <= 0 ? le : lowerBound + (le - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = le;
            lowerCount = count;
        }
        return lowerBound;
    }
}
