package dev.iolab.plain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iolab.conformance.RawConnection;
import dev.iolab.conformance.RawResponse;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each model is what it says: its threads, its selector, and (for busypoll) the CPU it burns doing nothing. */
class ModelIdentityIT {

    private static final int CONNECTIONS = 20;

    @Test
    void blockingServesEachConnectionOnItsOwnThread() throws Exception {
        try (PlainProcess server = PlainProcess.start(Target.PLAIN_BLOCKING)) {
            long before = threadsNamed(server, "blocking-conn"); // the readiness probe's connection may still be open
            List<RawConnection> open = openServedConnections(server, CONNECTIONS);
            try {
                await("one thread per open connection")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> threadsNamed(server, "blocking-conn") >= before + CONNECTIONS);
            } finally {
                open.forEach(RawConnection::close);
            }
        }
    }

    @Test
    void pollServesEverythingOnOneReactorThread() throws Exception {
        try (PlainProcess server = PlainProcess.start(Target.PLAIN_POLL)) {
            assertThat(server.logText()).contains("sun.nio.ch.PollSelectorImpl");
            assertThat(scrape(server)).contains("selector=\"sun.nio.ch.PollSelectorImpl\"");
            assertFixedThreadsServe(server, Map.of("poll-reactor", 1L));
        }
    }

    @Test
    void epollRunsExactlyTheRequestedReactors() throws Exception {
        try (PlainProcess server = PlainProcess.start(Target.PLAIN_EPOLL, "--threads", "3")) {
            assertThat(server.logText()).contains("3 reactors on sun.nio.ch.EPollSelectorImpl");
            assertThat(scrape(server)).contains("selector=\"sun.nio.ch.EPollSelectorImpl\"");
            assertFixedThreadsServe(server, Map.of("epoll-reactor", 3L, "epoll-accept", 1L));
        }
    }

    @Test
    void uringRunsOneRingPerRequestedLoopAndNoOtherServingThread() throws Exception {
        try (PlainProcess server = PlainProcess.start(Target.PLAIN_URING, "--threads", "2")) {
            assertThat(server.logText()).contains("uring: 2 loops on io_uring");
            assertThat(scrape(server)).contains("iolab_io_info{").contains("io_uring");
            assertFixedThreadsServe(server, Map.of("uring-loop", 2L));
        }
    }

    @Test
    void aioAndMmapLogTheirChannelImplementation() throws Exception {
        for (Target target : List.of(Target.PLAIN_AIO, Target.PLAIN_MMAP)) {
            try (PlainProcess server = PlainProcess.start(target)) {
                assertThat(server.logText()).contains("sun.nio.ch.LinuxAsynchronousChannelProvider");
                assertThat(scrape(server)).contains("iolab_io_info{");
            }
        }
    }

    @Test
    void busypollBurnsCpuWhileIdleAndTheOthersDoNot() throws Exception {
        Map<String, Long> idleCpu = new LinkedHashMap<>();
        for (Target target : Stream.of(Target.values())
                .filter(t -> t.id().startsWith("plain-"))
                .toList()) {
            try (PlainProcess server = PlainProcess.start(target)) {
                // let startup (JIT, fixtures, GC) settle: a pause, not a wait for a condition
                Thread.sleep(1000);
                long before = server.cpuMillis();
                Thread.sleep(2000);
                idleCpu.put(target.id(), server.cpuMillis() - before);
            }
        }
        System.out.println("IDLE CPU over 2 s (ms): " + idleCpu);
        long busy = idleCpu.get(Target.PLAIN_BUSYPOLL.id());
        long othersMax = idleCpu.entrySet().stream()
                .filter(e -> !e.getKey().equals(Target.PLAIN_BUSYPOLL.id()))
                .mapToLong(Map.Entry::getValue)
                .max()
                .orElseThrow();
        assertThat(busy)
                .as("busypoll idle CPU ms vs the others: %s", idleCpu)
                .isGreaterThan(200)
                .isGreaterThan(5 * othersMax + 50);
    }

    /**
     * With {@link #CONNECTIONS} served connections open, exactly {@code threads} (name prefix to count) run and hardly
     * any other thread was added: the model does not spend a thread per connection.
     */
    private static void assertFixedThreadsServe(PlainProcess server, Map<String, Long> threads) throws IOException {
        int before = server.threads();
        List<RawConnection> open = openServedConnections(server, CONNECTIONS);
        try {
            for (Map.Entry<String, Long> named : threads.entrySet()) {
                assertThat(threadsNamed(server, named.getKey()))
                        .as(named.getKey())
                        .isEqualTo(named.getValue());
            }
            assertThat(server.threads())
                    .as("threads with %d open connections", CONNECTIONS)
                    .isLessThan(before + 3);
        } finally {
            open.forEach(RawConnection::close);
        }
    }

    /** Opens connections that each completed one request and stay open (keep-alive). */
    private static List<RawConnection> openServedConnections(PlainProcess server, int n) throws IOException {
        List<RawConnection> connections = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RawConnection connection = RawConnection.open(server.asTarget(), Duration.ofSeconds(10));
            connections.add(connection);
            RawResponse answer = connection
                    .send(RawConnection.get(server.asTarget(), Endpoints.ECHO + "?msg=" + i))
                    .read();
            assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
        }
        return connections;
    }

    /** Threads whose OS name (/proc/PID/task/TID/comm, 15 chars at most) starts with {@code prefix}. */
    private static long threadsNamed(PlainProcess server, String prefix) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(server.pid()), "task"))) {
            return tasks.filter(t -> {
                        try {
                            return Files.readString(t.resolve("comm")).strip().startsWith(prefix);
                        } catch (IOException e) {
                            return false; // the thread ended meanwhile
                        }
                    })
                    .count();
        }
    }

    private static String scrape(PlainProcess server) throws IOException {
        try (RawConnection connection = RawConnection.open(server.asTarget())) {
            RawResponse metrics = connection
                    .send(RawConnection.get(server.asTarget(), Endpoints.PROMETHEUS, "Connection: close"))
                    .read();
            assertThat(metrics.status()).as(metrics.describe()).isEqualTo(200);
            return metrics.bodyText();
        }
    }
}
