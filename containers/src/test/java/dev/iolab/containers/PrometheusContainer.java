package dev.iolab.containers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.iolab.contract.Endpoints;
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
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus as a container on the stack's network, scraping every target and the gateway by their network
 * names every 2 s, with the repository's recording rules and alerts loaded, queried through its HTTP API.
 */
final class PrometheusContainer implements AutoCloseable {

    static final int PORT = 9090;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GenericContainer<?> container;
    private final ContainerLog log = new ContainerLog("prometheus");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private URI base;

    private PrometheusContainer(Network network, List<String> scrapeTargets, Path rules) {
        Path config;
        try {
            config = Files.createTempFile("iolab-prometheus-", ".yml");
            Files.writeString(config, config(scrapeTargets));
            config.toFile().setReadable(true, false); // the image runs as nobody
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
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPublishAllPorts(false)
                        .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(PORT))))
                .waitingFor(Wait.forHttp("/-/ready").forPort(PORT).forStatusCode(200).withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** Starts Prometheus scraping {@code host:port} targets (each serving {@link Endpoints#PROMETHEUS}). */
    static PrometheusContainer start(Network network, List<String> scrapeTargets, Path rules) {
        PrometheusContainer prometheus = new PrometheusContainer(network, scrapeTargets, rules);
        try {
            prometheus.container.start();
        } catch (RuntimeException e) {
            throw new AssertionError("Prometheus (" + ContainerSupport.PROMETHEUS_IMAGE + ") did not start: " + e.getMessage()
                    + "; " + prometheus.log.tail(40), e);
        }
        prometheus.base = URI.create("http://127.0.0.1:" + prometheus.container.getMappedPort(PORT));
        System.out.println("CONTAINERS prometheus ready at " + prometheus.base);
        return prometheus;
    }

    private static String config(List<String> scrapeTargets) {
        StringBuilder yaml = new StringBuilder("""
                global:
                  scrape_interval: 2s
                  evaluation_interval: 2s
                rule_files:
                  - rules/*.yml
                scrape_configs:
                  - job_name: iolab
                    metrics_path: %s
                    static_configs:
                      - targets:
                """.formatted(Endpoints.PROMETHEUS));
        scrapeTargets.forEach(t -> yaml.append("          - '").append(t).append("'\n"));
        return yaml.toString();
    }

    /** The {@code data} node of an instant query evaluated at {@code time}; fails on an API error. */
    JsonNode query(String expr, Instant time) {
        JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&time=" + time.getEpochSecond());
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
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
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
