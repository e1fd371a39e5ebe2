package dev.iolab.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Headers;
import dev.iolab.contract.Target;
import dev.iolab.management.ManagementServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The gateway's management port: health and metrics marked {@code X-IO-Model: gateway}, nothing else; the service port keeps them too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortIT {

    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ManagementServer management;

    @Test
    void healthAndMetricsAnswerOnTheManagementPortAndTheServicePort() throws Exception {
        assertThat(management.boundPort()).isPositive().isNotEqualTo(port);
        for (String path : List.of(Endpoints.HEALTH, Endpoints.LIVENESS, Endpoints.READINESS, Endpoints.PROMETHEUS)) {
            for (int p : List.of(management.boundPort(), port)) {
                HttpResponse<String> response = get(p, path);
                assertThat(response.statusCode()).as(path + " on port " + p).isEqualTo(200);
                assertThat(response.headers().firstValue(Headers.X_IO_MODEL))
                        .as(path + " on port " + p)
                        .contains(Target.GATEWAY_ID);
            }
        }
    }

    @Test
    void routesAndTheIndexAreNotServedOnTheManagementPort() throws Exception {
        assertThat(get(management.boundPort(), "/targets").statusCode()).isEqualTo(404);
        assertThat(get(management.boundPort(), "/" + Target.MVC_PLATFORM.id() + Endpoints.ECHO)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(port, "/targets").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(int p, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
