package dev.iolab.containers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus as a container on the stack's network, with a given configuration and rules directory (the
 * overlay's rendered ones), queried through its HTTP API.
 */
final class PrometheusContainer implements AutoCloseable {

    static final int PORT = 9090;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GenericContainer<?> container;
    private final ContainerLog log = new ContainerLog("prometheus");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private URI base;

    private PrometheusContainer(Network network, String configYaml, Map<String, String> ruleFiles) {
        Path config;
        Path rules;
        try {
            config = Files.createTempFile("iolab-prometheus-", ".yml");
            Files.writeString(config, configYaml);
            config.toFile().setReadable(true, false); // the image runs as nobody
            rules = Files.createTempDirectory("iolab-prometheus-rules-");
            for (Map.Entry<String, String> file : ruleFiles.entrySet()) {
                Files.writeString(rules.resolve(file.getKey()), file.getValue())
                        .toFile()
                        .setReadable(true, false);
            }
            rules.toFile().setReadable(true, false);
            rules.toFile().setExecutable(true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        container = new GenericContainer<>(DockerImageName.parse(ContainerSupport.PROMETHEUS_IMAGE))
                .withNetwork(network)
                .withNetworkAliases("prometheus")
                .withExposedPorts(PORT)
                .withFileSystemBind(config.toString(), "/etc/prometheus/prometheus.yml", BindMode.READ_ONLY)
                .withFileSystemBind(rules.toAbsolutePath().toString(), "/etc/prometheus/rules", BindMode.READ_ONLY)
                .withLogConsumer(log)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withPublishAllPorts(false)
                        .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(PORT))))
                .waitingFor(Wait.forHttp("/-/ready")
                        .forPort(PORT)
                        .forStatusCode(200)
                        .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** Starts Prometheus with {@code configYaml} and the rule files (name to content) under /etc/prometheus/rules. */
    static PrometheusContainer start(Network network, String configYaml, Map<String, String> ruleFiles) {
        PrometheusContainer prometheus = new PrometheusContainer(network, configYaml, ruleFiles);
        try {
            prometheus.container.start();
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "Prometheus (" + ContainerSupport.PROMETHEUS_IMAGE + ") did not start: " + e.getMessage() + "; "
                            + prometheus.log.tail(40),
                    e);
        }
        prometheus.base = URI.create("http://127.0.0.1:" + prometheus.container.getMappedPort(PORT));
        System.out.println("CONTAINERS prometheus ready at " + prometheus.base);
        return prometheus;
    }

    /** The {@code data} node of an instant query evaluated at {@code time}; fails on an API error. */
    JsonNode query(String expr, Instant time) {
        JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8) + "&time="
                + time.getEpochSecond());
        if (!"success".equals(body.path("status").asString())) {
            throw new AssertionError("Prometheus refused " + expr + ": " + body);
        }
        return body.path("data");
    }

    /** The result list of an instant query; empty when no series matched. */
    List<JsonNode> results(String expr, Instant time) {
        return List.copyOf(query(expr, time).path("result").values());
    }

    JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String logTail(int lines) {
        return log.tail(lines);
    }

    @Override
    public void close() {
        container.stop();
        http.close();
    }
}
