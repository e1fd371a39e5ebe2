package dev.iolab.conformance.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A well-behaved client that sends one request after another on its own thread (a pause between them) and records
 * each latency and each failure (an exception, a status other than 200, a body that fails {@code check}); windows
 * of its record give the p99 and error count while one attack or another ran.
 */
public final class LatencyProbe implements AutoCloseable {

    /** One request: when it started (ns since the probe started), how long it took (ns), whether it failed, why. */
    public record Sample(long startNanos, long latencyNanos, boolean failed, String failure) {
    }

    private final String name;
    private final HttpClient client;
    private final HttpRequest request;
    private final Predicate<String> check;
    private final Duration pause;
    private final long origin = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private boolean recording;

    /**
     * Starts sending GET {@code uri} every {@code pause}, each with {@code timeout}; a new connection per request
     * when {@code freshConnections} (a kubelet's probe), else one kept-alive connection (a normal client).
     */
    public LatencyProbe(String name, URI uri, Duration timeout, Duration pause, boolean freshConnections,
            Predicate<String> check) {
        this.name = name;
        this.client = freshConnections ? null : newClient();
        this.request = HttpRequest.newBuilder(uri).timeout(timeout).build();
        this.check = check;
        this.pause = pause;
        this.thread = Thread.ofPlatform().daemon().name("probe-" + name).start(this::run);
    }

    /** Nanoseconds since this probe started: the clock its samples use. */
    public long now() {
        return System.nanoTime() - origin;
    }

    /** The samples of requests started in {@code [from, to)} (ns on this probe's clock). */
    public synchronized List<Sample> window(long from, long to) {
        return samples.stream().filter(s -> s.startNanos() >= from && s.startNanos() < to).toList();
    }

    /** All samples so far. */
    public synchronized List<Sample> all() {
        return List.copyOf(samples);
    }

    /** The 99th percentile latency (nearest rank) of {@code samples}, in ms; 0 for none. */
    public static double p99Millis(List<Sample> samples) {
        long[] sorted = samples.stream().mapToLong(Sample::latencyNanos).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(0.99 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }

    /** The largest latency of {@code samples}, in ms. */
    public static double maxMillis(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::latencyNanos).max().orElse(0) / 1e6;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (client != null) {
            client.close();
        }
    }

    private void run() {
        warmUp();
        synchronized (this) {
            recording = true;
        }
        while (!stopped) {
            long start = now();
            String failure = null;
            HttpClient c = client != null ? client : newClient();
            try {
                HttpResponse<String> response = c.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    failure = "status " + response.statusCode();
                } else if (!check.test(response.body())) {
                    failure = "unexpected body " + response.body();
                }
            } catch (InterruptedException e) {
                if (stopped) {
                    return;
                }
                failure = "interrupted";
            } catch (Exception e) {
                failure = e.toString();
            } finally {
                if (client == null) {
                    c.close();
                }
            }
            long latency = now() - start;
            synchronized (this) {
                samples.add(new Sample(start, latency, failure != null, failure));
            }
            if (failure != null && !stopped) {
                System.out.println("HOSTILE " + name + " request failed after " + latency / 1_000_000 + " ms: " + failure);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One unrecorded request first: the client's own class loading and first connection are not the target's latency. */
    private void warmUp() {
        HttpClient c = client != null ? client : newClient();
        try {
            c.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            // the recorded requests will say what is wrong
        } finally {
            if (client == null) {
                c.close();
            }
        }
    }

    /** True once the probe has sent its warm-up request and begun recording. */
    public synchronized boolean recording() {
        return recording;
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }
}
