package dev.iolab.plain.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 9112 §5 (field lines), §3.2 (Host) and §9 (persistence), each fed whole and byte by byte. */
class HeaderFieldTests {

    private static int status(Feed feed, String fields) {
        return feed.decode("GET / HTTP/1.1\r\n" + fields + "\r\n").errorStatus();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void keptFieldsAreReadCaseInsensitivelyAndTrimmed(Feed feed) {
        Feed.Request r = feed.decode(
                        "GET / HTTP/1.1\r\nhOsT:  example \t\r\nX-Other: y\r\nContent-Type:\ttext/plain\r\n"
                                + "Range: bytes=0-1\r\nIf-None-Match: \"a\"\r\nExpect: 100-continue\r\n\r\n")
                .requests()
                .getFirst();
        assertThat(r.host()).isEqualTo("example");
        assertThat(r.contentType()).isEqualTo("text/plain");
        assertThat(r.range()).isEqualTo("bytes=0-1");
        assertThat(r.ifNoneMatch()).isEqualTo("\"a\"");
        assertThat(r.expectContinue()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void obsTextInAValueIsAccepted(Feed feed) {
        assertThat(status(feed, "Host: x\r\nTest: D\u00fcsseldorf\r\n")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void missingHostInHttp11Is400(Feed feed) {
        assertThat(status(feed, "Accept: */*\r\n")).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void twoHostsAre400(Feed feed) {
        assertThat(status(feed, "Host: a\r\nHost: b\r\n")).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void whitespaceBeforeColonIs400(Feed feed) {
        assertThat(status(feed, "Host : x\r\n")).isEqualTo(400);
        assertThat(status(feed, "Host: x\r\nContent-Length\t: 0\r\n")).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void invalidFieldNameTokenIs400(Feed feed) {
        assertThat(status(feed, "Host: x\r\nFo@: y\r\n")).isEqualTo(400);
        assertThat(status(feed, "Host: x\r\nTransfer Encoding: chunked\r\n")).isEqualTo(400);
        assertThat(status(feed, "Host: x\r\n: empty\r\n")).isEqualTo(400);
        assertThat(status(feed, "Host: x\r\nNoColon\r\n")).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void nulOrControlInAValueIs400(Feed feed) {
        assertThat(status(feed, "Host: x\r\nA: b\u0000c\r\n")).isEqualTo(400);
        assertThat(status(feed, "Host: x\r\nA: b\u0001c\r\n")).isEqualTo(400);
        assertThat(status(feed, "Host: x\r\nA: b\u007fc\r\n")).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void bareLfInTheHeadIs400(Feed feed) {
        assertThat(status(feed, "Host: x\nA: b\r\n")).isEqualTo(400);
        assertThat(feed.decode("GET / HTTP/1.1\r\nHost: x\r\n\n").errorStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void bareCrInAValueIs400(Feed feed) {
        assertThat(status(feed, "Host: x\r\nConnection: keep\ralive\r\n")).isEqualTo(400);
        assertThat(feed.decode("GET / HTTP/1.1\r\nHost: x\r\n\rabc").errorStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void obsFoldIs400(Feed feed) {
        assertThat(status(feed, "Host: x\r\nA: b\r\n c\r\n")).isEqualTo(400);
        assertThat(status(feed, " Host: x\r\n")).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void headerSectionOver16KiBIs431(Feed feed) {
        String big = "X-Big: " + "a".repeat(Limits.MAX_HEADER_SECTION_BYTES) + "\r\n";
        assertThat(status(feed, "Host: x\r\n" + big)).isEqualTo(431);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void connectionCloseEndsPersistence(Feed feed) {
        assertThat(feed.decode("GET / HTTP/1.1\r\nHost: x\r\nConnection: foo, Close\r\n\r\n")
                        .requests()
                        .getFirst()
                        .keepAlive())
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void pipelinedRequestsComeOutInOrder(Feed feed) {
        Feed.Result result = feed.decode("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 3\r\n\r\nabcGET /c HTTP/1.1\r\nHost: x\r\n\r\nGET /d HTT");
        assertThat(result.requests()).extracting(Feed.Request::target).containsExactly("/a", "/b", "/c");
        assertThat(result.requests().get(1).body()).isEqualTo("abc");
        assertThat(result.waiting()).isTrue();
        assertThat(result.errorStatus()).isZero();
    }
}
