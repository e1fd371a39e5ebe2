package dev.iolab.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Target;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The full stack as containers: the ten targets and the gateway from their rendered pods, and Prometheus with the
 * overlay's rendered configuration (Kubernetes discovery swapped for the same pods as static targets) and rules.
 * After a short bounded load on every target, directly and through the gateway, every PromQL expression of every
 * dashboard panel must return data from the real Prometheus for every {@code iomodel} the dashboard applies to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullStackIT {

    private static final Path MONITORING = ContainerSupport.REPO.resolve("k8s/monitoring");

    private ContainerStack stack;
    private PrometheusContainer prometheus;
    private Instant evaluatedAt;

    @BeforeAll
    void startPrometheusAndLoad() throws Exception {
        stack = ContainerStack.shared();
        Map<String, PodSpec> running = new LinkedHashMap<>();
        List<URI> bases = new ArrayList<>();
        for (Map.Entry<Target, TargetContainer> e : stack.targets().entrySet()) {
            running.put(e.getValue().name(), e.getValue().pod());
            bases.add(e.getValue().baseUri());
            bases.add(URI.create(stack.gateway().baseUri() + "/" + e.getKey().id()));
        }
        running.put(stack.gateway().name(), stack.gateway().pod());
        String rendered = RenderedPods.kustomize(ContainerSupport.OVERLAY);
        String config = RenderedPrometheus.withStaticPods(
                RenderedPods.configMap(rendered, "prometheus-config").get("prometheus.yml"), running);
        prometheus = PrometheusContainer.start(
                stack.network(), config, RenderedPods.configMap(rendered, "prometheus-rules"));
        int scrapes = running.size();
        Map<URI, Map<Integer, AtomicLong>> counts = LoadBurst.run(bases, 40);
        counts.forEach((base, byClass) -> assertThat(
                        byClass.getOrDefault(2, new AtomicLong()).get())
                .as("2xx answers from %s during the load burst (by status class: %s)", base, byClass)
                .isPositive());
        // Two more scrapes and rule evaluations after the burst, so its last requests are in every rate window.
        Instant loadEnd = Instant.now();
        Awaitility.await("Prometheus scraped every target after the load")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> scrapedAfter(loadEnd.plusSeconds(6)) >= scrapes);
        evaluatedAt = Instant.now();
    }

    @AfterAll
    void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    @DisplayName(
            "the rendered relabelling keeps one scrape per pod: every target and the gateway up, each with its iomodel")
    void everyTargetIsUp() {
        List<JsonNode> up = prometheus.results("up == 1", evaluatedAt);
        assertThat(up)
                .as("healthy scrape targets; Prometheus log: %s", prometheus.logTail(20))
                .hasSize(Target.values().length + 1);
        List<String> iomodels = prometheus.results("count by (iomodel) (process_uptime_seconds)", evaluatedAt).stream()
                .map(r -> r.path("metric").path("iomodel").asString())
                .toList();
        List<String> expected = new ArrayList<>(Target.ids());
        expected.add(Target.GATEWAY_ID);
        assertThat(iomodels).as("iomodel tags seen in the scrapes").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("the repository's recording rules and alerts load into the real Prometheus")
    void rulesLoad() {
        JsonNode groups = prometheus.get("/api/v1/rules").path("data").path("groups");
        assertThat(groups.size())
                .as("rule groups loaded from k8s/monitoring/prometheus/rules: %s", groups)
                .isPositive();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                assertThat(rule.path("health").asString())
                        .as(
                                "rule %s: %s",
                                rule.path("name").asString(),
                                rule.path("lastError").asString())
                        .isIn("ok", "unknown");
            }
        }
    }

    @Test
    @DisplayName("every PromQL expression of every dashboard panel returns data for every iomodel it applies to")
    void everyDashboardQueryReturnsData() {
        List<String> problems = new ArrayList<>();
        List<DashboardQueries.Query> queries = DashboardQueries.load(MONITORING.resolve("dashboards"), problems);
        assertThat(queries)
                .as("dashboard queries found under %s", MONITORING.resolve("dashboards"))
                .isNotEmpty();
        assertThat(prometheus.results("iolab_no_target_exports_this_total", evaluatedAt))
                .as("a query for a metric nobody exports (else 'returns data' would prove nothing)")
                .isEmpty();
        for (DashboardQueries.Query query : queries) {
            try {
                if (prometheus.results(query.expr(), evaluatedAt).isEmpty()) {
                    problems.add("no data: " + query);
                }
            } catch (AssertionError e) {
                problems.add(e.getMessage() + " (" + query + ")");
            }
        }
        System.out.printf("CONTAINERS %d dashboard queries evaluated, %d problems%n", queries.size(), problems.size());
        assertThat(problems)
                .as("dashboard queries that fail or return nothing at %s", evaluatedAt)
                .isEmpty();
    }

    /** How many scrape targets were last scraped after {@code instant} and are up. */
    private int scrapedAfter(Instant instant) {
        int count = 0;
        for (JsonNode target :
                prometheus.get("/api/v1/targets?state=active").path("data").path("activeTargets")) {
            String last = target.path("lastScrape").asString();
            if ("up".equals(target.path("health").asString())
                    && !last.isEmpty()
                    && java.time.OffsetDateTime.parse(last).toInstant().isAfter(instant)) {
                count++;
            }
        }
        return count;
    }
}
