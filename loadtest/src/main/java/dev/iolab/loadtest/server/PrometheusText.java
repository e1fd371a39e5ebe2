package dev.iolab.loadtest.server;

import dev.iolab.contract.MetricNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One scrape of a target's {@code /actuator/prometheus} in the Prometheus text format, with the few sums the
 * report needs: requests served, the request-latency histogram, live threads and GC pauses.
 */
public final class PrometheusText {

    /** One sample line: {@code name{labels} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    /** Reads a scrape with the project's one parser ({@link dev.iolab.conformance.PrometheusText}). */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (dev.iolab.conformance.PrometheusText.Sample s : dev.iolab.conformance.PrometheusText.parse(text)) {
            samples.add(new Sample(s.name(), s.labels(), s.number()));
        }
        return new PrometheusText(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Sum of all series of {@code name} whose labels pass {@code filter}; 0 when absent. */
    public double sum(String name, Predicate<Map<String, String>> filter) {
        return samples.stream()
                .filter(s -> s.name.equals(name) && filter.test(s.labels))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** True when any sample named {@code name} exists. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name.equals(name));
    }

    /** Requests the target served on the contract's endpoints (the scrapes and health checks themselves excluded). */
    public double requests() {
        return sum(MetricNames.HTTP_SERVER_REQUESTS_PROMETHEUS + "_count", PrometheusText::isLoad);
    }

    /** The request-latency histogram over the contract's endpoints: upper bound (s) to cumulative count. */
    public TreeMap<Double, Double> latencyBuckets() {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Sample s : samples) {
            if (s.name.equals(MetricNames.HTTP_SERVER_REQUESTS_PROMETHEUS + "_bucket")
                    && isLoad(s.labels)
                    && s.labels.containsKey("le")) {
                // an le bound is spelled as a sample value is (+Inf included)
                double le =
                        new dev.iolab.conformance.PrometheusText.Sample(s.name, Map.of(), s.labels.get("le")).number();
                buckets.merge(le, s.value, Double::sum);
            }
        }
        return buckets;
    }

    public double liveThreads() {
        return sum(MetricNames.JVM_THREADS_LIVE, l -> true);
    }

    public double gcPauseCount() {
        return sum(MetricNames.JVM_GC_PAUSE + "_count", l -> true);
    }

    public double gcPauseSeconds() {
        return sum(MetricNames.JVM_GC_PAUSE + "_sum", l -> true);
    }

    /** CPU time of the process as the target reports it (used when there is no /proc to read, e.g. a remote URL). */
    public double cpuSeconds() {
        return sum(MetricNames.PROCESS_CPU_TIME, l -> true) / 1e9;
    }

    /** A series belongs to the load when its uri is not an actuator endpoint. */
    static boolean isLoad(Map<String, String> labels) {
        String uri = labels.getOrDefault(MetricNames.TAG_URI, "");
        return !uri.startsWith("/actuator");
    }
}
