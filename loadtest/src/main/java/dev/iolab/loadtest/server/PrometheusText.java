package dev.iolab.loadtest.server;

import dev.iolab.contract.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = brace < 0 ? line.indexOf(' ') : line.indexOf(' ', line.lastIndexOf('}'));
            if (space < 0) {
                continue;
            }
            String name = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
            Map<String, String> labels =
                    brace < 0 ? Map.of() : labels(line.substring(brace + 1, line.lastIndexOf('}')));
            String[] rest = line.substring(space + 1).strip().split("\\s+");
            samples.add(new Sample(name, labels, parseValue(rest[0])));
        }
        return new PrometheusText(samples);
    }

    private static Map<String, String> labels(String body) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < body.length()) {
            int eq = body.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = body.substring(i, eq).strip().replaceFirst("^,", "").strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2; // skip ="
            while (j < body.length() && body.charAt(j) != '"') {
                if (body.charAt(j) == '\\' && j + 1 < body.length()) {
                    j++;
                }
                value.append(body.charAt(j++));
            }
            labels.put(key, value.toString());
            i = j + 1;
        }
        return labels;
    }

    private static double parseValue(String v) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
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
                buckets.merge(parseValue(s.labels.get("le")), s.value, Double::sum);
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
