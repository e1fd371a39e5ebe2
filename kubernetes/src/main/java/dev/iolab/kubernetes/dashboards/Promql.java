package dev.iolab.kubernetes.dashboards;

import java.util.StringJoiner;

/** PromQL fragments the dashboards are written with, so every selector filters on {@code iomodel=~"$iomodel"}. */
final class Promql {

    /** Grafana's rate window: at least four scrape intervals, so a rate never sees fewer than two samples. */
    static final String RATE_INTERVAL = "$__rate_interval";

    private Promql() {}

    /** {@code metric{iomodel=~"$iomodel",<matchers>}}. */
    static String sel(String metric, String... matchers) {
        StringJoiner labels = new StringJoiner(",", "{", "}");
        labels.add(Variable.IOMODEL + "=~\"$" + Variable.IOMODEL + "\"");
        for (String matcher : matchers) {
            labels.add(matcher);
        }
        return metric + labels;
    }

    /** {@code rate(metric{iomodel=~"$iomodel",...}[$__rate_interval])}. */
    static String rate(String metric, String... matchers) {
        return "rate(" + sel(metric, matchers) + "[" + RATE_INTERVAL + "])";
    }

    /** {@code <aggregation> by (<labels>) (<expr>)}. */
    static String agg(String aggregation, String by, String expr) {
        return aggregation + " by (" + by + ") (" + expr + ")";
    }

    static String sumBy(String by, String expr) {
        return agg("sum", by, expr);
    }

    static String maxBy(String by, String expr) {
        return agg("max", by, expr);
    }

    /** {@code histogram_quantile(q, sum by (le, <by>) (rate(<histogram>_bucket{...}[$__rate_interval])))}. */
    static String quantile(double q, String histogram, String by, String... matchers) {
        return "histogram_quantile(" + q + ", " + sumBy("le, " + by, rate(histogram + "_bucket", matchers)) + ")";
    }

    /**
     * {@code expr or 0 * fallback}: a series that only appears once something happened (a 5xx, a GC) reads 0 until then,
     * for every series of {@code fallback}, instead of leaving the panel empty.
     */
    static String orZero(String expr, String fallback) {
        return expr + " or 0 * " + fallback;
    }
}
