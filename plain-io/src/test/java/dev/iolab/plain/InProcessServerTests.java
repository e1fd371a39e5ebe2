package dev.iolab.plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every model starts in-process on port 0, serves, and stops with close(); poll refuses a non-poll selector. */
class InProcessServerTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(value = Model.class, names = "POLL", mode = EnumSource.Mode.EXCLUDE)
    void startsOnAnyPortServesAndCloses(Model model, @TempDir Path dataDir) throws Exception {
        ServerContext context = ServerContext.of(model.target().id(), dataDir);
        try (HttpServer server = model.newServer(context, 1)) {
            int port = server.start(0);
            assertThat(port).isPositive();
            assertThat(server.ioImplementation()).isNotBlank();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Endpoints.ECHO + "?msg=hi%20there"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hi there");
            assertThat(response.headers().firstValue(Headers.X_IO_MODEL))
                    .hasValue(model.target().id());
        }
    }

    @Test
    void pollRefusesToStartOnAnotherSelector(@TempDir Path dataDir) {
        // this JVM runs with the default (epoll) provider, as every JVM does unless told otherwise
        HttpServer server =
                Model.POLL.newServer(ServerContext.of(Model.POLL.target().id(), dataDir), 0);
        assertThatThrownBy(() -> server.start(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sun.nio.ch.PollSelectorImpl");
        server.close();
    }

    @Test
    void flagsHaveDocumentedDefaults() {
        ServerConfig config = ServerConfig.parse("--model", "epoll");
        assertThat(config.port()).isEqualTo(Model.EPOLL.target().defaultPort());
        assertThat(config.managementPort()).isEqualTo(Model.EPOLL.target().managementPort());
        assertThat(ServerConfig.parse("--model", "epoll", "--port", "7000").managementPort())
                .isEqualTo(8000);
        assertThat(ServerConfig.parse("--model", "epoll", "--port", "0").managementPort())
                .isZero();
        assertThat(ServerConfig.parse("--model", "epoll", "--management-port", "7001")
                        .managementPort())
                .isEqualTo(7001);
        assertThat(config.threads()).isZero();
        assertThat(config.headerTimeout()).isEqualTo(dev.iolab.contract.Limits.HEADER_READ_TIMEOUT);
        assertThatThrownBy(() -> ServerConfig.parse("--model", "select")).hasMessageContaining("unknown model");
        assertThatThrownBy(() -> ServerConfig.parse("--port", "1")).hasMessageContaining("--model is required");
    }
}
