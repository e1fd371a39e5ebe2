package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;

/**
 * 300 connections each waiting on {@code /delay?ms=1000} at once: all must be answered "ok", none early,
 * and together in a few seconds, which only holds when a waiting request holds no event loop.
 */
@DisplayName("delay under concurrency")
class ConcurrentDelayConformanceIT {

    static final int CONNECTIONS = 300;
    static final int DELAY_MS = 1000;
    /** 300 s when served one at a time; a model that waits without blocking its workers needs little over 1 s. */
    static final Duration BUDGET = Duration.ofSeconds(20);

    @ConformanceTest
    @DisplayName("300 concurrent /delay?ms=1000 all answer ok after >= 1000 ms, in well under 300 s together")
    void threeHundredConcurrentDelaysOverlap(TargetUnderTest target) throws Exception {
        String request = RawConnection.get(target, Endpoints.DELAY + "?" + Endpoints.DELAY_PARAM + "=" + DELAY_MS);
        List<RawConnection> connections = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CONNECTIONS; i++) {
                connections.add(RawConnection.open(target));
            }
            List<Future<String>> results = new ArrayList<>();
            for (RawConnection connection : connections) {
                results.add(pool.submit(() -> {
                    long sent = System.nanoTime();
                    RawResponse response = connection.send(request).read();
                    long ms = (System.nanoTime() - sent) / 1_000_000;
                    if (response.status() != 200 || !response.bodyText().equals(Endpoints.DELAY_BODY)) {
                        return "unexpected response after " + ms + " ms:\n" + response.describe();
                    }
                    return ms < DELAY_MS ? "answered after only " + ms + " ms" : null;
                }));
            }
            List<String> problems = new ArrayList<>();
            for (Future<String> result : results) {
                long left = BUDGET.toNanos() - (System.nanoTime() - start);
                try {
                    String problem = result.get(Math.max(1, left), TimeUnit.NANOSECONDS);
                    if (problem != null) {
                        problems.add(problem);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    problems.add(e.getCause().toString());
                } catch (java.util.concurrent.TimeoutException e) {
                    problems.add("no answer within the " + BUDGET.toSeconds() + " s budget");
                }
            }
            connections.forEach(RawConnection::close);
            long total = (System.nanoTime() - start) / 1_000_000;
            assertThat(problems)
                    .as(
                            "%d of %d delayed requests failed (first: %s)",
                            problems.size(), CONNECTIONS, problems.isEmpty() ? "" : problems.getFirst())
                    .isEmpty();
            assertThat(total)
                    .as("milliseconds for all %d requests", CONNECTIONS)
                    .isLessThan(BUDGET.toMillis());
        } finally {
            connections.forEach(RawConnection::close);
        }
    }
}
