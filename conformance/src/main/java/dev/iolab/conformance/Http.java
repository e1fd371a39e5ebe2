package dev.iolab.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK {@link HttpClient} (HTTP/1.1 only) for the ordinary, well-formed exchanges of the suite. */
public final class Http {

    /** Per-request timeout: generous for 16 MiB bodies on a loaded 2-core machine, bounded all the same. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * The client of the running test. Each test gets a new one ({@link FreshHttpClient}), so connections a
     * target left in a bad state cannot make the next rule fail for a reason that is not its own.
     */
    private static volatile HttpClient client = newClient();

    private Http() {}

    public static HttpClient client() {
        return client;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Replaces the client (closing the old one and its pooled connections). */
    static void renew() {
        HttpClient old = client;
        client = newClient();
        old.shutdownNow();
    }

    /** A request builder for a contract path of {@code target}. */
    public static HttpRequest.Builder request(TargetUnderTest target, String pathAndQuery) {
        return HttpRequest.newBuilder(target.uri(pathAndQuery)).timeout(TIMEOUT);
    }

    public static HttpResponse<byte[]> get(TargetUnderTest target, String pathAndQuery) {
        return send(request(target, pathAndQuery).GET().build());
    }

    public static HttpResponse<byte[]> head(TargetUnderTest target, String pathAndQuery) {
        return send(request(target, pathAndQuery).HEAD().build());
    }

    public static HttpResponse<byte[]> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    public static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }
}
