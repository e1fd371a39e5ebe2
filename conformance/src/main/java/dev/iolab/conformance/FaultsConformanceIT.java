package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.tools.RequiredTool;
import dev.iolab.conformance.tools.Tmpfs;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Fixtures;
import dev.iolab.contract.InsufficientStorage;
import dev.iolab.contract.UploadTemporaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;

/**
 * Faults of the target process itself, on a dedicated process whose data directory is a 2 MiB tmpfs and whose
 * descriptors are capped by {@code prlimit}: a full disk, a descriptor flood, a kill -9 in the middle of an upload,
 * then a restart on the same directory. One process for the first three and one restart keep it to two launches.
 */
@DisplayName("faults")
class FaultsConformanceIT {

    /** Small enough to fill with one upload, far below the upload limit, so only the disk can refuse it. */
    static final long FILE_SYSTEM_BYTES = 2L * 1024 * 1024;
    /** {@code ulimit -n} of the target: room for a JVM and a few dozen connections, far below the flood. */
    static final int NOFILE = 256;

    static final int FLOOD_CONNECTIONS = 2 * NOFILE;

    /** How far below {@link #NOFILE} the peak may stay and still count as the limit reached (measured: 0 to 1). */
    static final int LIMIT_SLACK = 8;

    @ConformanceTest
    @DisplayName(
            "disk full: 507 and no partial file; descriptor flood: alive, then serving; kill -9 mid-upload: no partial "
                    + "file, its temporary file gone at the next start")
    void faultsLeaveNoPartialFileAndNoDeadProcess(TargetUnderTest shared) throws Exception {
        Assumptions.assumeTrue(
                shared.processLauncher().isPresent(),
                "needs the target as a local process of its own, on a "
                        + "data directory the test mounts: not applicable to " + shared.label()
                        + " (its provider runs no local "
                        + "process of it; the target's own run covers it)");
        Path prlimit = RequiredTool.onPath("apt-get install util-linux", "prlimit");
        ProcessLauncher launcher = shared.processLauncher().get();
        Path root = Files.createTempDirectory("iolab-faults-" + shared.id() + "-");
        try (Tmpfs disk = Tmpfs.mount(root.resolve("data"), FILE_SYSTEM_BYTES)) {
            Path dataDir = disk.path();
            // One file keeps the 17 MiB of fixtures out (a target creates them only in an empty directory).
            Files.writeString(dataDir.resolve(Fixtures.HELLO_NAME), Fixtures.HELLO_TEXT);
            List<String> wrapper = List.of(prlimit.toString(), "--nofile=" + NOFILE + ":" + NOFILE, "--");
            String killedName = UploadConformanceIT.uniqueName("fault-killed");
            try (LaunchedProcess first = launcher.launch(dataDir, wrapper)) {
                first.baseUri(); // fails here, with the log, if it did not start under the limits
                Phases phases = new Phases(shared.label());
                diskFullIs507WithNoPartialFile(first, dataDir);
                phases.done("disk full");
                descriptorFloodLeavesItAliveAndServing(first);
                phases.done("descriptor flood");
                killMidUpload(first, dataDir, killedName);
                phases.done("kill -9 mid-upload");
            }
            try (LaunchedProcess second = launcher.launch(dataDir, wrapper)) {
                second.baseUri();
                assertThat(temporaries(dataDir))
                        .as(
                                "temporary files after the restart of %s on the directory a kill -9 "
                                        + "left one in; log:%n%s",
                                second.label(), second.logTail(20))
                        .isEmpty();
                assertThat(get(second, Endpoints.FILES_PREFIX + killedName).status())
                        .as("the upload killed half-way is not served under its name after the restart")
                        .isEqualTo(404);
                assertThat(get(second, Endpoints.FILES_PREFIX + Fixtures.HELLO_NAME)
                                .bodyText())
                        .as("published files survive the restart")
                        .isEqualTo(Fixtures.HELLO_TEXT);
            }
        } finally {
            deleteTree(root);
        }
    }

    /** An upload larger than the free space: 507, the name absent, the temporary file gone, and the space usable again. */
    private static void diskFullIs507WithNoPartialFile(LaunchedProcess target, Path dataDir) throws Exception {
        String name = UploadConformanceIT.uniqueName("fault-full");
        int size = (int) (FILE_SYSTEM_BYTES + FILE_SYSTEM_BYTES / 2);
        RawResponse response;
        try (RawConnection connection = RawConnection.open(target)) {
            connection.send(RawConnection.request(
                    "PUT",
                    target,
                    Endpoints.FILES_PREFIX + name,
                    "Content-Length: " + size,
                    "Content-Type: application/octet-stream"));
            // The server may answer and close before it read the whole body: send from another thread, read here.
            byte[] body = Payloads.bytes(11, size);
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    connection.send(body);
                } catch (IOException e) {
                    // expected once the server has answered and closed
                }
            });
            try {
                response = connection.read();
            } catch (IOException e) {
                throw new AssertionError(
                        "no response to a " + size + "-byte upload on a " + FILE_SYSTEM_BYTES + "-byte file system ("
                                + e + "); the contract wants a clear 507; log:\n" + target.logTail(30),
                        e);
            }
            sender.join(Duration.ofSeconds(10));
        }
        assertThat(response.status())
                .as("upload on a full disk%n%s%nlog:%n%s", response.describe(), target.logTail(30))
                .isEqualTo(InsufficientStorage.STATUS);
        assertThat(dataDir.resolve(name))
                .as("no partial file under the name after a 507")
                .doesNotExist();
        Awaitility.await("the temporary file of the refused upload deleted")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(temporaries(dataDir)).isEmpty());
        String small = UploadConformanceIT.uniqueName("fault-after-full");
        try (RawConnection connection = RawConnection.open(target)) {
            RawResponse stored = connection
                    .send(RawConnection.request("PUT", target, Endpoints.FILES_PREFIX + small, "Content-Length: 5"))
                    .send("after")
                    .read();
            assertThat(stored.status())
                    .as("a small upload once the full one is refused: the space came back%n%s", stored.describe())
                    .isEqualTo(201);
        }
    }

    /**
     * Twice as many connections as the process may hold descriptors: the excess is refused, closed or left waiting,
     * never the process's death, and once the flood ends health and echo answer again.
     */
    private static void descriptorFloodLeavesItAliveAndServing(LaunchedProcess target) throws Exception {
        List<Socket> flood = new ArrayList<>();
        int refused = 0;
        try {
            // All at once: a connection past a full accept backlog waits out its connect timeout, in parallel here.
            List<Future<Socket>> connecting = new ArrayList<>();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < FLOOD_CONNECTIONS; i++) {
                    connecting.add(executor.submit(() -> floodConnection(target)));
                }
            }
            for (var future : connecting) {
                Socket socket = future.get();
                if (socket == null) {
                    refused++;
                } else {
                    flood.add(socket);
                }
            }
            System.out.printf(
                    "FAULTS %s flood: %d connections held, %d refused or timed out%n",
                    target.label(), flood.size(), refused);
            // The flood must really drive the process to its limit (else this rule would pass having tested
            // nothing): its open descriptors, counted by the kernel, reach ulimit -n while every connection is held.
            long pid = target.process().pid();
            long[] peak = {0};
            try {
                Awaitility.await("open descriptors of " + target.label() + " reaching ulimit -n " + NOFILE)
                        .atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> {
                            peak[0] = Math.max(peak[0], openDescriptors(pid));
                            return peak[0] >= NOFILE - LIMIT_SLACK
                                    || !target.process().isAlive();
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(
                        target.label() + " held at most " + peak[0] + " descriptors under ulimit -n " + NOFILE
                                + " with " + flood.size() + " connections open: the flood did not reach the limit",
                        e);
            }
            System.out.printf("FAULTS %s flood: %d descriptors open at the peak%n", target.label(), peak[0]);
            // held at the limit for a while: every accept the server tries meanwhile fails with EMFILE
            RawConnection.pace(Duration.ofSeconds(1));
            assertThat(target.process().isAlive())
                    .as(
                            "%s alive with %d connections held (%d refused) under ulimit -n %d;" + " log:%n%s",
                            target.label(), flood.size(), refused, NOFILE, target.logTail(30))
                    .isTrue();
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
        try {
            Awaitility.await("health and echo after the flood")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> get(target, Endpoints.HEALTH).status() == 200
                            && get(target, Endpoints.ECHO + "?" + Endpoints.ECHO_PARAM + "=back")
                                            .status()
                                    == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    target.label() + " did not serve health and echo within 30 s after a flood of "
                            + FLOOD_CONNECTIONS + " connections under ulimit -n " + NOFILE + "; alive: "
                            + target.process().isAlive()
                            + "; log:\n" + target.logTail(40),
                    e);
        }
        assertThat(target.process().isAlive()).as("alive after the flood").isTrue();
    }

    /** Descriptors the process has open now, as /proc lists them. */
    private static long openDescriptors(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        }
    }

    /** A connection that sends one echo request and never reads; null when it was refused or timed out. */
    private static Socket floodConnection(TargetUnderTest target) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(target.host(), target.port()), 2000);
            socket.getOutputStream()
                    .write(RawConnection.get(target, Endpoints.ECHO + "?" + Endpoints.ECHO_PARAM + "=flood")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return socket;
        } catch (IOException e) {
            socket.close();
            return null;
        }
    }

    /** Half an upload is on disk when the process gets SIGKILL: nothing appears under the name, a temporary stays. */
    private static void killMidUpload(LaunchedProcess target, Path dataDir, String name) throws Exception {
        int declared = 1024 * 1024;
        try (RawConnection connection = RawConnection.open(target)) {
            connection
                    .send(RawConnection.request(
                            "PUT", target, Endpoints.FILES_PREFIX + name, "Content-Length: " + declared))
                    .send(Payloads.bytes(5, declared / 2));
            Awaitility.await("part of the upload written to a temporary file")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> temporaries(dataDir).stream().anyMatch(p -> size(p) > 0));
            target.process().destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertThat(target.process().waitFor(10, TimeUnit.SECONDS))
                    .as("killed")
                    .isTrue();
        }
        assertThat(dataDir.resolve(name))
                .as("no partial file under the name after kill -9 mid-upload")
                .doesNotExist();
        assertThat(temporaries(dataDir))
                .as("the killed upload's temporary file (what the next start must clean)")
                .isNotEmpty();
    }

    /** Prints how long each fault took, so the CI time this rule adds is visible in the build log. */
    private static final class Phases {
        private final String label;
        private long start = System.nanoTime();

        Phases(String label) {
            this.label = label;
        }

        void done(String phase) {
            long now = System.nanoTime();
            System.out.printf("FAULTS %s %s: %d ms%n", label, phase, (now - start) / 1_000_000);
            start = now;
        }
    }

    private static RawResponse get(TargetUnderTest target, String path) throws IOException {
        // RawConnection's own read timeout: a loaded CI machine, not the target, is what makes an answer slow here
        try (RawConnection connection = RawConnection.open(target)) {
            return connection.send(RawConnection.get(target, path)).read();
        }
    }

    private static List<Path> temporaries(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(
                            p -> UploadTemporaries.isTemporary(p.getFileName().toString()))
                    .toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temp dir left behind is not worth failing a build for
        }
    }
}
