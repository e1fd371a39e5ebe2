package dev.iolab.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.LaunchedTarget;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Proves each target's thread model from outside, by timing alone: 300 concurrent sleeps of 3 s finish in
 * two waves (200, then 100) on the platform pool of 200, in one wave of 300 on virtual threads. Waves are
 * read from the gap between consecutive completions, which a loaded machine blurs far less than totals.
 */
class ThreadModelIT {

    private static final int CONCURRENT = 300;
    private static final long DELAY_MS = 3000;

    @Test
    void mvcPlatformServesTwoHundredAtATime() throws Exception {
        List<Long> done = completionTimes(Target.MVC_PLATFORM);
        int firstWave = sizeOfFirstWave(done);
        assertThat(firstWave).as("requests in the first wave, completions (ms): %s", done)
                .isEqualTo(Limits.PLATFORM_THREADS);
        assertThat(done.getLast()).as("two waves take at least two delays").isGreaterThanOrEqualTo(2 * DELAY_MS);
    }

    @Test
    void mvcVirtualServesAllThreeHundredAtOnce() throws Exception {
        List<Long> done = completionTimes(Target.MVC_VIRTUAL);
        assertThat(sizeOfFirstWave(done)).as("requests in the first wave, completions (ms): %s", done)
                .isEqualTo(CONCURRENT);
    }

    /** Sorted completion times (ms since the start) of {@value #CONCURRENT} concurrent delays. */
    private static List<Long> completionTimes(Target target) throws Exception {
        Path repoRoot = Path.of(System.getProperty("iolab.repo.root", ".."));
        try (LaunchedTarget launched = LaunchedTarget.start(target, repoRoot).awaitReady();
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build()) {
            URI uri = launched.baseUri().resolve(Endpoints.DELAY + "?" + Endpoints.DELAY_PARAM + "=" + DELAY_MS);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build();
            long start = System.nanoTime();
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                futures.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                    assertThat(response.statusCode()).as("status of %s", uri).isEqualTo(200);
                    return (System.nanoTime() - start) / 1_000_000;
                }));
            }
            return futures.stream().map(CompletableFuture::join).sorted().toList();
        }
    }

    /** How many completions come before the first pause longer than half a delay: one wave's size. */
    private static int sizeOfFirstWave(List<Long> sortedTimes) {
        for (int i = 1; i < sortedTimes.size(); i++) {
            if (sortedTimes.get(i) - sortedTimes.get(i - 1) > DELAY_MS / 2) {
                return i;
            }
        }
        return sortedTimes.size();
    }
}
