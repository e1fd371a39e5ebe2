package dev.iolab.plain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Headers;
import dev.iolab.plain.endpoints.ServerContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management port serves health and metrics of its service (readiness shared), and nothing else. */
class ManagementServerTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesHealthAndMetricsOnlyAndSharesTheDrain(@TempDir Path dataDir) throws Exception {
        ServerContext service = ServerContext.of("plain-epoll", dataDir);
        try (ManagementServer management = new ManagementServer(service)) {
            int port = management.start(0);
            for (String path :
                    new String[] {Endpoints.HEALTH, Endpoints.LIVENESS, Endpoints.READINESS, Endpoints.PROMETHEUS}) {
                HttpResponse<String> response = get(port, path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.headers().firstValue(Headers.X_IO_MODEL))
                        .as(path)
                        .hasValue("plain-epoll");
            }
            assertThat(get(port, Endpoints.ECHO + "?msg=x").statusCode()).isEqualTo(404);
            assertThat(get(port, Endpoints.DELAY + "?ms=1").statusCode()).isEqualTo(404);
            service.startDraining();
            assertThat(get(port, Endpoints.READINESS).statusCode()).isEqualTo(503);
            assertThat(get(port, Endpoints.LIVENESS).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
