package dev.iolab.reactive.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import dev.iolab.reactive.ServiceProcess;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each webflux target, launched as the registry says, runs the native transport its name says and shows it
 * (log, metric, info, thread names); then, on SIGTERM, drains its in-flight request, refuses new connections
 * and exits 0. One process per target serves both checks, to keep the build lean on two cores.
 */
class TransportIT {

    /** Requests in flight, the scrape that reads it included. */
    private static final Pattern ACTIVE = Pattern.compile("http_server_requests_active\\{[^}]*} ([0-9.]+)");

    @ParameterizedTest
    @EnumSource(
            value = Target.class,
            names = {"WEBFLUX_EPOLL", "WEBFLUX_IOURING"})
    void targetRunsItsTransportThenShutsDownGracefully(Target target, @TempDir Path work) throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(target, work).awaitReady()) {
            assertRunsOn(Transport.of(target), service);
            assertGracefulShutdown(service);
        }
    }

    private static void assertRunsOn(Transport transport, ServiceProcess service) throws Exception {
        String serverChannel = switch (transport) {
            case EPOLL -> "EpollServerSocketChannel";
            case IO_URING -> "IoUringServerSocketChannel";
        };
        // the log line is written on the server channel's own event loop
        assertThat(service.output())
                .contains("Transport " + transport.id() + ": server channel " + serverChannel + " on event loop thread "
                        + transport.threadPrefix() + "-");
        assertThat(service.get(Endpoints.PROMETHEUS).body())
                .containsPattern("iolab_transport_info\\{[^}]*transport=\"" + transport.id() + "\"");
        assertThat(service.get("/actuator/info").body())
                .contains("\"transport\":\"" + transport.id() + "\"")
                .contains("\"serverChannel\":\"io.netty.channel.");
        // /proc truncates thread names to 15 characters: "reactor-http-ep" / "reactor-http-io"
        String prefix = transport.threadPrefix().substring(0, 15);
        assertThat(threadNames(service.process().pid()))
                .as("threads")
                .contains(prefix)
                .filteredOn(name -> name.startsWith("reactor-http-"))
                .allMatch(prefix::equals);
    }

    private static void assertGracefulShutdown(ServiceProcess service) throws Exception {
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return service.get(Endpoints.DELAY + "?" + Endpoints.DELAY_PARAM + "=3000");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // SIGTERM only once the request is in flight on the server: its in-flight gauge counts it beside the scrape
        await("in-flight /delay")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> active(service.get(Endpoints.PROMETHEUS).body()) >= 2);

        service.process().destroy(); // SIGTERM

        await("graceful shutdown begins")
                .atMost(Duration.ofSeconds(10))
                .until(() -> service.output().contains("Commencing graceful shutdown"));
        assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", service.port()), 1000);
                    }
                })
                .as("a new connection during shutdown")
                .isInstanceOf(ConnectException.class);
        HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Endpoints.DELAY_BODY);
        assertThat(service.process().waitFor(40, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(service.process().exitValue()).as("exit code after SIGTERM").isZero();
    }

    private static double active(String metrics) {
        Matcher matcher = ACTIVE.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static List<String> threadNames(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(task -> {
                        try {
                            return Files.readString(task.resolve("comm")).strip();
                        } catch (IOException e) {
                            return "";
                        }
                    })
                    .toList();
        }
    }
}
