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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the rendered objects say about each other and about the registry holds in every rendering. */
class CrossReferenceIT {

    static Stream<Rendering> renderings() {
        return Rendering.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceSelectsAPodAndTargetsOneOfItsPorts(Rendering rendering) {
        List<Map<String, Object>> objects = rendering.objects();
        List<Map<String, Object>> deployments = ofKind(objects, "Deployment");
        for (Map<String, Object> service : ofKind(objects, "Service")) {
            Map<String, Object> selector = map(service, "spec", "selector");
            assertThat(selector).as("selector of Service " + name(service)).isNotEmpty();
            List<Map<String, Object>> selected = deployments.stream()
                    .filter(d ->
                            map(podTemplate(d), "metadata", "labels").entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected)
                    .as("Deployments whose pods Service %s selects", name(service))
                    .hasSize(1);
            List<Map<String, Object>> ports =
                    list(containers(selected.getFirst()).getFirst(), "ports");
            for (Map<String, Object> port : list(service, "spec", "ports")) {
                String target = String.valueOf(port.get("targetPort"));
                assertThat(ports)
                        .as("Service %s targetPort %s is a container port", name(service), target)
                        .anyMatch(p ->
                                target.equals(p.get("name")) || target.equals(String.valueOf(p.get("containerPort"))));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyTargetRunsItsImageWithProbesOnItsManagementPort(Rendering rendering) {
        List<Map<String, Object>> deployments = ofKind(rendering.objects(), "Deployment");
        for (Target target : Target.values()) {
            Map<String, Object> deployment = deployments.stream()
                    .filter(d -> target.id().equals(name(d)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Deployment for " + target.id()));
            assertThat(map(podTemplate(deployment), "metadata", "labels"))
                    .containsEntry("iomodel", target.id())
                    .containsEntry("app.kubernetes.io/part-of", "iolab");
            Map<String, Object> container = containers(deployment).getFirst();
            assertThat(string(container, "image"))
                    .as(target.id() + " image")
                    .matches("(.+/)?" + java.util.regex.Pattern.quote(target.image()) + "(:.+)?");
            assertThat(list(container, "env"))
                    .as(target.id() + " env")
                    .contains(Map.of("name", Target.TARGET_ENV, "value", target.id()));
            assertThat(list(container, "ports"))
                    .as(target.id() + " ports")
                    .contains(
                            Map.of("name", "http", "containerPort", target.defaultPort()),
                            Map.of("name", "management", "containerPort", target.managementPort()));
            assertThat(string(container, "livenessProbe", "httpGet", "path")).isEqualTo(Endpoints.LIVENESS);
            assertThat(string(container, "readinessProbe", "httpGet", "path")).isEqualTo(Endpoints.READINESS);
            assertThat(string(container, "livenessProbe", "httpGet", "port")).isEqualTo("management");
            assertThat(string(container, "readinessProbe", "httpGet", "port")).isEqualTo("management");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyTargetHasAServiceAndAGatewayUpstreamToIt(Rendering rendering) {
        List<Map<String, Object>> objects = rendering.objects();
        Map<String, Object> gateway = ofKind(objects, "Deployment").stream()
                .filter(d -> "gateway".equals(name(d)))
                .findFirst()
                .orElseThrow();
        assertThat(string(containers(gateway).getFirst(), "image")).matches("(.+/)?iolab/gateway(:.+)?");
        String upstreamsMap =
                string(list(containers(gateway).getFirst(), "envFrom").getFirst(), "configMapRef", "name");
        Map<String, Object> upstreams = map(
                ofKind(objects, "ConfigMap").stream()
                        .filter(c -> upstreamsMap.equals(name(c)))
                        .findFirst()
                        .orElseThrow(),
                "data");
        for (Target target : Target.values()) {
            Map<String, Object> service = ofKind(objects, "Service").stream()
                    .filter(s -> target.id().equals(name(s)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Service for " + target.id()));
            int port = ((Number) list(service, "spec", "ports").getFirst().get("port")).intValue();
            String key = target.gatewayUpstreamVariable();
            assertThat(upstreams)
                    .as("gateway upstream of " + target.id())
                    .containsEntry(key, "http://" + name(service) + ":" + port);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theGatewayIsProbedOnItsManagementPort(Rendering rendering) {
        Map<String, Object> container = containers(ofKind(rendering.objects(), "Deployment").stream()
                        .filter(d -> Target.GATEWAY_ID.equals(name(d)))
                        .findFirst()
                        .orElseThrow())
                .getFirst();
        assertThat(list(container, "ports"))
                .as("gateway ports")
                .contains(
                        Map.of("name", "http", "containerPort", Target.GATEWAY_PORT),
                        Map.of("name", "management", "containerPort", Target.managementPortFor(Target.GATEWAY_PORT)));
        assertThat(string(container, "livenessProbe", "httpGet", "port")).isEqualTo("management");
        assertThat(string(container, "readinessProbe", "httpGet", "port")).isEqualTo("management");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theLoadJobIsIndexedAndRunsTheLoadtestImage(Rendering rendering) {
        Map<String, Object> job = ofKind(rendering.objects(), "Job").getFirst();
        assertThat(string(job, "spec", "completionMode")).isEqualTo("Indexed");
        assertThat(string(containers(job).getFirst(), "image")).matches("(.+/)?iolab/loadtest(:.+)?");
    }
}
