package dev.iolab.loadtest.runner;

import dev.iolab.conformance.launch.JvmProcess;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A target under test: either launched here by the one launcher ({@link JvmProcess}) as its own JVM with exactly the
 * registry's command ({@link Target#command}), on a free loopback port with a fresh data directory, or a URL given by
 * the user.
 */
public final class TargetProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** SIGTERM's grace before SIGKILL: the contract's 30 s drain and some. */
    private static final Duration GRACE = Duration.ofSeconds(35);

    private final String id;
    private final String baseUrl;
    /** Null for a remote target. */
    private final JvmProcess process;
    /** Temporary folder of a launched target (its data directory and jar snapshot), removed at close. */
    private final Path scratch;

    private TargetProcess(String id, String baseUrl, JvmProcess process, Path scratch) {
        this.id = id;
        this.baseUrl = baseUrl;
        this.process = process;
        this.scratch = scratch;
    }

    /** A target someone else runs (Kubernetes, another host); nothing is started or stopped. */
    public static TargetProcess remote(String id, String baseUrl) {
        return new TargetProcess(id, baseUrl.replaceAll("/+$", ""), null, null);
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
        return start(JvmProcess.target(target, snapshot, dataDir).deleteOnClose(scratch), prefix, log, scratch);
    }

    /** Starts the gateway with one upstream, {@code targetId} at {@code upstreamUrl}, and waits until it is ready. */
    public static TargetProcess launchGateway(
            Path repoRoot, String targetId, String upstreamUrl, List<String> prefix, Path log) throws IOException {
        return start(JvmProcess.gateway(repoRoot, Map.of(targetId, upstreamUrl)), prefix, log, null);
    }

    private static TargetProcess start(JvmProcess.Builder builder, List<String> prefix, Path log, Path scratch)
            throws IOException {
        // the management port is a free one known here: a health probe must reach the threads kept free of the load
        JvmProcess process = builder.prefix(prefix)
                .log(log)
                .readiness(Endpoints.READINESS, Endpoints.HEALTH)
                .grace(GRACE)
                .start();
        TargetProcess started = new TargetProcess(process.id(), "http://127.0.0.1:" + process.port(), process, scratch);
        try {
            started.awaitReady();
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
    public Optional<String> managementUrl() {
        return process == null ? Optional.empty() : process.managementUri().map(Object::toString);
    }

    /** Its data directory, when launched here. */
    public Optional<Path> dataDir() {
        return scratch == null ? Optional.empty() : Optional.of(scratch.resolve("data"));
    }

    /** SIGKILL (no drain, no shutdown hook) and waits for the process to be gone; returns how long that took. */
    public Duration kill() throws InterruptedException {
        return launched().kill();
    }

    /**
     * Starts the same command again, on the same ports and data directory (a supervisor's or kubelet's restart),
     * its output appended to the same log, after {@link #kill}; returns how long it took to be ready.
     */
    public Duration restart() throws IOException {
        long from = System.nanoTime();
        launched().restart();
        awaitReady();
        return Duration.ofNanos(System.nanoTime() - from);
    }

    /** The pid to read /proc from: only for a target launched here. */
    public OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    /** Polls readiness (falling back to health) until 200, the process dies, or the timeout passes. */
    private void awaitReady() throws IOException {
        try {
            process.awaitReady(READY_TIMEOUT);
        } catch (JvmProcess.NotReadyException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private JvmProcess launched() {
        if (process == null) {
            throw new IllegalStateException(id + " was not launched here: it cannot be killed or restarted from here");
        }
        return process;
    }

    /** SIGTERM (graceful: the contract's 30 s grace), then SIGKILL; the data directory and jar snapshot are removed. */
    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
