package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;

/**
 * Health must not starve under load (issue 12): the management port answers health and metrics on threads of
 * its own, so while 500 connections keep the service port busy with {@code /delay?ms=2000}, every readiness
 * poll there (a new connection each, like a kubelet's) is answered 200 within 1 s; and on SIGTERM its readiness
 * turns 503 like the service port's.
 */
@DisplayName("management port")
class ManagementPortConformanceIT {

    static final int FLOOD_CONNECTIONS = 500;
    static final int FLOOD_DELAY_MS = 2000;
    static final int POLLS = 10;
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** A Kubernetes probe's default timeout is 1 s: an answer later than that counts as a failed probe. */
    static final Duration POLL_BUDGET = Duration.ofSeconds(1);

    @ConformanceTest
    @DisplayName("health, liveness, readiness and metrics on the management port, with X-IO-Model")
    void servesHealthAndMetrics(TargetUnderTest target) throws IOException {
        TargetUnderTest management = management(target);
        for (String path : List.of(Endpoints.HEALTH, Endpoints.LIVENESS, Endpoints.READINESS, Endpoints.PROMETHEUS)) {
            String request = RawConnection.get(management, path, "Connection: close");
            try (RawConnection connection = RawConnection.open(management)) {
                RawResponse response = connection.send(request).read();
                Checks.status(response, request, 200);
                Checks.common(management, response, "GET", true);
                if (!path.equals(Endpoints.PROMETHEUS)) {
                    assertThat(response.bodyText())
                            .as("body of %s on the management port", path)
                            .containsPattern("\"status\"\\s*:\\s*\"UP\"");
                }
            }
        }
    }

    @ConformanceTest
    @OncePerServer
    @DisplayName("readiness on the management port answers 200 within 1 s while 500 connections flood /delay")
    void readinessAnswersWithinOneSecondUnderADelayFlood(TargetUnderTest target) throws Exception {
        TargetUnderTest management = management(target);
        String delay = RawConnection.get(target, Endpoints.DELAY + "?" + Endpoints.DELAY_PARAM + "=" + FLOOD_DELAY_MS);
        AtomicBoolean polling = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger otherStatus = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        List<RawConnection> flood = new ArrayList<>();
        List<String> polls = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < FLOOD_CONNECTIONS; i++) {
                flood.add(RawConnection.open(target));
            }
            // Every connection keeps one /delay in flight until the polls are done: the flood lasts as long as they do.
            for (RawConnection connection : flood) {
                pool.submit(() -> {
                    try {
                        while (polling.get()) {
                            connection.send(delay);
                            sent.incrementAndGet();
                            RawResponse response = connection.read();
                            (response.status() == 200 ? answered : otherStatus).incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        // closed by the clean-up below, or by the target: the flood ends either way
                    }
                    return null;
                });
            }
            Awaitility.await("all " + FLOOD_CONNECTIONS + " flood requests written")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> sent.get() >= FLOOD_CONNECTIONS);
            for (int i = 0; i < POLLS; i++) {
                RawConnection.pace(POLL_INTERVAL);
                String result = poll(management);
                polls.add(result);
                if (!result.startsWith("200 in ")) {
                    failures.add(result);
                }
            }
            polling.set(false);
            flood.forEach(RawConnection::close); // ends the flood now; the target finishes what it started on its own
            pool.shutdownNow();
        } finally {
            polling.set(false);
            flood.forEach(RawConnection::close);
        }
        System.out.println("CONFORMANCE " + target.label() + " management readiness under a " + FLOOD_CONNECTIONS
                + "-connection /delay flood: " + polls + " (flood: " + sent.get() + " requests sent, " + answered.get()
                + " answered 200 and " + otherStatus.get() + " otherwise meanwhile)");
        assertThat(sent.get()).as("flood requests written").isGreaterThanOrEqualTo(FLOOD_CONNECTIONS);
        assertThat(failures)
                .as(
                        "readiness polls on the management port %s not answered 200 within %d ms while %d "
                                + "connections flooded /delay (all polls: %s)",
                        management.baseUri(), POLL_BUDGET.toMillis(), FLOOD_CONNECTIONS, polls)
                .isEmpty();
    }

    @ConformanceTest
    @OncePerServer
    @DisplayName("on SIGTERM readiness on the management port turns 503 while an in-flight request drains")
    void readinessTurns503OnSigterm(TargetUnderTest shared) throws Exception {
        Assumptions.assumeTrue(
                shared.launcher().isPresent(),
                "needs a process of its own to send SIGTERM to: not " + "applicable to a target reached by URL ("
                        + shared.baseUri() + ")");
        try (LaunchedProcess target = shared.launcher().get().launch()) {
            TargetUnderTest management = management(target);
            CompletableFuture<RawResponse> inFlight = CompletableFuture.supplyAsync(() -> {
                try (RawConnection connection = RawConnection.open(target)) {
                    return connection
                            .send(RawConnection.get(target, Endpoints.DELAY + "?ms=4000"))
                            .read();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            RawConnection.pace(Duration.ofMillis(1500)); // let the server read the request before the signal
            target.process().destroy(); // SIGTERM on Linux
            List<String> seen = new ArrayList<>();
            Awaitility.await("readiness 503 on the management port after SIGTERM")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        String state = readiness(management);
                        seen.add(state);
                        return state.equals("503");
                    });
            assertThat(inFlight.get(40, TimeUnit.SECONDS).status())
                    .as("in-flight request after SIGTERM (readiness: %s)", seen)
                    .isEqualTo(200);
            assertThat(target.process().waitFor(40, TimeUnit.SECONDS))
                    .as("exited after SIGTERM")
                    .isTrue();
        }
    }

    /**
     * The management port as a target of its own, or an abort when the target has none that is known. Behind a
     * gateway it is the gateway's (what its pod's probes poll), whose own answers say {@code X-IO-Model: gateway}.
     */
    static TargetUnderTest management(TargetUnderTest target) {
        URI base = target.baseUri();
        Assumptions.assumeTrue(
                target.managementUri().isPresent(),
                () -> target.label() + " at " + base
                        + " has no known management port (launched targets have one; for a URL give -D"
                        + ConfiguredTargets.MANAGEMENT_URL + ")");
        String id = target.proxied() ? Target.GATEWAY_ID : target.id();
        return new UrlTarget(id, target.managementUri().get(), target.label() + " management");
    }

    /** A readiness probe on a new connection: "200 in N ms", or what went wrong and after how long. */
    private static String poll(TargetUnderTest management) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(management.host(), management.port()), (int) POLL_BUDGET.toMillis());
            socket.setSoTimeout((int) POLL_BUDGET.toMillis());
            socket.getOutputStream()
                    .write(RawConnection.get(management, Endpoints.READINESS, "Connection: close")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            RawResponse response =
                    new ResponseReader(new java.io.BufferedInputStream(socket.getInputStream())).read(false);
            long ms = (System.nanoTime() - start) / 1_000_000;
            boolean model = response.header(dev.iolab.contract.Headers.X_IO_MODEL)
                    .filter(management.id()::equals)
                    .isPresent();
            if (response.status() == 200 && model && ms < POLL_BUDGET.toMillis()) {
                return "200 in " + ms + " ms";
            }
            return response.status() + (model ? "" : " without X-IO-Model " + management.id()) + " in " + ms + " ms";
        } catch (IOException e) {
            return "no answer after " + (System.nanoTime() - start) / 1_000_000 + " ms (" + e + ")";
        }
    }

    /** "503", another status, "refused" or "no answer" for a readiness probe on a new connection. */
    private static String readiness(TargetUnderTest management) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(management.host(), management.port()), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream()
                    .write(RawConnection.get(management, Endpoints.READINESS, "Connection: close")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return Integer.toString(new ResponseReader(new java.io.BufferedInputStream(socket.getInputStream()))
                    .read(false)
                    .status());
        } catch (ConnectException e) {
            return "refused";
        } catch (IOException e) {
            return "no answer: " + e;
        }
    }
}
