package dev.iolab.kubernetes;

import static dev.iolab.kubernetes.Yamls.containers;
import static dev.iolab.kubernetes.Yamls.list;
import static dev.iolab.kubernetes.Yamls.map;
import static dev.iolab.kubernetes.Yamls.name;
import static dev.iolab.kubernetes.Yamls.ofKind;
import static dev.iolab.kubernetes.Yamls.podTemplate;
import static dev.iolab.kubernetes.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The rendered Prometheus discovers every iolab pod and scrapes exactly the port that serves metrics:
 * its keep rules are evaluated here on the labels Kubernetes' pod discovery gives each container port.
 */
class PrometheusScrapeIT {

    static Stream<Rendering> renderings() {
        return Rendering.all().filter(Rendering::monitoring);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyTargetAndTheGatewayIsScrapedOnTheirMetricsPort(Rendering rendering) {
        List<Map<String, Object>> objects = rendering.objects();
        Map<String, Object> scrape = scrapeConfig(objects);
        assertThat(string(scrape, "metrics_path")).isEqualTo(Endpoints.PROMETHEUS);
        assertThat(list(scrape, "kubernetes_sd_configs").getFirst()).containsEntry("role", "pod");

        Map<String, String> scraped = new HashMap<>();
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            Map<String, Object> labels = map(podTemplate(deployment), "metadata", "labels");
            for (Map<String, Object> port : list(containers(deployment).getFirst(), "ports")) {
                Map<String, String> meta = new HashMap<>();
                labels.forEach((k, v) ->
                        meta.put("__meta_kubernetes_pod_label_" + k.replaceAll("[^a-zA-Z0-9_]", "_"), v.toString()));
                meta.put("__meta_kubernetes_pod_container_port_name", String.valueOf(port.get("name")));
                if (kept(list(scrape, "relabel_configs"), meta)) {
                    assertThat(scraped.put(name(deployment), String.valueOf(port.get("name"))))
                            .as("one scrape per pod: " + name(deployment))
                            .isNull();
                }
            }
        }
        Map<String, String> expected = new HashMap<>();
        for (Target target : Target.values()) {
            expected.put(target.id(), "management");
        }
        expected.put(Target.GATEWAY_ID, "management");
        assertThat(scraped).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theRulesOfTheMonitoringIssueAreLoaded(Rendering rendering) {
        Map<String, Object> rules = ofKind(rendering.objects(), "ConfigMap").stream()
                .filter(c -> name(c).startsWith("prometheus-rules"))
                .findFirst()
                .orElseThrow();
        assertThat(map(rules, "data")).containsKey("iolab.rules.yml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scrapeConfig(List<Map<String, Object>> objects) {
        Map<String, Object> config = ofKind(objects, "ConfigMap").stream()
                .filter(c -> name(c).startsWith("prometheus-config"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> prometheus = new Yaml().load(string(config, "data", "prometheus.yml"));
        List<Map<String, Object>> scrapes = (List<Map<String, Object>>) prometheus.get("scrape_configs");
        assertThat(scrapes).hasSize(1);
        return scrapes.getFirst();
    }

    /** Prometheus' keep/drop relabelling: source labels joined by the separator, the regex anchored. */
    @SuppressWarnings("unchecked")
    private static boolean kept(List<Map<String, Object>> rules, Map<String, String> meta) {
        for (Map<String, Object> rule : rules) {
            String action = String.valueOf(rule.getOrDefault("action", "replace"));
            if (!action.equals("keep") && !action.equals("drop")) {
                continue;
            }
            String separator = String.valueOf(rule.getOrDefault("separator", ";"));
            String value = String.join(
                    separator,
                    ((List<String>) rule.get("source_labels"))
                            .stream().map(l -> meta.getOrDefault(l, "")).toList());
            boolean matches = value.matches("(?:" + rule.get("regex") + ")");
            if (action.equals("keep") != matches) {
                return false;
            }
        }
        return true;
    }
}
