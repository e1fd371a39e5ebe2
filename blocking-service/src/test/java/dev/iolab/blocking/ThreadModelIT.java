package dev.iolab.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iolab.conformance.LaunchedTarget;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Proves each target's thread model from outside with 300 concurrent sleeps, counting requests in flight
 * with the server's own {@code http_server_requests_active} gauge: on virtual threads all 300 are in
 * their handlers at once; on the platform pool never more than 200, so the last 100 wait for a second
 * wave. No timing of totals beyond that lower bound: a loaded 2-core machine blurs durations, not counts.
 */
class ThreadModelIT {

    private static final int CONCURRENT = 300;
    private static final long DELAY_MS = 8000;
    private static final String ACTIVE = "http_server_requests_active{";

    @Test
    void mvcVirtualRunsAllThreeHundredRequestsAtOnce() throws Exception {
        try (LaunchedTarget target = launch(Target.MVC_VIRTUAL);
                HttpClient client = client()) {
            List<CompletableFuture<HttpResponse<String>>> delays = fire(client, target);
            await().atMost(Duration.ofMillis(DELAY_MS))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> activeDelays(client, target) >= CONCURRENT);
            assertAllOk(delays);
        }
    }

    @Test
    void mvcPlatformRunsAtMostTwoHundredAndQueuesTheRest() throws Exception {
        try (LaunchedTarget target = launch(Target.MVC_PLATFORM);
                HttpClient client = client()) {
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> delays = fire(client, target);
            // A scrape needs a pool thread itself: it sees at most 200 in flight, itself included.
            AtomicInteger maxActive = new AtomicInteger();
            await().atMost(Duration.ofMillis(4 * DELAY_MS + 30_000))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        maxActive.accumulateAndGet(activeDelays(client, target) + 1, Math::max);
                        return delays.stream().allMatch(CompletableFuture::isDone);
                    });
            assertAllOk(delays);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(maxActive.get())
                    .as("most requests in flight at once")
                    .isPositive()
                    .isLessThanOrEqualTo(Limits.PLATFORM_THREADS);
            assertThat(elapsedMs).as("300 sleeps on 200 threads take two waves").isGreaterThanOrEqualTo(2 * DELAY_MS);
        }
    }

    private static LaunchedTarget launch(Target target) {
        return LaunchedTarget.start(target, Path.of(System.getProperty("iolab.repo.root", "..")))
                .awaitReady();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    private static List<CompletableFuture<HttpResponse<String>>> fire(HttpClient client, LaunchedTarget target) {
        URI uri = target.baseUri().resolve(Endpoints.DELAY + "?" + Endpoints.DELAY_PARAM + "=" + DELAY_MS);
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).build();
        return IntStream.range(0, CONCURRENT)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();
    }

    private static void assertAllOk(List<CompletableFuture<HttpResponse<String>>> delays) {
        for (CompletableFuture<HttpResponse<String>> delay : delays) {
            HttpResponse<String> response = delay.join();
            assertThat(response.statusCode())
                    .as("status of %s: %s", response.uri(), response.body())
                    .isEqualTo(200);
            assertThat(response.body()).isEqualTo(Endpoints.DELAY_BODY);
        }
    }

    /** Requests in flight other than the scrape itself, from the server's own gauge. */
    private static int activeDelays(HttpClient client, LaunchedTarget target) throws IOException, InterruptedException {
        HttpRequest scrape = HttpRequest.newBuilder(target.baseUri().resolve(Endpoints.PROMETHEUS))
                .timeout(Duration.ofSeconds(120))
                .build();
        String text = client.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
        double active = text.lines()
                .filter(line -> line.startsWith(ACTIVE))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        return (int) active - 1;
    }
}
