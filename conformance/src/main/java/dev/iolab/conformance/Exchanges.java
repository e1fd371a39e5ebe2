package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/** Raw exchanges several conformance classes share: "refused, then closed" and "answered, then kept open". */
final class Exchanges {

    /** How long a server may take to close a connection it has refused. */
    static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

    private Exchanges() {}

    /**
     * Sends {@code request} on a fresh connection and asserts the answer is one of {@code statuses}, that it carries
     * X-IO-Model and no HTML page even when the engine wrote it ({@link Checks#engineAnswer}), and that the
     * server then closes the connection (RFC 9112 §2.2/§11: after a framing error nothing after it can be trusted).
     */
    static RawResponse assertRefusedAndClosed(TargetUnderTest target, String request, int... statuses)
            throws IOException {
        try (RawConnection connection = RawConnection.open(target)) {
            connection.send(request);
            RawResponse response;
            try {
                response = connection.read();
            } catch (IOException e) {
                throw new AssertionError(
                        "expected " + Arrays.toString(statuses) + " for the request\n    " + Describe.request(request)
                                + "\nbut the connection ended without a response: " + e,
                        e);
            }
            Checks.status(response, request, statuses);
            Checks.common(target, response, "GET", false);
            Checks.engineAnswer(target, response);
            assertThat(connection.closedByPeerWithin(CLOSE_WITHIN))
                    .as(
                            "connection closed within %d s after %d to%n    %s%n%s",
                            CLOSE_WITHIN.toSeconds(), response.status(), Describe.request(request), response.describe())
                    .isTrue();
            return response;
        }
    }

    /** Sends {@code request} on a fresh connection and returns the response (the connection is closed after). */
    static RawResponse exchange(TargetUnderTest target, String request) throws IOException {
        try (RawConnection connection = RawConnection.open(target)) {
            return connection.send(request).read();
        }
    }
}
