package dev.iolab.conformance;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A target the suite runs as a real process, exactly as {@link Target#command} says, on a free port with
 * a fresh data directory; a secret file sits next to that directory to prove nothing outside is served.
 */
public final class LaunchedTarget implements LaunchedProcess {

    /**
     * How long a target may take from launch to a 200 on its readiness probe: {@value #STARTUP_TIMEOUT_PROPERTY}
     * seconds, default 120 (a Spring target needs 20-40 s on 2 busy cores, and targets boot side by side).
     */
    public static final String STARTUP_TIMEOUT_PROPERTY = "iolab.conformance.startup-timeout";

    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(Long.getLong(STARTUP_TIMEOUT_PROPERTY, 120));

    private final Target target;
    private final Path repoRoot;
    private final Path workDir;
    private final Path dataDir;
    private final Path secret;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final Process process;
    private volatile AssertionError startupFailure;

    private LaunchedTarget(Target target, Path repoRoot) throws IOException {
        this(target, repoRoot, null, List.of());
    }

    /** {@code dataDir} null: a fresh one in the work directory; {@code wrapper}: words put before the java command. */
    private LaunchedTarget(Target target, Path repoRoot, Path dataDir, List<String> wrapper) throws IOException {
        this.target = target;
        this.repoRoot = repoRoot;
        Path jar = target.module().jar(repoRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("target " + target.id() + " is not built: " + jar
                    + " is missing (build it: ./mvnw -pl " + target.module().directory() + " package -DskipTests)");
        }
        this.workDir = Files.createTempDirectory("iolab-conformance-" + target.id() + "-");
        this.dataDir = dataDir != null ? dataDir : Files.createDirectories(workDir.resolve("data"));
        // The secret sits beside the data dir and in a sibling whose name extends "data" (defeats a naive startsWith
        // check).
        String marker = "IOLAB-SECRET-" + UUID.randomUUID() + "\n";
        this.secret = Files.writeString(workDir.resolve("secret.txt"), marker);
        Files.writeString(Files.createDirectories(workDir.resolve("data-evil")).resolve("secret.txt"), marker);
        this.port = freePort();
        // A free port of its own rather than port + 1000, which another process may hold.
        int management;
        do {
            management = freePort();
        } while (management == port);
        this.managementPort = management;
        Path logDir = Files.createDirectories(
                Path.of(System.getProperty("iolab.conformance.logs", "target/conformance-logs")));
        this.log = logDir.resolve(target.id() + "-" + port + ".log").toAbsolutePath();
        List<String> command = new java.util.ArrayList<>(wrapper);
        command.addAll(
                target.command(Path.of(System.getProperty("java.home")), repoRoot, port, managementPort, this.dataDir));
        System.out.println("CONFORMANCE launching " + target.id() + " on port " + port + " (management "
                + managementPort + "), log " + log);
        this.process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(workDir.toFile())
                .start();
        // Never leave a target behind, even when this JVM is stopped before the run could close it.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> stop(started)));
    }

    /** Starts {@code target} from the jars under {@code repoRoot}, without waiting for it (see {@link #awaitReady}). */
    public static LaunchedTarget start(Target target, Path repoRoot) {
        try {
            return new LaunchedTarget(target, repoRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + target.id(), e);
        }
    }

    /**
     * Starts {@code target} on {@code dataDir} (which outlives this process: a restart may reuse it), its command
     * prefixed by {@code wrapper} (e.g. {@code prlimit --nofile=256:256 --}), without waiting for it.
     */
    public static LaunchedTarget start(Target target, Path repoRoot, Path dataDir, List<String> wrapper) {
        try {
            return new LaunchedTarget(target, repoRoot, dataDir, wrapper);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + target.id(), e);
        }
    }

    /** Waits until readiness answers 200; on failure remembers why, so every test of this target fails saying so. */
    public LaunchedTarget awaitReady() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(uri(Endpoints.READINESS))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            Awaitility.await(target.id() + " readiness")
                    .atMost(STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .failFast("process exited", () -> !process.isAlive())
                    .until(() -> client.send(probe, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
            System.out.println("CONFORMANCE " + target.id() + " ready at " + baseUri());
        } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            startupFailure = new AssertionError(target.id() + " did not become ready on port " + port + " ("
                    + e.getMessage() + "); exit code "
                    + (process.isAlive() ? "none (still running)" : process.exitValue())
                    + "; last lines of " + log + ":\n" + logTail(60));
            System.out.println("CONFORMANCE " + startupFailure.getMessage());
            process.destroyForcibly();
        } finally {
            client.close();
        }
        return this;
    }

    @Override
    public String id() {
        return target.id();
    }

    @Override
    public URI baseUri() {
        if (startupFailure != null) {
            throw startupFailure;
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public Optional<URI> managementUri() {
        baseUri(); // the startup failure, if any
        return Optional.of(URI.create("http://127.0.0.1:" + managementPort));
    }

    @Override
    public Optional<Path> dataDir() {
        return Optional.of(dataDir);
    }

    @Override
    public Optional<Path> outsideSecret() {
        return Optional.of(secret);
    }

    @Override
    public Optional<TargetLauncher> launcher() {
        return Optional.of(() -> start(target, repoRoot).awaitReady());
    }

    @Override
    public Optional<ProcessLauncher> processLauncher() {
        return Optional.of(
                (dir, wrapper) -> start(target, repoRoot, dir, wrapper).awaitReady());
    }

    @Override
    public Process process() {
        return process;
    }

    public int boundPort() {
        return port;
    }

    public Path logFile() {
        return log;
    }

    /** The last {@code lines} lines of the process output. */
    @Override
    public String logTail(int lines) {
        return LaunchedProcess.tail(log, lines);
    }

    /** SIGTERM, a bounded wait, then SIGKILL; deletes the work directory. */
    @Override
    public void close() {
        stop(process);
        // a data directory given by the caller is outside the work directory and stays for the next start
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir left behind is not worth failing a build for
        }
    }

    @Override
    public String toString() {
        return target.id();
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
