package dev.iolab.loadtest.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny in-test server speaking just enough of the contract (echo, delay, 1m.bin with one range, PUT, a
 * Prometheus request histogram) for the runner's tests, on a free loopback port.
 */
public final class StubTarget implements AutoCloseable {

    private static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0};
    private static final byte[] ONE_MIB = Fixtures.bytes("1m.bin");

    private final HttpServer server;
    private final Map<String, AtomicLong[]> buckets = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public StubTarget() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests counted for {@code uri} (as the Prometheus endpoint reports them). */
    public long count(String uri) {
        AtomicLong c = counts.get(uri);
        return c == null ? 0 : c.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().set("X-IO-Model", "stub");
            if (path.equals(Endpoints.PROMETHEUS)) {
                send(exchange, 200, prometheus().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals(Endpoints.ECHO) && exchange.getRequestMethod().equals("POST")) {
                send(exchange, 200, body);
            } else if (path.equals(Endpoints.ECHO)) {
                String q = uri.getQuery() == null ? "" : uri.getQuery().replaceFirst("^msg=", "");
                send(exchange, 200, q.getBytes(StandardCharsets.UTF_8));
            } else if (path.equals(Endpoints.DELAY)) {
                Thread.sleep(Long.parseLong(uri.getQuery().replaceFirst("^ms=", "")));
                send(exchange, 200, Endpoints.DELAY_BODY.getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith(Endpoints.FILES_PREFIX)
                    && exchange.getRequestMethod().equals("PUT")) {
                send(exchange, 201, new byte[0]);
            } else if (path.startsWith(Endpoints.FILES_PREFIX)) {
                String range = exchange.getRequestHeaders().getFirst("Range");
                if (range == null) {
                    send(exchange, 200, ONE_MIB);
                } else {
                    exchange.getResponseHeaders().set("Content-Range", "bytes 65536-131071/1048576");
                    send(exchange, 206, java.util.Arrays.copyOfRange(ONE_MIB, 65536, 131072));
                }
            } else {
                send(exchange, 404, new byte[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            record(
                    Endpoints.uriTemplate(path) == null ? "NOT_FOUND" : Endpoints.uriTemplate(path),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private void record(String uri, double seconds) {
        AtomicLong[] b = buckets.computeIfAbsent(uri, k -> {
            AtomicLong[] a = new AtomicLong[BUCKETS.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = new AtomicLong();
            }
            return a;
        });
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                b[i].incrementAndGet();
            }
        }
        counts.computeIfAbsent(uri, k -> new AtomicLong()).incrementAndGet();
    }

    private String prometheus() {
        StringBuilder out = new StringBuilder("# TYPE http_server_requests_seconds histogram\n");
        counts.forEach((uri, count) -> {
            String tags = "iomodel=\"stub\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"" + uri + "\"";
            AtomicLong[] b = buckets.get(uri);
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append("http_server_requests_seconds_bucket{")
                        .append(tags)
                        .append(",le=\"")
                        .append(BUCKETS[i])
                        .append("\"} ")
                        .append(b[i].get())
                        .append('\n');
            }
            out.append("http_server_requests_seconds_bucket{")
                    .append(tags)
                    .append(",le=\"+Inf\"} ")
                    .append(count.get())
                    .append('\n');
            out.append("http_server_requests_seconds_count{")
                    .append(tags)
                    .append("} ")
                    .append(count.get())
                    .append('\n');
        });
        out.append("jvm_threads_live_threads{iomodel=\"stub\"} ")
                .append(Thread.activeCount())
                .append('\n');
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
