package dev.iolab.plain.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 9112 §6 (message body length) and §7.1 (chunked), each fed whole and byte by byte. */
class BodyFramingTests {

    private static Feed.Result post(Feed feed, String fieldsAndBody) {
        return feed.decode("POST /echo HTTP/1.1\r\nHost: x\r\n" + fieldsAndBody);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void contentLengthBodyIsStreamed(Feed feed) {
        Feed.Request r =
                post(feed, "Content-Length: 11\r\n\r\nhello world").requests().getFirst();
        assertThat(r.body()).isEqualTo("hello world");
        assertThat(r.contentLength()).isEqualTo(11);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void leadingZerosInContentLengthAreFine(Feed feed) {
        assertThat(post(feed, "Content-Length: 003\r\n\r\nabc")
                        .requests()
                        .getFirst()
                        .body())
                .isEqualTo("abc");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void invalidContentLengthIs400(Feed feed) {
        assertThat(post(feed, "Content-Length: 13 37\r\n\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, "Content-Length:\r\n\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, "Content-Length: -1\r\n\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, "Content-Length: +1\r\n\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, "Content-Length: 1,1\r\n\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, "Content-Length: 0x10\r\n\r\n").errorStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void contentLengthOverflowIs400(Feed feed) {
        assertThat(post(feed, "Content-Length: 1000000000000000000000\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(post(feed, "Content-Length: 9223372036854775808\r\n\r\n").errorStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void duplicateContentLengthIs400EvenWhenEqual(Feed feed) {
        assertThat(post(feed, "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab")
                        .errorStatus())
                .isEqualTo(400);
        assertThat(post(feed, "Content-Length: 1\r\nContent-Length: 1\r\n\r\na").errorStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void contentLengthWithTransferEncodingIs400(Feed feed) {
        assertThat(post(feed, "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nX")
                        .errorStatus())
                .isEqualTo(400);
        assertThat(post(feed, "Transfer-Encoding: chunked\r\nContent-Length: 6\r\n\r\n0\r\n\r\nX")
                        .errorStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void transferEncodingNotEndingInChunkedIs400(Feed feed) {
        assertThat(post(feed, "Transfer-Encoding: pigeons\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(post(feed, "Transfer-Encoding: chunked, deflate\r\n\r\n").errorStatus())
                .isEqualTo(400);
        assertThat(post(feed, "Transfer-Encoding: chunked\r\nTransfer-Encoding: deflate\r\n\r\n")
                        .errorStatus())
                .isEqualTo(400);
        assertThat(post(feed, "Transfer-Encoding:\r\n\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, "Transfer-Encoding: chunked, chunked\r\n\r\n").errorStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void unknownCodingBeforeChunkedIs501(Feed feed) {
        assertThat(post(feed, "Transfer-Encoding: deflate\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                        .errorStatus())
                .isEqualTo(501);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void transferEncodingInHttp10Is400(Feed feed) {
        assertThat(feed.decode("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                        .errorStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void chunkedBodyWithExtensionsAndTrailersIsDecoded(Feed feed) {
        Feed.Result result = post(
                feed,
                "Transfer-Encoding: Chunked \r\n\r\n5;a=b;c=\"d;\\\"e\" ; f\r\nhello\r\n"
                        + "6 ; g = h\r\n world\r\n000\r\nTrailer-A: 1\r\nTrailer-B: 2\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(result.errorStatus()).isZero();
        assertThat(result.requests()).hasSize(2);
        assertThat(result.requests().getFirst().body()).isEqualTo("hello world");
        assertThat(result.requests().getFirst().chunked()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void badChunkSizeIs400(Feed feed) {
        String te = "Transfer-Encoding: chunked\r\n\r\n";
        assertThat(post(feed, te + "x\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, te + "\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, te + "3 \r\nabc\r\n0\r\n\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, te + "-1\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, te + "0x5\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, te + "3\nabc\r\n").errorStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void chunkSizeOverflowIs400(Feed feed) {
        assertThat(post(feed, "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF\r\n")
                        .errorStatus())
                .isEqualTo(400);
        assertThat(post(feed, "Transfer-Encoding: chunked\r\n\r\n10000000000000000\r\n")
                        .errorStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void badChunkExtensionIs400(Feed feed) {
        String te = "Transfer-Encoding: chunked\r\n\r\n";
        assertThat(post(feed, te + "5;\r\nhello\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, te + "5;a=\"b\r\nhello\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, te + "5;a=b c\r\nhello\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, te + "5;=b\r\nhello\r\n").errorStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void chunkDataNotFollowedByCrlfIs400(Feed feed) {
        assertThat(post(feed, "Transfer-Encoding: chunked\r\n\r\n5\r\nABCDE0\r\n\r\n")
                        .errorStatus())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void badTrailerIs400(Feed feed) {
        String te = "Transfer-Encoding: chunked\r\n\r\n0\r\n";
        assertThat(post(feed, te + "Bad Name: x\r\n\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, te + "A: x\r\n folded\r\n\r\n").errorStatus()).isEqualTo(400);
        assertThat(post(feed, te + "A: x\u0000\r\n\r\n").errorStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void incompleteBodyWaits(Feed feed) {
        Feed.Result result = post(feed, "Content-Length: 42\r\n\r\nabc");
        assertThat(result.errorStatus()).isZero();
        assertThat(result.waiting()).isTrue();
        assertThat(result.requests()).isEmpty();
    }
}
