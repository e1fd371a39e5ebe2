package dev.iolab.conformance.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.RawResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay's judgements can fail: a desync, an escape, a wrong verdict and an unowned choice are each caught. */
class CorpusVerdictsTests {

    private static final CorpusCase SMUGGLE = new CorpusCase(
            "smuggling.jsonl",
            "te-space",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nX"
                    .getBytes(StandardCharsets.ISO_8859_1),
            "error",
            List.of(),
            0,
            null,
            true,
            List.of());

    @Test
    void aSecondAnswerBeforeTheSentinelIsADesync() {
        CorpusExchange x = exchange(false, false, response(400, "bad"), response(200, "X"));
        assertThat(CorpusVerdicts.desync(SMUGGLE, x)).contains("answered again after a 400");
        CorpusExchange y = exchange(false, false, response(200, ""), response(501, "XGET"));
        assertThat(CorpusVerdicts.desync(SMUGGLE, y)).contains("bytes behind it were read as a request");
    }

    @Test
    void aRejectionThatClosesIsRightAndNoDesync() {
        CorpusExchange x = exchange(true, false, response(400, "bad"));
        assertThat(CorpusVerdicts.desync(SMUGGLE, x)).isNull();
        assertThat(CorpusVerdicts.judge(SMUGGLE, x)).isNull();
    }

    @Test
    void aRejectionLeftOpenOrAServedCaseIsAWrongVerdict() {
        assertThat(CorpusVerdicts.judge(SMUGGLE, exchange(false, true, response(403, "no"), sentinel())))
                .contains("connection left open");
        assertThat(CorpusVerdicts.judge(SMUGGLE, exchange(false, true, response(200, "0\r\n\r\nX"), sentinel())))
                .contains("no 4xx/5xx answer");
        assertThat(CorpusVerdicts.judge(SMUGGLE, exchange(true, false, response(502, "upstream"))))
                .contains("server failure");
    }

    @Test
    void a413ToAValidContentLengthMayKeepTheConnectionButA417MustAnnounceItsClose() {
        CorpusCase huge = new CorpusCase(
                "smuggling.jsonl",
                "huge",
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1844674407370955160\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1),
                "error",
                List.of("error", "incomplete"),
                0,
                null,
                true,
                List.of());
        assertThat(CorpusVerdicts.judge(huge, exchange(false, false, response(413, "too large"))))
                .isNull();
        CorpusCase expect = new CorpusCase(
                "smuggling.jsonl",
                "expect",
                ("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: x 100-continue\r\n" + "Content-Length: 5\r\n\r\nhello")
                        .getBytes(StandardCharsets.ISO_8859_1),
                "ok",
                List.of(),
                0,
                "hello",
                false,
                List.of());
        assertThat(CorpusVerdicts.judge(expect, exchange(true, false, response(417, "no"))))
                .contains("Connection: close");
        assertThat(CorpusVerdicts.judge(expect, exchange(false, true, response(417, "no"), sentinel())))
                .isNull();
    }

    @Test
    void aTraversalServedOrLeakingIsAnEscape() {
        CorpusCase traversal = new CorpusCase(
                "traversal.jsonl",
                "dots",
                "GET /files/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                "error",
                List.of(),
                0,
                null,
                false,
                List.of(400, 403, 404));
        assertThat(CorpusVerdicts.escape(traversal, exchange(false, true, response(200, "hello"), sentinel()), null))
                .contains("served 200");
        assertThat(CorpusVerdicts.escape(
                        traversal, exchange(false, true, response(404, "root:x:0:0:root"), sentinel()), null))
                .contains("root:x:0:0");
        assertThat(CorpusVerdicts.escape(
                        traversal,
                        exchange(false, true, response(404, "s3cret"), sentinel()),
                        "s3cret".getBytes(StandardCharsets.ISO_8859_1)))
                .contains("outside the data directory");
        assertThat(CorpusVerdicts.escape(
                        traversal, exchange(false, true, response(404, "Not Found"), sentinel()), null))
                .isNull();
    }

    @Test
    void eitherChoicesAreRecognisedAndOwnedPerEngine() {
        CorpusCase fold = new CorpusCase(
                "llhttp-requests.jsonl",
                "fold",
                "GET / HTTP/1.1\r\nHost: x\r\nA: b\r\n c\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                "error",
                List.of(),
                0,
                null,
                false,
                List.of());
        assertThat(EitherChoice.exercisedBy(fold)).containsExactly(EitherChoice.OBS_FOLD);
        assertThat(EitherChoice.exercisedBy(SMUGGLE)).containsExactly(EitherChoice.CL_TE);
        assertThat(EitherChoice.acceptedBy("plain-epoll", false)).isEmpty();
        assertThat(EitherChoice.acceptedBy("webflux-epoll", false)).containsExactly(EitherChoice.OBS_FOLD);
        assertThat(EitherChoice.acceptedBy("mvc-platform", false)).contains(EitherChoice.CL_TE, EitherChoice.BARE_LF);
        assertThat(EitherChoice.acceptedBy("mvc-platform", true)).containsExactly(EitherChoice.OBS_FOLD);
    }

    @Test
    void aGatewayRoutePrefixGoesBeforeTheFirstRequestTarget() {
        assertThat(new String(SMUGGLE.routed("/mvc-virtual"), StandardCharsets.ISO_8859_1))
                .startsWith("POST /mvc-virtual/echo HTTP/1.1");
        assertThat(SMUGGLE.routed("")).isEqualTo(SMUGGLE.raw());
    }

    @Test
    void everyCorpusCaseParses() {
        assertThat(CorpusCase.all())
                .hasSizeGreaterThan(150)
                .allSatisfy(c -> assertThat(c.verdicts()).isNotEmpty().allMatch(v -> v.matches("ok|error|incomplete")));
    }

    private static CorpusExchange exchange(boolean closed, boolean sentinelAnswered, RawResponse... responses) {
        return new CorpusExchange(List.of(responses), true, sentinelAnswered, closed, null, 1);
    }

    private static RawResponse sentinel() {
        return response(200, "sentinel-1");
    }

    private static RawResponse response(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return new RawResponse(
                "HTTP/1.1 " + status + " X",
                status,
                List.of(Map.entry("Content-Length", "" + bytes.length)),
                bytes,
                bytes.length,
                "content-length",
                true,
                null);
    }
}
