package dev.iolab.conformance.soak;

import dev.iolab.conformance.Http;
import dev.iolab.conformance.PrometheusText;
import dev.iolab.conformance.TargetUnderTest;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.MetricNames;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The requests a target says it served, per {@code method uri} for the soak's paths: the sum over statuses and
 * outcomes of {@code http_server_requests_seconds_count} tagged with the target's {@code iomodel}.
 */
final class ServerCounts {

    private static final Set<String> URIS = Set.of(Endpoints.ECHO, Endpoints.FILES_TEMPLATE);

    private ServerCounts() {}

    /** A scrape of the target's own endpoint (through a gateway route, the upstream's). */
    static Map<String, Long> read(TargetUnderTest target) {
        HttpResponse<byte[]> response = Http.get(target, Endpoints.PROMETHEUS);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scrape of " + target.label() + " answered " + response.statusCode());
        }
        Map<String, Long> counts = new TreeMap<>();
        for (PrometheusText.Sample s : PrometheusText.parse(new String(response.body(), StandardCharsets.UTF_8))) {
            if (s.name().equals(MetricNames.HTTP_SERVER_REQUESTS_PROMETHEUS + "_count")
                    && target.id().equals(s.labels().get(MetricNames.TAG_IOMODEL))
                    && URIS.contains(s.labels().get(MetricNames.TAG_URI))) {
                counts.merge(
                        s.labels().get(MetricNames.TAG_METHOD) + " "
                                + s.labels().get(MetricNames.TAG_URI),
                        Math.round(s.number()),
                        Long::sum);
            }
        }
        return counts;
    }

    /** {@code after - before} per key, keys with no change left out. */
    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((key, value) -> {
            long d = value - before.getOrDefault(key, 0L);
            if (d != 0) {
                delta.put(key, d);
            }
        });
        return delta;
    }
}
