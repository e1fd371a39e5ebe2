package dev.iolab.conformance;

import dev.iolab.conformance.launch.JvmProcess;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

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
    private final Path dataDir;
    private final Path secret;
    private final JvmProcess process;
    private volatile AssertionError startupFailure;

    /** {@code dataDir} null: a fresh one in the work directory; {@code wrapper}: words put before the java command. */
    private LaunchedTarget(Target target, Path repoRoot, Path dataDir, List<String> wrapper) throws IOException {
        this.target = target;
        this.repoRoot = repoRoot;
        Path workDir = Files.createTempDirectory("iolab-conformance-" + target.id() + "-");
        this.dataDir = dataDir != null ? dataDir : Files.createDirectories(workDir.resolve("data"));
        // The secret sits beside the data dir and in a sibling whose name extends "data" (defeats a naive startsWith
        // check).
        String marker = "IOLAB-SECRET-" + UUID.randomUUID() + "\n";
        this.secret = Files.writeString(workDir.resolve("secret.txt"), marker);
        Files.writeString(Files.createDirectories(workDir.resolve("data-evil")).resolve("secret.txt"), marker);
        try {
            // a data directory given by the caller is outside the work directory and stays for the next start
            this.process = JvmProcess.target(target, repoRoot, this.dataDir)
                    .prefix(wrapper)
                    .logIn(Path.of(System.getProperty("iolab.conformance.logs", "target/conformance-logs")))
                    .directory(workDir)
                    .deleteOnClose(workDir)
                    .start();
        } catch (IOException | RuntimeException e) {
            delete(workDir);
            throw e;
        }
        System.out.println("CONFORMANCE launching " + target.id() + " on port " + process.port() + " (management "
                + process.managementPort().orElseThrow() + "), log " + process.log());
    }

    /** Starts {@code target} from the jars under {@code repoRoot}, without waiting for it (see {@link #awaitReady}). */
    public static LaunchedTarget start(Target target, Path repoRoot) {
        return start(target, repoRoot, null, List.of());
    }

    /**
     * Starts {@code target} on {@code dataDir} (which outlives this process: a restart may reuse it), its command
     * prefixed by {@code wrapper} (e.g. {@code prlimit --nofile=256:256 --}), without waiting for it.
     */
    public static LaunchedTarget start(Target target, Path repoRoot, Path dataDir, List<String> wrapper) {
        try {
            return new LaunchedTarget(target, repoRoot, dataDir, wrapper);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + target.id() + ": " + e.getMessage(), e);
        }
    }

    /** Waits until readiness answers 200; on failure remembers why, so every test of this target fails saying so. */
    public LaunchedTarget awaitReady() {
        try {
            process.awaitReady(STARTUP_TIMEOUT);
            System.out.println("CONFORMANCE " + target.id() + " ready at " + baseUri());
        } catch (JvmProcess.NotReadyException e) {
            startupFailure = new AssertionError(e.getMessage());
            System.out.println("CONFORMANCE " + startupFailure.getMessage());
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
        return process.baseUri();
    }

    @Override
    public Optional<URI> managementUri() {
        baseUri(); // the startup failure, if any
        return process.managementUri();
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
        return process.process();
    }

    public int boundPort() {
        return process.port();
    }

    public Path logFile() {
        return process.log();
    }

    /** The last {@code lines} lines of the process output. */
    @Override
    public String logTail(int lines) {
        return process.logTail(lines);
    }

    /** SIGTERM, a bounded wait (20 s), then SIGKILL; deletes the work directory. */
    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return target.id();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
