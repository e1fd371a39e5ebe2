package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.HealthProbeMetrics;
import dev.iolab.contract.MetricNames;
import dev.iolab.contract.Target;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;

/** {@code /actuator/prometheus}: the request histogram with templated, bounded uri values, JVM and process metrics, all tagged iomodel. */
@DisplayName("metrics")
class MetricsConformanceIT {

    private static final String REQUESTS = MetricNames.HTTP_SERVER_REQUESTS_PROMETHEUS;

    @ConformanceTest
    @DisplayName(
            "http_server_requests_seconds is a histogram tagged method, uri (templated), status, outcome and iomodel")
    void requestHistogramIsTagged(TargetUnderTest target) {
        Checks.status(Http.get(target, Endpoints.ECHO + "?msg=metrics"), 200);
        Checks.status(Http.get(target, Endpoints.FILES_PREFIX + "hello.txt"), 200);
        Checks.status(Http.get(target, Endpoints.DELAY + "?ms=0"), 200);
        Checks.status(
                Http.send(Http.request(target, Endpoints.ECHO)
                        .POST(HttpRequest.BodyPublishers.ofString("m"))
                        .build()),
                200);
        // The timer is recorded when the exchange completes, which may be just after the client saw the response.
        Awaitility.await("request series for /echo, /files/{name} and /delay")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    List<PrometheusText.Sample> samples = scrape(target);
                    for (String suffix : List.of("_bucket", "_count", "_sum")) {
                        assertThat(samples)
                                .as("%s%s with iomodel=%s", REQUESTS, suffix, target.id())
                                .anyMatch(s -> s.name().equals(REQUESTS + suffix)
                                        && target.id().equals(s.labels().get(MetricNames.TAG_IOMODEL)));
                    }
                    for (Map<String, String> expected : List.of(
                            Map.of("method", "GET", "uri", Endpoints.ECHO, "status", "200", "outcome", "SUCCESS"),
                            Map.of("method", "POST", "uri", Endpoints.ECHO, "status", "200", "outcome", "SUCCESS"),
                            Map.of(
                                    "method",
                                    "GET",
                                    "uri",
                                    Endpoints.FILES_TEMPLATE,
                                    "status",
                                    "200",
                                    "outcome",
                                    "SUCCESS"),
                            Map.of("method", "GET", "uri", Endpoints.DELAY, "status", "200", "outcome", "SUCCESS"))) {
                        assertThat(samples)
                                .as("a %s_count series tagged %s and iomodel=%s", REQUESTS, expected, target.id())
                                .anyMatch(s -> s.name().equals(REQUESTS + "_count")
                                        && target.id().equals(s.labels().get(MetricNames.TAG_IOMODEL))
                                        && s.labels().entrySet().containsAll(expected.entrySet()));
                    }
                });
    }

    @ConformanceTest
    @DisplayName("50 random unknown paths add no uri values but NOT_FOUND or UNKNOWN (cardinality stays bounded)")
    void unknownPathsDoNotGrowUriCardinality(TargetUnderTest target) {
        scrape(target); // the first scrape may itself add the /actuator/prometheus series
        Set<String> before = uris(scrape(target));
        String marker = "cardinality" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 50; i++) {
            Checks.status(Http.get(target, "/" + marker + "-" + i + "/x" + i), 404);
        }
        Awaitility.await("uri values after 50 unknown paths")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    Set<String> after = uris(scrape(target));
                    assertThat(after)
                            .as("uri values must not contain the random paths")
                            .noneMatch(u -> u.contains(marker));
                    Set<String> added = new TreeSet<>(after);
                    added.removeAll(before);
                    assertThat(added)
                            .as("uri values added by 50 unknown paths (before: %s)", before)
                            .isSubsetOf(MetricNames.URI_NOT_FOUND, MetricNames.URI_UNKNOWN);
                    assertThat(after)
                            .as("uri of the 404s")
                            .containsAnyOf(MetricNames.URI_NOT_FOUND, MetricNames.URI_UNKNOWN);
                });
    }

    @ConformanceTest
    @DisplayName(
            "jvm_threads_live_threads, jvm_memory_used_bytes, process_cpu_usage and process_resident_memory_bytes are exported with iomodel")
    void jvmAndProcessMetricsAreTagged(TargetUnderTest target) {
        List<PrometheusText.Sample> samples = scrape(target);
        for (String name : List.of(
                MetricNames.JVM_THREADS_LIVE,
                MetricNames.JVM_MEMORY_USED,
                MetricNames.PROCESS_CPU_USAGE,
                MetricNames.PROCESS_RESIDENT_MEMORY)) {
            assertThat(samples)
                    .as("%s with iomodel=%s", name, target.id())
                    .anyMatch(s -> s.name().equals(name)
                            && target.id().equals(s.labels().get(MetricNames.TAG_IOMODEL)));
        }
    }

    @ConformanceTest
    @DisplayName(
            "iolab_health_probe says what each probe answers: liveness and readiness both 1 while the target serves")
    void healthProbesAreExported(TargetUnderTest target) {
        Checks.status(Http.get(target, Endpoints.READINESS), 200);
        List<PrometheusText.Sample> samples = scrape(target);
        for (String probe : List.of(HealthProbeMetrics.LIVENESS, HealthProbeMetrics.READINESS)) {
            assertThat(samples)
                    .as("%s{probe=%s} = 1 with iomodel=%s", MetricNames.HEALTH_PROBE, probe, target.id())
                    .anyMatch(s -> s.name().equals(MetricNames.HEALTH_PROBE)
                            && s.number() == 1.0
                            && probe.equals(s.labels().get(HealthProbeMetrics.TAG_PROBE))
                            && target.id().equals(s.labels().get(MetricNames.TAG_IOMODEL)));
        }
    }

    @ConformanceTest
    @DisplayName(
            "the metrics of the target's I/O model are exported with iomodel: Tomcat and virtual threads, Reactor Netty, plain-io connections and loops")
    void ioModelMetricsAreTagged(TargetUnderTest target) {
        Target registered = Target.byId(target.id()).orElse(null);
        Assumptions.assumeTrue(registered != null, "not a registry target: " + target.id());
        // a served request first: Reactor Netty registers its connection gauges with the first connection
        Checks.status(Http.get(target, Endpoints.ECHO + "?msg=model-metrics"), 200);
        List<String> names = switch (registered.module()) {
            case BLOCKING_SERVICE ->
                List.of(
                        "tomcat_threads_busy_threads",
                        "tomcat_threads_current_threads",
                        "tomcat_threads_config_max_threads",
                        "tomcat_connections_current_connections",
                        "jvm_threads_virtual_live_threads",
                        "jvm_threads_virtual_pinned_seconds_count");
            case REACTIVE_SERVICE ->
                List.of(
                        "reactor_netty_http_server_connections",
                        "reactor_netty_http_server_connections_accepted_total",
                        "reactor_netty_http_server_connections_closed_total",
                        "reactor_netty_eventloop_pending_tasks");
            case PLAIN_IO ->
                List.of(
                        "iolab_connections_open",
                        "iolab_connections_accepted_total",
                        "iolab_connections_closed_total",
                        "iolab_loop_wakeups_total",
                        "iolab_loop_events_total");
        };
        List<PrometheusText.Sample> samples = scrape(target);
        for (String name : names) {
            assertThat(samples)
                    .as("%s with iomodel=%s", name, target.id())
                    .anyMatch(s -> s.name().equals(name)
                            && target.id().equals(s.labels().get(MetricNames.TAG_IOMODEL)));
        }
    }

    static List<PrometheusText.Sample> scrape(TargetUnderTest target) {
        HttpResponse<byte[]> response = Http.get(target, Endpoints.PROMETHEUS);
        Checks.status(response, 200);
        Checks.common(target, response);
        assertThat(Checks.essence(response.headers().firstValue("Content-Type").orElse("")))
                .as("Content-Type of the scrape%n%s", Describe.response(response))
                .isIn("text/plain", "application/openmetrics-text");
        return PrometheusText.parse(new String(response.body(), StandardCharsets.UTF_8));
    }

    static Set<String> uris(List<PrometheusText.Sample> samples) {
        return samples.stream()
                .filter(s -> s.name().startsWith(REQUESTS))
                .map(s -> s.labels().get(MetricNames.TAG_URI))
                .filter(u -> u != null)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
