package dev.iolab.conformance.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    public record Sample(long startNanos, long latencyNanos, boolean failed, String failure) {}

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
     * when {@code freshConnections} (a kubelet's probe, over a raw socket), else one kept-alive connection (a normal client).
     */
    public LatencyProbe(
            String name, URI uri, Duration timeout, Duration pause, boolean freshConnections, Predicate<String> check) {
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

    /** The {@link System#nanoTime()} of {@code probeNanos} on this probe's clock. */
    public long nanoTimeOf(long probeNanos) {
        return origin + probeNanos;
    }

    /** The samples of requests started in {@code [from, to)} (ns on this probe's clock). */
    public synchronized List<Sample> window(long from, long to) {
        return samples.stream()
                .filter(s -> s.startNanos() >= from && s.startNanos() < to)
                .toList();
    }

    /** All samples so far. */
    public synchronized List<Sample> all() {
        return List.copyOf(samples);
    }

    /** The 99th percentile latency (nearest rank) of {@code samples}, in ms; 0 for none. */
    public static double p99Millis(List<Sample> samples) {
        long[] sorted =
                samples.stream().mapToLong(Sample::latencyNanos).sorted().toArray();
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
            String failure;
            try {
                failure = client != null ? viaClient() : viaFreshSocket();
            } catch (InterruptedException e) {
                if (stopped) {
                    return;
                }
                failure = "interrupted";
            } catch (Exception e) {
                failure = e.toString();
            }
            long latency = now() - start;
            synchronized (this) {
                samples.add(new Sample(start, latency, failure != null, failure));
            }
            if (failure != null && !stopped) {
                System.out.println(
                        "HOSTILE " + name + " request failed after " + latency / 1_000_000 + " ms: " + failure);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One request on the kept-alive client; null when it passed, else why not. */
    private String viaClient() throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return "status " + response.statusCode();
        }
        return check.test(response.body()) ? null : "unexpected body " + response.body();
    }

    /**
     * One request on a new connection ({@code Connection: close}, read to the end), as a kubelet probes: a raw
     * socket, so the probe's own cost is a connect and a read, not a new HTTP client each time.
     */
    private String viaFreshSocket() throws IOException {
        URI uri = request.uri();
        int timeout = (int) request.timeout().orElse(Duration.ofSeconds(10)).toMillis();
        long deadline = System.nanoTime() + timeout * 1_000_000L;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), timeout);
            socket.setSoTimeout(timeout);
            socket.getOutputStream()
                    .write(("GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                                    + " HTTP/1.1\r\nHost: " + uri.getRawAuthority() + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
                int left = (int) ((deadline - System.nanoTime()) / 1_000_000);
                if (left <= 0) {
                    return "no complete answer within " + timeout + " ms";
                }
                socket.setSoTimeout(left);
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 200 ")) {
                return "answer " + text.lines().findFirst().orElse("(none)");
            }
            int body = text.indexOf("\r\n\r\n");
            return body >= 0 && check.test(text.substring(body + 4)) ? null : "unexpected answer " + text;
        }
    }

    /** One unrecorded request first: the client's own class loading and first connection are not the target's latency. */
    private void warmUp() {
        try {
            if (client != null) {
                viaClient();
            } else {
                viaFreshSocket();
            }
        } catch (Exception e) {
            // the recorded requests will say what is wrong
        }
    }

    /** True once the probe has sent its warm-up request and begun recording. */
    public synchronized boolean recording() {
        return recording;
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }
}
