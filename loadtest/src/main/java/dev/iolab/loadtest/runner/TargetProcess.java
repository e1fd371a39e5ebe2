package dev.iolab.loadtest.runner;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
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
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A target under test: either launched here as its own JVM with exactly the registry's command
 * ({@link Target#command}), on a free loopback port with a fresh data directory, or a URL given by the user.
 */
public final class TargetProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final String id;
    private final String baseUrl;
    /** Where its health and metrics answer on threads of their own; 0 when not known (a remote target). */
    private final int managementPort;
    /** The command that started it (prefix included), to start it again after a kill; empty for a remote target. */
    private final List<String> command;

    private volatile Process process;
    /** Temporary folder of a launched target (its data directory and jar snapshot), removed at close. */
    private final Path scratch;

    private TargetProcess(
            String id, String baseUrl, int managementPort, List<String> command, Process process, Path scratch) {
        this.id = id;
        this.baseUrl = baseUrl;
        this.managementPort = managementPort;
        this.command = command;
        this.process = process;
        this.scratch = scratch;
    }

    /** A target someone else runs (Kubernetes, another host); nothing is started or stopped. */
    public static TargetProcess remote(String id, String baseUrl) {
        return new TargetProcess(id, baseUrl.replaceAll("/+$", ""), 0, List.of(), null, null);
    }

    /** Starts {@code target} pinned by {@code prefix} (taskset), logs to {@code log}, and waits until it is ready. */
    public static TargetProcess launch(Target target, Path repoRoot, List<String> prefix, Path log) throws IOException {
        Path jar = target.module().jar(repoRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no jar for " + target.id() + ": " + jar + " (build it: ./mvnw -pl "
                    + target.module().directory() + " -am package -DskipTests)");
        }
        Path scratch = Files.createTempDirectory("iolab-compare-" + target.id() + "-");
        Path dataDir = Files.createDirectory(scratch.resolve("data")); // empty: the target creates the fixtures
        // the registry's command on a snapshot of the jar, laid out like the repository: a rebuild during a long
        // comparison must not swap classes under a running target
        Path snapshot = scratch.resolve("repo");
        Path copy = target.module().jar(snapshot);
        Files.createDirectories(copy.getParent());
        Files.copy(jar, copy);
        return start(
                target.id(),
                (port, management) ->
                        target.command(Path.of(System.getProperty("java.home")), snapshot, port, management, dataDir),
                prefix,
                log,
                scratch);
    }

    /** Starts the gateway with one upstream, {@code targetId} at {@code upstreamUrl}, and waits until it is ready. */
    public static TargetProcess launchGateway(
            Path repoRoot, String targetId, String upstreamUrl, List<String> prefix, Path log) throws IOException {
        Path jar = repoRoot.resolve("gateway/target/gateway.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no gateway jar: " + jar + " (build it: ./mvnw -pl gateway -am package -DskipTests)");
        }
        return start(
                Target.GATEWAY_ID,
                (port, management) -> {
                    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString()));
                    cmd.addAll(Target.COMMON_JVM_OPTIONS);
                    cmd.addAll(List.of(
                            "-jar",
                            jar.toString(),
                            "--server.port=" + port,
                            "--" + Target.MANAGEMENT_PORT_PROPERTY + "=" + management,
                            "--iolab.gateway.upstreams." + targetId + "=" + upstreamUrl));
                    return cmd;
                },
                prefix,
                log,
                null);
    }

    private static TargetProcess start(
            String id,
            java.util.function.BiFunction<Integer, Integer, List<String>> command,
            List<String> prefix,
            Path log,
            Path scratch)
            throws IOException {
        int port = freePort();
        // a port of its own, known here: a health probe must reach the threads kept free of the load
        int management = freePort();
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(command.apply(port, management));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        TargetProcess started =
                new TargetProcess(id, "http://127.0.0.1:" + port, management, List.copyOf(cmd), process, scratch);
        try {
            started.awaitReady(log);
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    public String id() {
        return id;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Its management port's base URL (health and metrics on threads of their own), when launched here. */
    public java.util.Optional<String> managementUrl() {
        return managementPort == 0
                ? java.util.Optional.empty()
                : java.util.Optional.of("http://127.0.0.1:" + managementPort);
    }

    /** Its data directory, when launched here. */
    public java.util.Optional<Path> dataDir() {
        return scratch == null ? java.util.Optional.empty() : java.util.Optional.of(scratch.resolve("data"));
    }

    /** SIGKILL (no drain, no shutdown hook) and waits for the process to be gone; returns how long that took. */
    public Duration kill() throws InterruptedException {
        if (process == null) {
            throw new IllegalStateException(id + " was not launched here: it cannot be killed from here");
        }
        long from = System.nanoTime();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(id + " still alive 30 s after SIGKILL");
        }
        return Duration.ofNanos(System.nanoTime() - from);
    }

    /**
     * Starts the same command again, on the same ports and data directory (a supervisor's or kubelet's restart),
     * after {@link #kill}; returns how long it took to be ready.
     */
    public Duration restart(Path log) throws IOException {
        if (process == null || process.isAlive()) {
            throw new IllegalStateException(id + ": restart follows a kill of a process launched here");
        }
        long from = System.nanoTime();
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitReady(log);
        return Duration.ofNanos(System.nanoTime() - from);
    }

    /** The pid to read /proc from: only for a target launched here. */
    public OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    /** Polls readiness (falling back to health) until 200, the process dies, or the timeout passes. */
    private void awaitReady(Path log) throws IOException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(id + " exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            for (String path : List.of(Endpoints.READINESS, Endpoints.HEALTH)) {
                try {
                    HttpResponse<Void> r = client.send(
                            HttpRequest.newBuilder(URI.create(baseUrl + path))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for " + id, e);
                }
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + id, e);
            }
        }
        throw new IOException(id + " not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM (graceful: the contract's 30 s grace), then SIGKILL; the data directory and jar snapshot are removed. */
    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(35, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (scratch != null) {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }
}
