package dev.iolab.reactive.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import dev.iolab.reactive.ServiceProcess;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SIGTERM: the in-flight request completes, new connections are refused, the process exits 0. */
class GracefulShutdownIT {

    /** The longest running GET: the /delay request once it has been running for a while (a scrape takes ms). */
    private static final Pattern LONGEST_ACTIVE_GET = Pattern.compile(
            "http_server_requests_active_seconds_max\\{[^}]*method=\"GET\"[^}]*} ([0-9.]+)");

    @ParameterizedTest
    @EnumSource(value = Target.class, names = {"WEBFLUX_EPOLL", "WEBFLUX_IOURING"})
    void sigtermDrainsInFlightRequestsThenExitsZero(Target target, @TempDir Path work) throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(target, work).awaitReady()) {
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return service.get(Endpoints.DELAY + "?" + Endpoints.DELAY_PARAM + "=3000");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the request must be in flight on the server before the signal: its active-request gauge says so
            await("in-flight /delay").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> longestActiveGet(service.get(Endpoints.PROMETHEUS).body()) > 0.2);

            service.process().destroy(); // SIGTERM

            await("graceful shutdown begins").atMost(Duration.ofSeconds(10))
                    .until(() -> service.output().contains("Commencing graceful shutdown"));
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", service.port()), 1000);
                }
            }).isInstanceOf(ConnectException.class);

            HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(Endpoints.DELAY_BODY);
            assertThat(service.process().waitFor(40, TimeUnit.SECONDS)).isTrue();
            assertThat(service.process().exitValue()).as("exit code after SIGTERM").isZero();
        }
    }

    private static double longestActiveGet(String metrics) {
        Matcher matcher = LONGEST_ACTIVE_GET.matcher(metrics);
        double longest = 0;
        while (matcher.find()) {
            longest = Math.max(longest, Double.parseDouble(matcher.group(1)));
        }
        return longest;
    }
}
