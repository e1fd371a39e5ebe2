package dev.iolab.plain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.PrometheusText;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.MetricNames;
import dev.iolab.plain.endpoints.ServerContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each model counts its connections and its loop's wakeups and events where it waits, and the scrape shows them with
 * RSS, tagged iomodel. Poll needs its JVM-wide selector provider, so the conformance suite checks it as a process.
 */
class ModelMetricsTests {

    private static final int CONNECTIONS = 3;

    @ParameterizedTest
    @EnumSource(value = Model.class, names = "POLL", mode = EnumSource.Mode.EXCLUDE)
    void connectionsAndLoopActivityAreCountedAndScraped(Model model, @TempDir Path dataDir) throws Exception {
        String id = model.target().id();
        ServerContext context = ServerContext.of(id, dataDir);
        try (HttpServer server = model.newServer(context, 1)) {
            int port = server.start(0);
            for (int i = 0; i < CONNECTIONS; i++) {
                // a client per request: a connection each, closed with the client
                try (HttpClient client = HttpClient.newHttpClient()) {
                    HttpResponse<String> response = client.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + Endpoints.ECHO + "?msg=m" + i))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(200);
                }
            }
            Awaitility.await(id + " counts " + CONNECTIONS + " closed connections")
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> {
                        List<PrometheusText.Sample> samples = PrometheusText.parse(
                                new String(context.metrics().scrape(), StandardCharsets.UTF_8));
                        assertThat(value(samples, id, "iolab_connections_accepted_total"))
                                .isEqualTo(CONNECTIONS);
                        assertThat(value(samples, id, "iolab_connections_closed_total"))
                                .isEqualTo(CONNECTIONS);
                        assertThat(value(samples, id, "iolab_connections_open")).isZero();
                        // every model's loop woke up and handled something: at least the requests' reads
                        assertThat(value(samples, id, "iolab_loop_wakeups_total"))
                                .isGreaterThanOrEqualTo(CONNECTIONS);
                        assertThat(value(samples, id, "iolab_loop_events_total"))
                                .isGreaterThanOrEqualTo(CONNECTIONS);
                        assertThat(samples)
                                .as("loop tag")
                                .anyMatch(s -> s.name().equals("iolab_loop_wakeups_total")
                                        && s.labels().containsKey("loop"));
                        assertThat(value(samples, id, MetricNames.PROCESS_RESIDENT_MEMORY))
                                .isGreaterThan(1 << 20);
                    });
        }
    }

    /** The sum of {@code name}'s samples tagged {@code iomodel=id} (every loop together). */
    private static double value(List<PrometheusText.Sample> samples, String id, String name) {
        List<PrometheusText.Sample> matching = samples.stream()
                .filter(s -> s.name().equals(name) && id.equals(s.labels().get(MetricNames.TAG_IOMODEL)))
                .toList();
        assertThat(matching).as("%s{iomodel=%s}", name, id).isNotEmpty();
        return matching.stream().mapToDouble(PrometheusText.Sample::number).sum();
    }
}
