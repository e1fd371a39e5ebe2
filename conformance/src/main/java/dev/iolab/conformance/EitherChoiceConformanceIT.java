package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestReporter;

/**
 * Where RFC 9112 lets a server choose (bare LF, bare CR, obs-fold, Content-Length with Transfer-Encoding),
 * either choice passes, but each probe carries a would-be smuggled request: it may only be answered when the
 * choice made frames it as a request of its own. The choice is recorded ({@link Strictness}); plain-io must reject
 * (when reached directly, not through a proxy).
 */
@DisplayName("either-choice framing")
class EitherChoiceConformanceIT {

    @ConformanceTest
    @DisplayName("a bare LF line ending is rejected (400, close) or accepted as a line end (RFC 9112 §2.2)")
    void bareLfIsRejectedOrAccepted(TargetUnderTest target, TestReporter reporter) throws IOException {
        String first =
                "GET " + target.path(Endpoints.ECHO) + "?msg=first HTTP/1.1\nHost: " + target.hostHeader() + "\n\n";
        probe(target, reporter, "bare-lf", first, true);
    }

    @ConformanceTest
    @DisplayName("a bare CR is rejected (400, close) or replaced by SP, never a line end (RFC 9112 §2.2)")
    void bareCrIsRejectedOrReplaced(TargetUnderTest target, TestReporter reporter) throws IOException {
        // Were the CR taken as a line end, "Content-Length: 41" would swallow the next request as a body.
        String first = "GET " + target.path(Endpoints.ECHO) + "?msg=first HTTP/1.1\r\nHost: " + target.hostHeader()
                + "\r\nX-Probe: a\rContent-Length: 41\r\n\r\n";
        probe(target, reporter, "bare-cr", first, true);
    }

    @ConformanceTest
    @DisplayName("obs-fold is rejected (400, close) or replaced by SP (RFC 9112 §5.2)")
    void obsFoldIsRejectedOrReplaced(TargetUnderTest target, TestReporter reporter) throws IOException {
        // Were the folded line taken as a field of its own, "Content-Length: 41" would swallow the next request.
        String first = "GET " + target.path(Endpoints.ECHO) + "?msg=first HTTP/1.1\r\nHost: " + target.hostHeader()
                + "\r\nX-Probe: a\r\n Content-Length: 41\r\n\r\n";
        probe(target, reporter, "obs-fold", first, true);
    }

    @ConformanceTest
    @DisplayName(
            "Content-Length with Transfer-Encoding is rejected, or framed by chunked alone and then closed (RFC 9112 §6.1)")
    void contentLengthWithTransferEncodingIsRejectedOrChunkedThenClosed(TargetUnderTest target, TestReporter reporter)
            throws IOException {
        // Framed by Content-Length, the body would be "5\r\n" and the rest a garbled next request.
        String first =
                RawConnection.request("POST", target, Endpoints.ECHO, "Content-Length: 3", "Transfer-Encoding: chunked")
                        + "5\r\nfirst\r\n0\r\n\r\n";
        probe(target, reporter, "cl-te", first, false);
    }

    /**
     * Sends {@code first} and a well-formed second request in one write. Rejected: 400 and the connection closes
     * before any second answer. Accepted: "first" echoed, then either the second request answered in turn
     * ({@code keepAlive}) or the connection closed (CL+TE must close).
     */
    private static void probe(
            TargetUnderTest target, TestReporter reporter, String key, String first, boolean keepAlive)
            throws IOException {
        String second = RawConnection.get(target, Endpoints.ECHO + "?msg=second");
        String sent = first + second;
        try (RawConnection connection = RawConnection.open(target)) {
            RawResponse response = connection.send(sent).read();
            String what = "for\n    " + Describe.request(sent) + "\nfirst response:\n" + response.describe();
            if (response.status() == 400) {
                assertThat(connection.closedByPeerWithin(Exchanges.CLOSE_WITHIN))
                        .as(
                                "after rejecting with 400 the connection closes (nothing behind a framing error is a request) %s",
                                what)
                        .isTrue();
                record(target, reporter, key, Strictness.REJECTED);
                return;
            }
            assertThat(response.status())
                    .as("either 400 or the request served %s", what)
                    .isEqualTo(200);
            assertThat(response.bodyText())
                    .as("the accepted request's own body, framed correctly %s", what)
                    .isEqualTo("first");
            if (keepAlive) {
                RawResponse next = connection.read();
                assertThat(next.status())
                        .as("the second request answered in turn %s%nsecond:%n%s", what, next.describe())
                        .isEqualTo(200);
                assertThat(next.bodyText())
                        .as("second body %s%nsecond:%n%s", what, next.describe())
                        .isEqualTo("second");
            } else {
                assertThat(connection.closedByPeerWithin(Exchanges.CLOSE_WITHIN))
                        .as(
                                "after serving Content-Length + Transfer-Encoding by chunked the connection closes, the "
                                        + "smuggled-looking second request unanswered %s",
                                what)
                        .isTrue();
            }
            assertThat(mustReject(target))
                    .as("%s: plain-io rejects in every either-choice case, but accepted %s", key, what)
                    .isFalse();
            record(target, reporter, key, Strictness.ACCEPTED);
        }
    }

    /** plain-io's own parser must reject; behind a proxy the proxy's parser answers these probes. */
    private static boolean mustReject(TargetUnderTest target) {
        return !target.proxied()
                && Target.byId(target.id())
                        .map(t -> t.module() == Target.Module.PLAIN_IO)
                        .orElse(false);
    }

    private static void record(TargetUnderTest target, TestReporter reporter, String key, String choice) {
        Strictness.record(target, key, choice);
        reporter.publishEntry("strictness", key + "=" + choice);
    }
}
