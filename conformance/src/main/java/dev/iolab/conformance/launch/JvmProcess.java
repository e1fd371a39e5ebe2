package dev.iolab.conformance.launch;

import dev.iolab.conformance.LaunchedProcess;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The one launcher of the project's JVMs as real processes, used by the conformance suite, every module's ITs and
 * the runner of {@code ./iolab compare} and {@code ./iolab chaos}: a target exactly as the registry says
 * ({@link Target#command}), the gateway with its upstreams, or any command, on a free loopback port (and a free
 * management port of its own, or 0 for "any"), its output in a log file, readiness awaited on its HTTP port, stopped
 * by SIGTERM then SIGKILL, and stopped by a shutdown hook should the launching JVM end first.
 *
 * <p>What the callers differ in is an option of {@link Builder}: words before the java command (taskset, prlimit),
 * words after it, environment variables, the log file, the working directory, the readiness paths, the grace a
 * SIGTERM gets, a folder to delete at close.
 */
public final class JvmProcess implements AutoCloseable {

    /** How the command line is made from the chosen ports. */
    @FunctionalInterface
    public interface Command {
        List<String> of(int port, int managementPort);
    }

    private final String id;
    private final int port;
    private final int managementPort;
    private final List<String> command;
    private final Path log;
    private final Path directory;
    private final Map<String, String> environment;
    private final List<String> readiness;
    private final Duration grace;
    private final Path deleteOnClose;
    private final HttpClient probeClient;
    private final Thread shutdownHook;
    private volatile Process process;

    private JvmProcess(Builder b, int port, int managementPort, List<String> command, Path log) throws IOException {
        this.id = b.id;
        this.port = port;
        this.managementPort = managementPort;
        this.command = List.copyOf(command);
        this.log = log.toAbsolutePath();
        this.directory = b.directory;
        this.environment = Map.copyOf(b.environment);
        this.readiness = List.copyOf(b.readiness);
        this.grace = b.grace;
        this.deleteOnClose = b.deleteOnClose;
        this.probeClient = b.probeClient;
        Files.createDirectories(this.log.getParent()); // absolute: a bare file name has a parent too
        this.process = processBuilder().redirectOutput(log.toFile()).start();
        // never leave a process behind, even when this JVM is stopped before it could close it
        this.shutdownHook = Thread.ofPlatform().unstarted(this::stop);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * {@code target} from its jar under {@code repoRoot}, exactly as {@link Target#command} says, on {@code dataDir};
     * the log defaults to {@code target/it-logs/<id>-<port>.log}.
     */
    public static Builder target(Target target, Path repoRoot, Path dataDir) {
        Path jar = target.module().jar(repoRoot);
        Path javaHome = Path.of(System.getProperty("java.home"));
        return new Builder(
                        target.id(),
                        (port, management) -> target.command(javaHome, repoRoot, port, management, dataDir))
                .requireFile(
                        jar,
                        "target " + target.id() + " is not built: " + jar + " is missing (build it: ./mvnw -pl "
                                + target.module().directory() + " -am package -DskipTests)");
    }

    /** The gateway from {@code repoRoot}'s {@code gateway/target/gateway.jar}, routing each id to its upstream URL. */
    public static Builder gateway(Path repoRoot, Map<String, ?> upstreams) {
        Path jar = repoRoot.resolve("gateway/target/gateway.jar");
        return new Builder(Target.GATEWAY_ID, (port, management) -> {
                    List<String> cmd = new ArrayList<>();
                    cmd.add(java());
                    cmd.addAll(Target.COMMON_JVM_OPTIONS);
                    cmd.addAll(List.of(
                            "-jar",
                            jar.toString(),
                            "--server.port=" + port,
                            "--" + Target.MANAGEMENT_PORT_PROPERTY + "=" + management));
                    upstreams.forEach((id, url) -> cmd.add("--iolab.gateway.upstreams." + id + "=" + url));
                    return cmd;
                })
                .requireFile(
                        jar,
                        "no gateway jar: " + jar
                                + " is missing (build it: ./mvnw -pl gateway -am package -DskipTests)");
    }

    /** Any command, made from the ports chosen at start; {@code id} names it in logs and messages. */
    public static Builder command(String id, Command command) {
        return new Builder(id, command);
    }

    /** This JVM's java executable. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** What differs between launches; {@link #start} picks the ports and starts the process without waiting. */
    public static final class Builder {
        private final String id;
        private final Command command;
        private final List<String> prefix = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();
        private Path requiredFile;
        private String requiredFileMessage;
        private boolean freeManagementPort = true;
        private Path logFile;
        private Path logFolder = Path.of("target", "it-logs");
        private Path directory;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private List<String> readiness = List.of(Endpoints.READINESS);
        private Duration grace = Duration.ofSeconds(20);
        private Path deleteOnClose;
        private HttpClient probeClient;

        private Builder(String id, Command command) {
            this.id = id;
            this.command = command;
        }

        private Builder requireFile(Path file, String message) {
            this.requiredFile = file;
            this.requiredFileMessage = message;
            return this;
        }

        /** Words before the java command: {@code taskset -c 1}, {@code prlimit --nofile=256:256 --}. */
        public Builder prefix(List<String> words) {
            prefix.addAll(words);
            return this;
        }

        /** Words after the command: extra flags of the program. */
        public Builder arguments(List<String> words) {
            arguments.addAll(words);
            return this;
        }

        /**
         * Management port 0 (the process takes any free one, so two launches never collide) instead of a free port
         * chosen here (known, so its health and metrics can be reached).
         */
        public Builder anyManagementPort() {
            freeManagementPort = false;
            return this;
        }

        /** Where the output goes (stdout and stderr); default {@code target/it-logs/<id>-<port>.log}. */
        public Builder log(Path file) {
            logFile = file;
            return this;
        }

        /** A log file {@code <id>-<port>.log} in {@code folder}. */
        public Builder logIn(Path folder) {
            logFolder = folder;
            logFile = null;
            return this;
        }

        /** The process's working directory; default this JVM's. */
        public Builder directory(Path dir) {
            directory = dir;
            return this;
        }

        /** Environment variables set for the process on top of this JVM's (a Kubernetes pod template's {@code env}). */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** The paths polled on the HTTP port until one answers 200; default readiness alone. */
        public Builder readiness(String... paths) {
            readiness = List.of(paths);
            return this;
        }

        /** How long a SIGTERM may take before SIGKILL; default 20 s. */
        public Builder grace(Duration duration) {
            grace = duration;
            return this;
        }

        /**
         * A client of the caller's for the readiness probes, whose pool keeps the probe's connection open afterwards
         * (a test that counts the target's connections or threads may rely on that); by default a fresh client,
         * closed once the process is ready, so no probe connection is left open.
         */
        public Builder probeWith(HttpClient client) {
            probeClient = client;
            return this;
        }

        /** A folder (data directory, work directory) deleted with its content at close. */
        public Builder deleteOnClose(Path folder) {
            deleteOnClose = folder;
            return this;
        }

        /** Picks the ports and starts the process; does not wait for it (see {@link JvmProcess#awaitReady}). */
        public JvmProcess start() throws IOException {
            if (requiredFile != null && !Files.isRegularFile(requiredFile)) {
                throw new IOException(requiredFileMessage);
            }
            int port;
            int management;
            // both held at once: two distinct free ports
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    ServerSocket freeManagement = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
                management = freeManagementPort ? freeManagement.getLocalPort() : 0;
            }
            List<String> cmd = new ArrayList<>(prefix);
            cmd.addAll(command.of(port, management));
            cmd.addAll(arguments);
            Path log = logFile != null ? logFile : logFolder.resolve(id + "-" + port + ".log");
            return new JvmProcess(this, port, management, cmd, log);
        }
    }

    /** Why a process did not become ready: its exit code (or that it still ran) and the last lines of its log. */
    public static final class NotReadyException extends RuntimeException {
        private NotReadyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Polls the readiness paths until one answers 200; when the process exits first or {@code timeout} passes,
     * kills it (SIGKILL) and throws {@link NotReadyException} with its exit code and the last 60 lines of its log.
     */
    public JvmProcess awaitReady(Duration timeout) {
        Process watched = process;
        HttpClient client = probeClient != null
                ? probeClient
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            Awaitility.await(id + " readiness")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .failFast("process exited", () -> !watched.isAlive())
                    .until(() -> answers200(client));
            return this;
        } catch (RuntimeException e) {
            String exit = watched.isAlive() ? "none (still running)" : Integer.toString(watched.exitValue());
            watched.destroyForcibly();
            throw new NotReadyException(
                    id + " did not become ready on port " + port + " (" + e.getMessage() + "); exit code " + exit
                            + "; last lines of " + log + ":\n" + logTail(60),
                    e);
        } finally {
            if (client != probeClient) {
                client.close();
            }
        }
    }

    private boolean answers200(HttpClient client) throws IOException, InterruptedException {
        for (String path : readiness) {
            HttpRequest probe = HttpRequest.newBuilder(baseUri().resolve(path))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
        }
        return false;
    }

    public String id() {
        return id;
    }

    /** The HTTP port it was given. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The management port chosen here; empty when the process took any free one (see {@link Builder#anyManagementPort}). */
    public OptionalInt managementPort() {
        return managementPort == 0 ? OptionalInt.empty() : OptionalInt.of(managementPort);
    }

    /** {@code http://127.0.0.1:<management port>}, when chosen here. */
    public Optional<URI> managementUri() {
        return managementPort == 0 ? Optional.empty() : Optional.of(URI.create("http://127.0.0.1:" + managementPort));
    }

    /** The process now running (a new one after {@link #restart}). */
    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    /** The command it runs, prefix and arguments included. */
    public List<String> command() {
        return command;
    }

    public Path log() {
        return log;
    }

    /** The last {@code lines} lines of its log. */
    public String logTail(int lines) {
        return LaunchedProcess.tail(log, lines);
    }

    /** Everything it printed so far. */
    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGKILL (no drain, no shutdown hook) and waits for the process to be gone; returns how long that took. */
    public Duration kill() throws InterruptedException {
        long from = System.nanoTime();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(id + " still alive 30 s after SIGKILL");
        }
        return Duration.ofNanos(System.nanoTime() - from);
    }

    /**
     * Starts the same command again, on the same ports, its output appended to the same log (a supervisor's or
     * kubelet's restart), after the process ended; does not wait for it.
     */
    public JvmProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(id + ": restart follows the end of the process");
        }
        process = processBuilder()
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return this;
    }

    /** SIGTERM, up to the grace for it to end, then SIGKILL. */
    public void stop() {
        Process p = process;
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stop}, then deletes the folder given to {@link Builder#deleteOnClose}. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
        if (deleteOnClose != null) {
            try (Stream<Path> files = Files.walk(deleteOnClose)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a temp directory left behind is not worth failing for
            }
        }
    }

    @Override
    public String toString() {
        return id + " on port " + port;
    }

    private ProcessBuilder processBuilder() {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment);
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        return pb;
    }
}
