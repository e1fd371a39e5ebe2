package dev.iolab.plain.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 9112 §3 (request line) and §2.2 (line endings), each fed whole and byte by byte. */
class RequestLineTests {

    @ParameterizedTest
    @EnumSource(Feed.class)
    void simpleGetIsDecoded(Feed feed) {
        Feed.Result result = feed.decode("GET /echo?msg=hi HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(result.errorStatus()).isZero();
        assertThat(result.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.target()).isEqualTo("/echo?msg=hi");
            assertThat(r.http11()).isTrue();
            assertThat(r.keepAlive()).isTrue();
            assertThat(r.host()).isEqualTo("x");
        });
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void leadingEmptyLineIsIgnored(Feed feed) {
        assertThat(feed.decode("\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n").requests())
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void bareLfEndingTheRequestLineIs400(Feed feed) {
        assertThat(feed.decode("GET / HTTP/1.1\nHost: x\r\n\r\n").errorStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void bareCrAfterTheVersionIs400(Feed feed) {
        assertThat(feed.decode("GET / HTTP/1.1\rHost: x\r\n\r\n").errorStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void doubleSpaceIs400(Feed feed) {
        assertThat(feed.decode("GET  / HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(feed.decode("GET /  HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void invalidMethodTokenIs400(Feed feed) {
        assertThat(feed.decode("GE(T / HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(feed.decode("G\u0000T / HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void controlOrNonAsciiInTargetIs400(Feed feed) {
        assertThat(feed.decode("GET /a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(feed.decode("GET /\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void targetMustBeAKnownForm(Feed feed) {
        assertThat(feed.decode("GET echo HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(feed.decode("GET * HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(feed.decode("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isZero();
        assertThat(feed.decode("GET http://x/echo HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void malformedVersionIs400(Feed feed) {
        assertThat(feed.decode("GET / HTTP/1.x\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(feed.decode("GET / http/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(feed.decode("GET / HTTP/1.11\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(feed.decode("GET / ICE/1.0\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(feed.decode("GET /\r\n\r\n").errorStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void otherMajorVersionIs505AsSoonAsItsDigitArrives(Feed feed) {
        // no CRLF: the decoder must not wait for the end of the line to refuse
        assertThat(feed.decode("GET / HTTP/5.6").errorStatus()).isEqualTo(505);
        assertThat(feed.decode("GET / HTTP/2.0\r\n\r\n").errorStatus()).isEqualTo(505);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void http10IsAcceptedWithoutHostAndClosesByDefault(Feed feed) {
        Feed.Result result = feed.decode("GET / HTTP/1.0\r\n\r\n");
        assertThat(result.requests()).singleElement().satisfies(r -> {
            assertThat(r.http11()).isFalse();
            assertThat(r.keepAlive()).isFalse();
        });
        assertThat(feed.decode("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                        .requests()
                        .getFirst()
                        .keepAlive())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void requestLineOver8KiBIs414(Feed feed) {
        String target = "/" + "a".repeat(Limits.MAX_REQUEST_LINE_BYTES);
        assertThat(feed.decode("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").errorStatus())
                .isEqualTo(414);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void partialRequestLineWaitsForMore(Feed feed) {
        Feed.Result result = feed.decode("GET /echo HTT");
        assertThat(result.errorStatus()).isZero();
        assertThat(result.waiting()).isTrue();
    }
}
