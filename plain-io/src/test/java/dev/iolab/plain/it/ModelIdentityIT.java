package dev.iolab.plain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
            List<Socket> open = openServedConnections(server, CONNECTIONS);
            try {
                await("one thread per open connection")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> threadsNamed(server, "blocking-conn") >= before + CONNECTIONS);
            } finally {
                closeAll(open);
            }
        }
    }

    @Test
    void pollServesEverythingOnOneReactorThread() throws Exception {
        try (PlainProcess server = PlainProcess.start(Target.PLAIN_POLL)) {
            assertThat(server.logText()).contains("sun.nio.ch.PollSelectorImpl");
            assertThat(scrape(server)).contains("selector=\"sun.nio.ch.PollSelectorImpl\"");
            int before = server.threads();
            List<Socket> open = openServedConnections(server, CONNECTIONS);
            try {
                assertThat(threadsNamed(server, "poll-reactor")).isEqualTo(1);
                assertThat(server.threads())
                        .as("threads with %d open connections", CONNECTIONS)
                        .isLessThan(before + 3);
            } finally {
                closeAll(open);
            }
        }
    }

    @Test
    void epollRunsExactlyTheRequestedReactors() throws Exception {
        try (PlainProcess server = PlainProcess.start(Target.PLAIN_EPOLL, "--threads", "3")) {
            assertThat(server.logText()).contains("3 reactors on sun.nio.ch.EPollSelectorImpl");
            assertThat(scrape(server)).contains("selector=\"sun.nio.ch.EPollSelectorImpl\"");
            int before = server.threads();
            List<Socket> open = openServedConnections(server, CONNECTIONS);
            try {
                assertThat(threadsNamed(server, "epoll-reactor")).isEqualTo(3);
                assertThat(threadsNamed(server, "epoll-accept")).isEqualTo(1);
                assertThat(server.threads())
                        .as("threads with %d open connections", CONNECTIONS)
                        .isLessThan(before + 3);
            } finally {
                closeAll(open);
            }
        }
    }

    @Test
    void uringRunsOneRingPerRequestedLoopAndNoOtherServingThread() throws Exception {
        try (PlainProcess server = PlainProcess.start(Target.PLAIN_URING, "--threads", "2")) {
            assertThat(server.logText()).contains("uring: 2 loops on io_uring");
            assertThat(scrape(server)).contains("iolab_io_info{").contains("io_uring");
            int before = server.threads();
            List<Socket> open = openServedConnections(server, CONNECTIONS);
            try {
                assertThat(threadsNamed(server, "uring-loop")).isEqualTo(2);
                assertThat(server.threads())
                        .as("threads with %d open connections", CONNECTIONS)
                        .isLessThan(before + 3);
            } finally {
                closeAll(open);
            }
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

    /** Opens connections that each completed one request and stay open (keep-alive). */
    private static List<Socket> openServedConnections(PlainProcess server, int n) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket(server.base().getHost(), server.base().getPort());
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(("GET " + Endpoints.ECHO + "?msg=" + i + " HTTP/1.1\r\nHost: x\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[512];
            int got = in.read(buf);
            assertThat(new String(buf, 0, Math.max(0, got), StandardCharsets.US_ASCII))
                    .startsWith("HTTP/1.1 200");
            sockets.add(s);
        }
        return sockets;
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
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
        try (Socket s = new Socket(server.base().getHost(), server.base().getPort())) {
            s.getOutputStream()
                    .write(("GET " + Endpoints.PROMETHEUS + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
