package dev.iolab.containers;

import dev.iolab.contract.Endpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A short, bounded load on every endpoint of each base URI (echo, files up and down, delay, a miss), so every metric a
 * dashboard reads has samples: a fixed number of rounds per base, four bases at a time, each request timed out.
 */
final class LoadBurst {

    private LoadBurst() {}

    /** Runs {@code rounds} rounds against each base; returns the responses counted by status class per base. */
    static Map<URI, Map<Integer, AtomicLong>> run(List<URI> bases, int rounds) throws Exception {
        Map<URI, Map<Integer, AtomicLong>> counts = new ConcurrentHashMap<>();
        try (HttpClient client = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> work = bases.stream()
                    .<Future<?>>map(base -> pool.submit(() -> {
                        Map<Integer, AtomicLong> byClass = counts.computeIfAbsent(base, b -> new ConcurrentHashMap<>());
                        byte[] body = new byte[4096];
                        for (int round = 0; round < rounds; round++) {
                            String file = Endpoints.FILES_PREFIX + "burst-" + (round % 4) + ".bin";
                            List<HttpRequest> requests = List.of(
                                    request(base, Endpoints.ECHO)
                                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                            .build(),
                                    request(base, file)
                                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                                            .build(),
                                    request(base, file).GET().build(),
                                    request(base, Endpoints.DELAY + "?ms=20")
                                            .GET()
                                            .build(),
                                    request(base, Endpoints.FILES_PREFIX + "missing-" + round)
                                            .GET()
                                            .build());
                            for (HttpRequest request : requests) {
                                try {
                                    int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                                            .statusCode();
                                    byClass.computeIfAbsent(status / 100, c -> new AtomicLong())
                                            .incrementAndGet();
                                } catch (java.io.IOException e) {
                                    byClass.computeIfAbsent(0, c -> new AtomicLong())
                                            .incrementAndGet();
                                }
                            }
                        }
                        return null;
                    }))
                    .toList();
            for (Future<?> future : work) {
                future.get();
            }
        }
        return counts;
    }

    private static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }
}
