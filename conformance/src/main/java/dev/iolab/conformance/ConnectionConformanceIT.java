package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;

/** Connection handling of HTTP/1.1: persistent by default, Connection: close honoured, pipelined requests in order. */
@DisplayName("connections")
class ConnectionConformanceIT {

    @ConformanceTest
    @DisplayName("connections persist by default: several requests in turn on one connection")
    void connectionsPersistByDefault(TargetUnderTest target) throws IOException {
        try (RawConnection connection = RawConnection.open(target)) {
            for (int i = 0; i < 5; i++) {
                RawResponse response = connection
                        .send(RawConnection.get(target, Endpoints.ECHO + "?msg=turn" + i))
                        .read();
                assertThat(response.status())
                        .as("response %d on one connection%n%s", i, response.describe())
                        .isEqualTo(200);
                assertThat(response.bodyText())
                        .as("body %d%n%s", i, response.describe())
                        .isEqualTo("turn" + i);
                Checks.common(target, response, "GET", true);
            }
            RawResponse files = connection
                    .send(RawConnection.get(target, Endpoints.FILES_PREFIX + "hello.txt"))
                    .read();
            assertThat(files.bodyText())
                    .as("file on the same connection%n%s", files.describe())
                    .isEqualTo(dev.iolab.contract.Fixtures.HELLO_TEXT);
        }
    }

    @ConformanceTest
    @DisplayName("connections persist after POST bodies (Content-Length and chunked) and PUT")
    void connectionsPersistAfterRequestBodies(TargetUnderTest target) throws IOException {
        String name = Endpoints.FILES_PREFIX + UploadConformanceIT.uniqueName("conf-keepalive");
        String[][] exchanges = {
            {RawConnection.request("POST", target, Endpoints.ECHO, "Content-Length: 1") + "x", "x"},
            {
                RawConnection.request("POST", target, Endpoints.ECHO, "Content-Length: 1000") + "y".repeat(1000),
                "y".repeat(1000)
            },
            {
                RawConnection.request("POST", target, Endpoints.ECHO, "Transfer-Encoding: chunked")
                        + "3\r\nabc\r\n0\r\n\r\n",
                "abc"
            },
            {RawConnection.request("PUT", target, name, "Content-Length: 2") + "pp", null},
            {RawConnection.get(target, name), "pp"},
        };
        try (RawConnection connection = RawConnection.open(target)) {
            for (String[] exchange : exchanges) {
                RawResponse response;
                try {
                    response = connection.send(exchange[0]).read();
                } catch (IOException e) {
                    throw new AssertionError(
                            "the connection was closed instead of answering, after earlier requests on it, "
                                    + "without Connection: close (RFC 9112 §9.3):\n    " + Describe.request(exchange[0])
                                    + "\n" + e,
                            e);
                }
                assertThat(response.status())
                        .as("status for%n    %s%n%s", Describe.request(exchange[0]), response.describe())
                        .isBetween(200, 299);
                if (exchange[1] != null) {
                    assertThat(response.bodyText())
                            .as("body for%n    %s", Describe.request(exchange[0]))
                            .isEqualTo(exchange[1]);
                }
                assertThat(response.header("Connection").orElse(""))
                        .as("no Connection: close on a keep-alive exchange%n%s", response.describe())
                        .doesNotContainIgnoringCase("close");
            }
        }
    }

    /** Back-to-back requests per connection in {@link #backToBackRequestsAreAllAnswered}. */
    static final int BACK_TO_BACK = 1_500;

    @ConformanceTest
    @DisplayName(
            "1,500 back-to-back requests (GET and HEAD; echo, liveness, 404) on kept-alive connections are all answered")
    void backToBackRequestsAreAllAnswered(TargetUnderTest target) throws IOException {
        // Each request goes out the moment the previous response is read, often before the server has finished
        // that exchange. Reactor Netty 1.3.7 then stopped reading after about 1 request in 200 (an actuator health
        // answer among them) and the connection hung for good (reactor/reactor-netty#4361); a handful would miss it.
        String[] requests = {
            RawConnection.get(target, Endpoints.ECHO + "?msg=b2b"),
            RawConnection.request("HEAD", target, Endpoints.ECHO + "?msg=b2b"),
            RawConnection.get(target, Endpoints.LIVENESS),
            RawConnection.request("HEAD", target, Endpoints.LIVENESS),
            RawConnection.get(target, "/no-such-endpoint"),
            RawConnection.request("HEAD", target, "/no-such-endpoint"),
        };
        int sent = 0;
        while (sent < BACK_TO_BACK) {
            try (RawConnection connection = RawConnection.open(target)) {
                connection.socket().setSoTimeout(5_000);
                for (int i = 0; i < 100 && sent < BACK_TO_BACK; i++, sent++) {
                    String request = requests[sent % requests.length];
                    RawResponse response;
                    try {
                        connection.send(request);
                        response = request.startsWith("HEAD") ? connection.readHead() : connection.read();
                    } catch (java.net.SocketTimeoutException e) {
                        throw new AssertionError(
                                "no answer within 5 s to request " + (i + 1) + " on a kept-alive connection " + "("
                                        + sent + " answered before it):\n    " + Describe.request(request),
                                e);
                    }
                    assertThat(response.status())
                            .as(
                                    "request %d on a kept-alive connection%n    %s%n%s",
                                    i + 1, Describe.request(request), response.describe())
                            .isEqualTo(request.contains("/no-such-endpoint") ? 404 : 200);
                }
            }
        }
    }

    @ConformanceTest
    @DisplayName("Connection: close is honoured: one response, then the server closes")
    void connectionCloseIsHonoured(TargetUnderTest target) throws IOException {
        try (RawConnection connection = RawConnection.open(target)) {
            String request = RawConnection.get(target, Endpoints.ECHO + "?msg=bye", "Connection: close");
            RawResponse response = connection.send(request).read();
            Checks.status(response, request, 200);
            assertThat(response.bodyText()).isEqualTo("bye");
            assertThat(connection.closedByPeerWithin(Exchanges.CLOSE_WITHIN))
                    .as("server closes after answering a Connection: close request%n%s", response.describe())
                    .isTrue();
        }
    }

    @ConformanceTest
    @DisplayName("pipelined requests (GET, POST with body, HEAD, a slow delay first) are answered in order")
    void pipelinedRequestsAreAnsweredInOrder(TargetUnderTest target) throws IOException {
        String pipeline = RawConnection.get(target, Endpoints.DELAY + "?ms=200")
                + RawConnection.get(target, Endpoints.ECHO + "?msg=one")
                + RawConnection.request("POST", target, Endpoints.ECHO, "Content-Length: 3") + "two"
                + RawConnection.request("HEAD", target, Endpoints.FILES_PREFIX + "hello.txt")
                + RawConnection.request("POST", target, Endpoints.ECHO, "Transfer-Encoding: chunked")
                + "5\r\nthree\r\n0\r\n\r\n"
                + RawConnection.get(target, "/no-such-endpoint")
                + RawConnection.get(target, Endpoints.ECHO + "?msg=four");
        try (RawConnection connection = RawConnection.open(target)) {
            connection.send(pipeline);
            expect(connection.read(), 200, Endpoints.DELAY_BODY, pipeline);
            expect(connection.read(), 200, "one", pipeline);
            expect(connection.read(), 200, "two", pipeline);
            RawResponse head = connection.readHead();
            assertThat(head.status())
                    .as("HEAD in the pipeline%n%s", head.describe())
                    .isEqualTo(200);
            assertThat(head.header("Content-Length"))
                    .as("HEAD Content-Length%n%s", head.describe())
                    .contains(Integer.toString(dev.iolab.contract.Fixtures.HELLO_TEXT.length()));
            expect(connection.read(), 200, "three", pipeline);
            expect(connection.read(), 404, null, pipeline);
            expect(connection.read(), 200, "four", pipeline);
        }
    }

    @ConformanceTest
    @DisplayName("ten pipelined GETs in one write are answered in order")
    void tenPipelinedGetsAreAnsweredInOrder(TargetUnderTest target) throws IOException {
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            pipeline.append(RawConnection.get(target, Endpoints.ECHO + "?msg=p" + i));
        }
        try (RawConnection connection = RawConnection.open(target)) {
            connection.send(pipeline.toString());
            for (int i = 0; i < 10; i++) {
                expect(connection.read(), 200, "p" + i, pipeline.toString());
            }
        }
    }

    @ConformanceTest
    @DisplayName("a request written slowly in small pieces (head split mid-line, body trickled) is served")
    void slowlyWrittenRequestIsServed(TargetUnderTest target) throws IOException {
        byte[] body = Payloads.bytes(11, 20_000);
        String head = RawConnection.request(
                "POST",
                target,
                Endpoints.ECHO,
                "Content-Type: application/octet-stream",
                "Content-Length: " + body.length);
        try (RawConnection connection = RawConnection.open(target)) {
            connection.trickle(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 7, Duration.ofMillis(40));
            connection.trickle(body, 10, Duration.ofMillis(30));
            RawResponse response = connection.read();
            assertThat(response.status())
                    .as("slowly written POST /echo%n%s", response.describe())
                    .isEqualTo(200);
            assertThat(response.body())
                    .as("echoed body of a slowly written request")
                    .isEqualTo(body);
        }
    }

    @ConformanceTest
    @DisplayName(
            "a chunked body with chunk extensions, odd chunk sizes and trailer fields is echoed exactly (RFC 9112 §7.1)")
    void handMadeChunkedBodyIsEchoed(TargetUnderTest target) throws IOException {
        String head = RawConnection.request("POST", target, Endpoints.ECHO, "Transfer-Encoding: chunked");
        String body =
                "1\r\na\r\n" + "A;name=value\r\nbcdefghijk\r\n" + "3;flag\r\nlmn\r\n" + "0\r\nX-Trailer: done\r\n\r\n";
        try (RawConnection connection = RawConnection.open(target)) {
            // the chunk-size lines themselves arrive split across writes
            connection.trickle(
                    (head + body).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 9, Duration.ofMillis(20));
            expect(connection.read(), 200, "abcdefghijklmn", head + body);
            expect(
                    connection
                            .send(RawConnection.get(target, Endpoints.ECHO + "?msg=after"))
                            .read(),
                    200,
                    "after",
                    head + body);
        }
    }

    @ConformanceTest
    @DisplayName("a chunked body whose size lines, data and CRLFs arrive in separate writes is echoed exactly")
    void chunkedBodyInSeparateWritesIsEchoed(TargetUnderTest target) throws IOException {
        String head = RawConnection.request("POST", target, Endpoints.ECHO, "Transfer-Encoding: chunked");
        String[] pieces = {"1\r\n", "X", "\r\n", "3", "\r\n", "abc", "\r", "\n", "0\r\n", "\r\n"};
        try (RawConnection connection = RawConnection.open(target)) {
            connection.send(head);
            for (String piece : pieces) {
                RawConnection.pace(Duration.ofMillis(40)); // each piece in its own segment and its own read
                connection.send(piece);
            }
            expect(connection.read(), 200, "Xabc", head + String.join("", pieces));
            expect(
                    connection
                            .send(RawConnection.get(target, Endpoints.ECHO + "?msg=after"))
                            .read(),
                    200,
                    "after",
                    head);
        }
    }

    @ConformanceTest
    @DisplayName("Expect: 100-continue is answered (100 then the response, or the response directly)")
    void expectContinueIsHandled(TargetUnderTest target) throws IOException {
        String head =
                RawConnection.request("POST", target, Endpoints.ECHO, "Content-Length: 5", "Expect: 100-continue");
        try (RawConnection connection = RawConnection.open(target)) {
            connection.send(head);
            // a client may send the body without waiting (RFC 9110 §10.1.1); the reader skips the interim 100
            connection.send("hello");
            expect(connection.read(), 200, "hello", head + "hello");
        }
    }

    private static void expect(RawResponse response, int status, String body, String sent) {
        assertThat(response.status())
                .as("status in order for%n    %s%n%s", Describe.request(sent), response.describe())
                .isEqualTo(status);
        if (body != null) {
            assertThat(response.bodyText())
                    .as("body in order for%n    %s%n%s", Describe.request(sent), response.describe())
                    .isEqualTo(body);
        }
    }
}
