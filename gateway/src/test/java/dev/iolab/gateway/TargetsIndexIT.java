package dev.iolab.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.MetricNames;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code GET /targets}, {@code GET /} and the gateway's own metrics: per-route timers, {@code iomodel="gateway"}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TargetsIndexIT {

    static final Target ROUTE = Target.MVC_PLATFORM;
    static final CountingUpstream UPSTREAM = CountingUpstream.start(ROUTE);

    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add(
                "iolab.gateway.upstreams." + ROUTE.id(), () -> UPSTREAM.uri().toString());
    }

    @AfterAll
    static void stop() throws IOException {
        UPSTREAM.close();
    }

    @Test
    void targetsListsEveryRegistryTargetWithItsUpstreamAndHealth() throws Exception {
        HttpResponse<String> response = get("/targets");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode targets = new ObjectMapper().readTree(response.body());
        List<String> ids =
                targets.valueStream().map(t -> t.get("id").asString()).toList();
        assertThat(ids).isEqualTo(Target.ids());
        JsonNode routed = targets.get(0);
        assertThat(routed.get("upstream").asString()).isEqualTo(UPSTREAM.uri().toString());
        assertThat(routed.get("model").asString()).isEqualTo(ROUTE.model());
        // the counting upstream answers 200 without a health document
        assertThat(routed.get("health").asString()).isEqualTo("HTTP_200");
        assertThat(targets.get(1).get("upstream").asString())
                .isEqualTo("http://127.0.0.1:" + Target.MVC_VIRTUAL.defaultPort());
    }

    @Test
    void indexLinksEveryTargetsEndpoints() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        for (Target t : Target.values()) {
            assertThat(response.body())
                    .contains(
                            "href=\"/" + t.id() + Endpoints.PROMETHEUS + "\"",
                            "href=\"/" + t.id() + Endpoints.ECHO + "?" + Endpoints.ECHO_PARAM + "=hello\"");
        }
    }

    @Test
    void metricsArePerRouteAndTaggedGateway() throws Exception {
        assertThat(get("/" + ROUTE.id() + Endpoints.ECHO + "?msg=m").statusCode())
                .isEqualTo(200);
        String metrics = get(Endpoints.PROMETHEUS).body();
        assertThat(metrics)
                .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*" + MetricNames.TAG_IOMODEL + "=\""
                        + Target.GATEWAY_ID + "\"[^}]*routeId=\"" + ROUTE.id() + "\"");
        assertThat(metrics).containsPattern(MetricNames.JVM_THREADS_LIVE + "\\{[^}]*iomodel=\"gateway\"");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
