package dev.iolab.gateway;

import dev.iolab.conformance.LaunchedProcess;
import dev.iolab.conformance.LaunchedTarget;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The built gateway jar run as a real process on a free port, its upstreams given on the command line. */
final class GatewayProcess implements AutoCloseable {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

    private final int port;
    private final int managementPort;
    private final Path log;
    private final Process process;
    private volatile AssertionError startupFailure;

    private GatewayProcess(Path repoRoot, Map<String, URI> upstreams, Path logDir) throws IOException {
        Path jar = repoRoot.resolve("gateway/target/gateway.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: failsafe runs after package, so the build did not make it");
        }
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket freeManagement = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
            // a free port of its own rather than port + 1000, which another process may hold
            managementPort = freeManagement.getLocalPort();
        }
        Files.createDirectories(logDir);
        log = logDir.resolve(Target.GATEWAY_ID + "-" + port + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Target.COMMON_JVM_OPTIONS);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--" + Target.MANAGEMENT_PORT_PROPERTY + "=" + managementPort));
        upstreams.forEach((id, uri) -> command.add("--iolab.gateway.upstreams." + id + "=" + uri));
        System.out.println("CONFORMANCE launching gateway on port " + port + ", log " + log);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    static GatewayProcess start(Path repoRoot, Map<String, URI> upstreams, Path logDir) {
        try {
            return new GatewayProcess(repoRoot, upstreams, logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the gateway", e);
        }
    }

    /** Waits for readiness; a failure is kept and thrown by {@link #base()}, so every route's tests say why. */
    GatewayProcess awaitReady() {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Endpoints.READINESS))
                .timeout(Duration.ofSeconds(2))
                .build();
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            Awaitility.await("gateway readiness")
                    .atMost(STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .failFast("gateway process exited", () -> !process.isAlive())
                    .until(() -> client.send(probe, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
            System.out.println("CONFORMANCE gateway ready at " + base());
        } catch (RuntimeException e) {
            startupFailure = new AssertionError(
                    "gateway did not become ready on port " + port + " (" + e.getMessage() + "); see " + log, e);
            process.destroyForcibly();
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>}; throws the startup failure, if any. */
    URI base() {
        if (startupFailure != null) {
            throw startupFailure;
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    /** {@code http://127.0.0.1:<management port>}: the gateway's own health and metrics, on threads of their own. */
    URI managementBase() {
        base(); // the startup failure, if any
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    Process process() {
        return process;
    }

    /** The last {@code lines} lines of the gateway's log, for failure messages. */
    String logTail(int lines) {
        return LaunchedProcess.tail(log, lines);
    }

    /** Where the gateway reaches a launched target: its loopback address and bound port. */
    static URI upstreamOf(LaunchedTarget upstream) {
        return URI.create("http://127.0.0.1:" + upstream.boundPort());
    }

    /** SIGTERM (graceful), then SIGKILL after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
