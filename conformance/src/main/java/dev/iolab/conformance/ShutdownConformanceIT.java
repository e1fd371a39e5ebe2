package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;

/**
 * Graceful shutdown, on a dedicated process of the target (the shared one keeps serving the other tests):
 * SIGTERM turns readiness 503 or refuses connections, lets the requests of 32 concurrent clients in flight finish,
 * then exits 0.
 */
@DisplayName("graceful shutdown")
class ShutdownConformanceIT {

    static final int IN_FLIGHT_MS = 4000;
    /** Concurrent clients, each with one request in flight at the signal: the drain under load, not of a lone request. */
    static final int CLIENTS = 32;

    @ConformanceTest
    @OncePerServer
    @DisplayName(
            "on SIGTERM under load: readiness 503 or refused, all 32 in-flight requests complete, new connections refused, exit 0")
    void sigtermDrainsInFlightRequestsAndExitsZero(TargetUnderTest shared) throws Exception {
        Assumptions.assumeTrue(
                shared.launcher().isPresent(),
                "needs a process of its own to send SIGTERM to: not applicable "
                        + "to " + shared.label() + " (" + shared.baseUri()
                        + "), which its provider gives none (a target reached by "
                        + "URL, or a gateway route whose gateway is stopped through another route)");
        try (LaunchedProcess target = shared.launcher().get().launch()) {
            target.baseUri(); // fails here, with the log, if the dedicated instance did not start
            // Under load: CLIENTS connections, each with a /delay in flight when the signal comes.
            List<CompletableFuture<RawResponse>> inFlight = new ArrayList<>();
            ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
            for (int i = 0; i < CLIENTS; i++) {
                inFlight.add(CompletableFuture.supplyAsync(
                        () -> {
                            try (RawConnection connection = RawConnection.open(target)) {
                                return connection
                                        .send(RawConnection.get(target, Endpoints.DELAY + "?ms=" + IN_FLIGHT_MS))
                                        .read();
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        },
                        clients));
            }
            // Let the server read the request before the signal, even on a loaded machine (a pause, not a wait for
            // a condition: nothing observable says "request read"); it then stays in flight for 2.5 s more.
            RawConnection.pace(Duration.ofMillis(1500));
            long signalled = System.nanoTime();
            target.process().destroy(); // SIGTERM on Linux
            AtomicBoolean sawDraining = new AtomicBoolean();
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            try {
                Awaitility.await("readiness 503 or connection refused after SIGTERM")
                        .atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> {
                            String state = readiness(target);
                            seen.add(state);
                            sawDraining.compareAndSet(false, state.equals("503") || state.equals("refused"));
                            return sawDraining.get();
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(
                        "readiness after SIGTERM was never 503 nor refused within 10 s; polls saw " + seen
                                + "; process alive: " + target.process().isAlive() + "; log:\n" + target.logTail(30),
                        e);
            }
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                try {
                    RawResponse response = inFlight.get(i).get(Limits30.GRACE_SECONDS, TimeUnit.SECONDS);
                    if (response.status() != 200 || !response.bodyText().equals(Endpoints.DELAY_BODY)) {
                        failures.add("#" + i + ": " + response.describe());
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    failures.add("#" + i + ": no response (" + (e.getCause() == null ? e : e.getCause()) + ")");
                }
            }
            clients.shutdownNow();
            long afterMs = (System.nanoTime() - signalled) / 1_000_000;
            assertThat(failures)
                    .as(
                            "of %d /delay?ms=%d in flight at SIGTERM, the ones that failed (in-flight requests must "
                                    + "complete); log:%n%s",
                            CLIENTS, IN_FLIGHT_MS, target.logTail(30))
                    .isEmpty();
            boolean exited = target.process().waitFor(Limits30.GRACE_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                assertThat(readiness(target))
                        .as("new connections after the in-flight request completed")
                        .isEqualTo("refused");
            }
            assertThat(exited)
                    .as("process exited within %d s of SIGTERM; log:%n%s", Limits30.GRACE_SECONDS, target.logTail(30))
                    .isTrue();
            assertThat(readiness(target)).as("connections after exit").isEqualTo("refused");
            assertThat(target.process().exitValue())
                    .as(
                            "exit code after SIGTERM (the contract says 0; 143 is the JVM "
                                    + "default when nothing handles the signal); in-flight answered %d ms after it; log:%n%s",
                            afterMs, target.logTail(30))
                    .isZero();
        }
    }

    /** "200", "503", another status, "refused", or "no answer" for a readiness probe on a new connection. */
    private static String readiness(LaunchedProcess target) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), 1000);
        } catch (ConnectException e) {
            return "refused";
        } catch (IOException e) {
            return "no connection: " + e;
        }
        try (RawConnection connection = RawConnection.open(target)) {
            connection.socket().setSoTimeout(2000);
            return Integer.toString(connection
                    .send(RawConnection.get(target, Endpoints.READINESS))
                    .read()
                    .status());
        } catch (java.io.UncheckedIOException e) {
            return e.getCause() instanceof ConnectException ? "refused" : closedOrNoAnswer(target, e.getCause());
        } catch (IOException e) {
            return closedOrNoAnswer(target, e);
        }
    }

    /** A forwarded port closes, without a byte, a connection the process behind it refused; a timeout stays no answer. */
    private static String closedOrNoAnswer(LaunchedProcess target, IOException e) {
        boolean closed = e instanceof java.io.EOFException
                || (e instanceof java.net.SocketException && !(e instanceof java.net.SocketTimeoutException));
        return target.portForwarded() && closed ? "refused" : "no answer: " + e;
    }

    /** The contract's grace period plus slack for a loaded machine. */
    private static final class Limits30 {
        static final long GRACE_SECONDS = dev.iolab.contract.Limits.SHUTDOWN_GRACE.toSeconds() + 10;
    }
}
