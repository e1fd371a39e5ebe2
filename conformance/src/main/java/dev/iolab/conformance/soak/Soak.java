package dev.iolab.conformance.soak;

import dev.iolab.conformance.TargetUnderTest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The integrity soak (issue 12 item 4): {@code clients} {@link SoakClient}s against one target for {@code duration},
 * then the server's counts set against the clients'. Bounded: every client stops at the deadline plus one exchange.
 */
public final class Soak {

    /** What a soak saw. */
    public record Result(
            Map<String, Long> clientRequests,
            Map<String, Long> serverRequests,
            long bytes,
            List<String> problems,
            long problemCount,
            Duration took) {

        /** One line for the test log. */
        public String summary(String label) {
            double mib = bytes / (1024.0 * 1024.0);
            return String.format(
                    "[%s] soak: %d requests, %.0f MiB of bodies in %d ms, %d problems; clients %s, server %s",
                    label,
                    clientRequests.values().stream().mapToLong(Long::longValue).sum(),
                    mib,
                    took.toMillis(),
                    problemCount,
                    clientRequests,
                    serverRequests);
        }
    }

    private final TargetUnderTest target;
    private final int clients;
    private final Duration duration;

    public Soak(TargetUnderTest target, int clients, Duration duration) {
        this.target = target;
        this.clients = clients;
        this.duration = duration;
    }

    /**
     * Runs the clients; {@code serverRequests} is read once the server's count has caught up with the clients' or
     * {@code settle} has passed (a request's timer is recorded as its exchange completes, just after the client reads).
     */
    public Result run(Duration settle) throws Exception {
        String run = "soak" + Long.toHexString(System.nanoTime() & 0xffffffL);
        Map<String, Long> before = ServerCounts.read(target);
        Tally tally = new Tally();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(new SoakClient(target, run, i, deadline, tally)));
            }
            for (Future<?> f : running) {
                f.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Long> client = tally.requests();
        // the server's count once it has recorded the last exchanges, or as it stands when settle has passed
        Map<String, Long> server;
        try {
            server = Awaitility.await("the server's counts catching up with the clients'")
                    .atMost(settle)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> ServerCounts.since(before, ServerCounts.read(target)), client::equals);
        } catch (ConditionTimeoutException e) {
            server = ServerCounts.since(before, ServerCounts.read(target));
        }
        removeUploads(run);
        return new Result(client, server, tally.bytes(), tally.problems(), tally.problemCount(), took);
    }

    /** Deletes the soak's uploads from the data directory when the suite can see it (they only fill the disk). */
    private void removeUploads(String run) throws IOException {
        if (target.dataDir().isEmpty()) {
            return;
        }
        try (DirectoryStream<Path> uploads =
                Files.newDirectoryStream(target.dataDir().get(), "soak-" + run + "-*")) {
            for (Path p : uploads) {
                Files.deleteIfExists(p);
            }
        }
    }
}
