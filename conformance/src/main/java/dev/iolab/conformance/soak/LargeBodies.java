package dev.iolab.conformance.soak;

import dev.iolab.conformance.Payloads;
import dev.iolab.conformance.RawConnection;
import dev.iolab.conformance.TargetUnderTest;
import dev.iolab.conformance.hostile.ProcessGauges;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The resource bound (issue 12 item 6): {@code clients} requests with 16 MiB bodies at once, a third each echoed,
 * uploaded and downloaded, every body checked, while the serving process's resident memory and threads are sampled.
 */
public final class LargeBodies {

    /** The body size: the contract's largest echo. */
    public static final int SIZE = 16 * 1024 * 1024;

    private static final String FIXTURE = "16m.bin";

    /** What the round saw; RSS and threads are NaN where the target exports no reading. */
    public record Result(
            int requests,
            List<String> problems,
            double rssBeforeBytes,
            double peakRssBytes,
            double threadsBefore,
            double peakThreads,
            int readings,
            Duration took) {

        /** Peak resident memory above the reading before the round, in MiB (NaN when unknown). */
        public double rssGrowthMib() {
            return (peakRssBytes - rssBeforeBytes) / (1024.0 * 1024.0);
        }

        public String summary(String label, String where) {
            return String.format(
                    "[%s] %d x 16 MiB at once in %d ms, %d problems; %s: RSS %.0f MiB before, peak %.0f MiB (%+.0f MiB),"
                            + " threads %.0f before, peak %.0f (%d readings)",
                    label,
                    requests,
                    took.toMillis(),
                    problems.size(),
                    where,
                    rssBeforeBytes / (1024.0 * 1024.0),
                    peakRssBytes / (1024.0 * 1024.0),
                    rssGrowthMib(),
                    threadsBefore,
                    peakThreads,
                    readings);
        }
    }

    private final TargetUnderTest target;
    private final int clients;

    public LargeBodies(TargetUnderTest target, int clients) {
        this.target = target;
        this.clients = clients;
    }

    public Result run() throws Exception {
        String run = "soak-big" + Long.toHexString(System.nanoTime() & 0xffffffL);
        String fixtureSha = Payloads.sha256(Fixtures.open(FIXTURE));
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(clients);
        long start;
        MemoryWatch watch =
                new MemoryWatch(new ProcessGauges(target.managementUri().orElse(null)));
        try (watch;
                ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int index = i;
                running.add(pool.submit(() -> {
                    try {
                        one(run, index, fixtureSha, ready).ifPresent(problems::add);
                    } catch (IOException | RuntimeException e) {
                        problems.add("request " + index + ": " + e);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(300, TimeUnit.SECONDS);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (target.dataDir().isPresent()) {
            for (int i = 0; i < clients; i++) {
                Files.deleteIfExists(target.dataDir().get().resolve(uploadName(run, i)));
            }
        }
        return new Result(
                clients,
                problems,
                watch.before().rssBytes(),
                watch.peakRssBytes(),
                watch.before().threads(),
                watch.peakThreads(),
                watch.readings(),
                took);
    }

    /** Request {@code index}: an echo, an upload or a download by {@code index % 3}, sent once all are connected. */
    private java.util.Optional<String> one(String run, int index, String fixtureSha, CountDownLatch ready)
            throws Exception {
        try (RawConnection connection = RawConnection.open(target)) {
            ready.countDown();
            ready.await(60, TimeUnit.SECONDS); // all connected: the bodies are in flight together
            long seed = 0x5EEDL * (index + 1);
            switch (index % 3) {
                case 0 -> {
                    Exchange.Outcome echo = new Exchange("POST", Endpoints.ECHO, seed, SIZE).run(target, connection);
                    String what = "POST /echo of 16 MiB #" + index;
                    return echo.problem(target, what, 200)
                            .or(() -> echo.bodyProblem(what, SIZE, Payloads.sha256(seed, SIZE)));
                }
                case 1 -> {
                    String path = Endpoints.FILES_PREFIX + uploadName(run, index);
                    Exchange.Outcome put = new Exchange("PUT", path, seed, SIZE).run(target, connection);
                    return put.problem(target, "PUT " + path + " of 16 MiB", 201)
                            .or(() -> stored(run, index, seed));
                }
                default -> {
                    Exchange.Outcome get =
                            new Exchange("GET", Endpoints.FILES_PREFIX + FIXTURE, 0, 0).run(target, connection);
                    String what = "GET /files/" + FIXTURE + " #" + index;
                    return get.problem(target, what, 200).or(() -> get.bodyProblem(what, SIZE, fixtureSha));
                }
            }
        }
    }

    /** Where the data directory is visible, the stored upload is exactly what was sent. */
    private java.util.Optional<String> stored(String run, int index, long seed) {
        if (target.dataDir().isEmpty()) {
            return java.util.Optional.empty();
        }
        Path file = target.dataDir().get().resolve(uploadName(run, index));
        try (var in = Files.newInputStream(file)) {
            String sha = Payloads.sha256(in);
            return sha.equals(Payloads.sha256(seed, SIZE))
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(file + ": stored bytes differ from the upload");
        } catch (IOException e) {
            return java.util.Optional.of(file + ": " + e);
        }
    }

    private static String uploadName(String run, int index) {
        return run + "-" + index + ".bin";
    }
}
