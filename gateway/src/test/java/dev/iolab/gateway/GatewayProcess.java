package dev.iolab.gateway;

import dev.iolab.conformance.LaunchedTarget;
import dev.iolab.conformance.launch.JvmProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The built gateway jar run by the one launcher ({@link JvmProcess}) on a free port, its upstreams on the command line. */
final class GatewayProcess implements AutoCloseable {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

    private final JvmProcess process;
    private volatile AssertionError startupFailure;

    private GatewayProcess(JvmProcess process) {
        this.process = process;
        System.out.println("CONFORMANCE launching gateway on port " + process.port() + ", log " + process.log());
    }

    static GatewayProcess start(Path repoRoot, Map<String, URI> upstreams, Path logDir) {
        try {
            return new GatewayProcess(
                    JvmProcess.gateway(repoRoot, upstreams).logIn(logDir).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the gateway: " + e.getMessage(), e);
        }
    }

    /** Waits for readiness; a failure is kept and thrown by {@link #base()}, so every route's tests say why. */
    GatewayProcess awaitReady() {
        try {
            process.awaitReady(STARTUP_TIMEOUT);
            System.out.println("CONFORMANCE gateway ready at " + base());
        } catch (JvmProcess.NotReadyException e) {
            startupFailure = new AssertionError(e.getMessage(), e);
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>}; throws the startup failure, if any. */
    URI base() {
        if (startupFailure != null) {
            throw startupFailure;
        }
        return process.baseUri();
    }

    /** {@code http://127.0.0.1:<management port>}: the gateway's own health and metrics, on threads of their own. */
    URI managementBase() {
        base(); // the startup failure, if any
        return process.managementUri().orElseThrow();
    }

    Process process() {
        return process.process();
    }

    /** The last {@code lines} lines of the gateway's log, for failure messages. */
    String logTail(int lines) {
        return process.logTail(lines);
    }

    /** Where the gateway reaches a launched target: its loopback address and bound port. */
    static URI upstreamOf(LaunchedTarget upstream) {
        return URI.create("http://127.0.0.1:" + upstream.boundPort());
    }

    /** SIGTERM (graceful), then SIGKILL after 20 s. */
    @Override
    public void close() {
        process.close();
    }
}
