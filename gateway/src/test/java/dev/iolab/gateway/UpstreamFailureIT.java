package dev.iolab.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iolab.conformance.RawConnection;
import dev.iolab.conformance.RawResponse;
import dev.iolab.contract.Headers;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An upstream that is down or too slow: 503 within the connect timeout on that route only, recovery
 * when it returns, 504 after the response timeout (shortened here to keep the test quick).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout="
                + UpstreamFailureIT.RESPONSE_TIMEOUT_MS + "ms")
class UpstreamFailureIT extends GatewayOnRandomPort {

    static final int RESPONSE_TIMEOUT_MS = 1000;
    static final Target DOWN = Target.MVC_VIRTUAL;
    static final Target ALIVE = Target.WEBFLUX_EPOLL;

    static CountingUpstream down = CountingUpstream.start(DOWN);
    static final CountingUpstream ALIVE_UPSTREAM = CountingUpstream.start(ALIVE);
    static final int DOWN_PORT = down.port();

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    HttpClientProperties httpClient;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        down.routeTo(registry, DOWN);
        ALIVE_UPSTREAM.routeTo(registry, ALIVE);
    }

    @AfterAll
    static void stop() throws IOException {
        down.close();
        ALIVE_UPSTREAM.close();
    }

    @Test
    void downUpstreamIs503OnItsRouteOnlyAndTheRouteRecovers() throws Exception {
        assertThat(get(DOWN, "/echo?msg=before").statusCode()).isEqualTo(200);
        down.close();

        long start = System.nanoTime();
        HttpResponse<String> refused = get(DOWN, "/echo?msg=while-down");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(refused.statusCode()).as("response: %s", refused.body()).isEqualTo(503);
        assertThat(millis).as("503 within the connect timeout (1 s)").isLessThan(1500);
        assertThat(refused.headers().firstValue(Headers.X_IO_MODEL)).contains(Target.GATEWAY_ID);
        assertThat(get(ALIVE, "/echo?msg=other-route").statusCode())
                .as("another route is unaffected")
                .isEqualTo(200);

        down = new CountingUpstream(DOWN.id(), DOWN_PORT);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(get(DOWN, "/echo?msg=back").statusCode()).isEqualTo(200));
        assertThat(get(DOWN, "/echo?msg=back").headers().firstValue(Headers.X_IO_MODEL))
                .contains(DOWN.id());
    }

    @Test
    void connectTimeoutIsOneSecond() {
        // A host that drops SYNs cannot be made deterministically here (loopback answers or refuses), so the
        // setting itself is checked; ConnectTimeoutException maps to 503 like a refusal (UpstreamFailureFilter).
        assertThat(httpClient.getConnectTimeout()).isEqualTo(1000);
        assertThat(UpstreamFailureFilter.statusFor(new io.netty.channel.ConnectTimeoutException("x"))
                        .value())
                .isEqualTo(503);
    }

    @Test
    void slowUpstreamIs504AfterTheResponseTimeout() throws Exception {
        assertThat(get(ALIVE, "/delay?ms=10").statusCode()).as("warm-up").isEqualTo(200);
        long start = System.nanoTime();
        HttpResponse<String> response = get(ALIVE, "/delay?ms=" + 8 * RESPONSE_TIMEOUT_MS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).as("response: %s", response.body()).isEqualTo(504);
        // after the timeout, and well before the upstream would have answered (slack for a busy machine)
        assertThat(millis).isBetween((long) RESPONSE_TIMEOUT_MS - 50, 6L * RESPONSE_TIMEOUT_MS);
        assertThat(get(ALIVE, "/delay?ms=10").statusCode())
                .as("a fast request still passes")
                .isEqualTo(200);
    }

    @Test
    void anUpstreamFailureWithTheBodyStillArrivingClosesTheConnection() throws Exception {
        try (RawConnection connection = connect(Duration.ofSeconds(10))) {
            // 16 of 1,000 body bytes, then nothing: the upstream waits for the rest and the response timeout ends it
            connection.send(RawConnection.request(
                            "PUT", connection.target(), "/" + ALIVE.id() + "/files/stalled.bin", "Content-Length: 1000")
                    + "0123456789abcdef");
            long start = System.nanoTime();
            List<RawResponse> answers = connection.readUntilSilent(2);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(answers).singleElement().satisfies(answer -> {
                assertThat(answer.status()).as(answer.describe()).isEqualTo(504);
                assertThat(answer.header("Connection"))
                        .as(answer.describe())
                        .hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("close"));
            });
            assertThat(connection.closedByPeer())
                    .as("the gateway closed the connection after its 504")
                    .isTrue();
            assertThat(millis)
                    .as("the gateway closed right after its 504, not at the keep-alive timeout")
                    .isLessThan(6L * RESPONSE_TIMEOUT_MS);
        }
    }

    private HttpResponse<String> get(Target route, String pathAndQuery) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + route.id() + pathAndQuery))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
