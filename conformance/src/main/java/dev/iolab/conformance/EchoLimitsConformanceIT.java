package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestReporter;

/** The echo size limit: 413 when the length is known up front; a chunked body past it is cut off, never completed. */
@DisplayName("echo limits")
class EchoLimitsConformanceIT {

    @ConformanceTest
    @DisplayName("POST over 16 MiB with Content-Length is 413")
    void echoOverLimitWithContentLengthIs413(TargetUnderTest target) throws IOException {
        long size = Limits.MAX_ECHO_BYTES + 1;
        String head = RawConnection.request("POST", target, Endpoints.ECHO, "Content-Length: " + size);
        try (RawConnection connection = RawConnection.open(target)) {
            connection.send(head);
            try (BodyWriter ignored = BodyWriter.start(connection, Payloads.stream(3, size), false)) {
                RawResponse response = connection.read(new Payloads.DigestSink());
                Checks.status(response, head + "<" + size + " bytes>", 413);
            }
        }
    }

    @ConformanceTest
    @DisplayName(
            "POST chunked past 16 MiB is cut off: 413, or the response aborted and the connection closed, never a complete 200")
    void echoChunkedOverLimitIsCutOff(TargetUnderTest target, TestReporter reporter) throws IOException {
        long size = Limits.MAX_ECHO_BYTES + 256 * 1024;
        String head = RawConnection.request("POST", target, Endpoints.ECHO, "Transfer-Encoding: chunked");
        try (RawConnection connection = RawConnection.open(target)) {
            connection.send(head);
            try (BodyWriter writer = BodyWriter.start(connection, Payloads.stream(4, size), true)) {
                RawResponse response;
                try {
                    response = connection.read(new Payloads.DigestSink());
                } catch (IOException e) {
                    // The server dropped the connection before a status line: aborted, which is allowed.
                    reporter.publishEntry("outcome", "connection closed before any response: " + e);
                    return;
                }
                String what = "chunked POST /echo of " + size + " bytes (" + writer.written() + " written so far)\n"
                        + response.describe();
                if (response.status() == 413) {
                    reporter.publishEntry("outcome", "413");
                    return;
                }
                assertThat(response.status())
                        .as("either 413 or a cut-off 200: %s", what)
                        .isEqualTo(200);
                assertThat(response.complete())
                        .as("a 200 whose body is cut off (the response aborted), never complete: %s", what)
                        .isFalse();
                assertThat(response.bodyLength())
                        .as("echoed bytes before the cut: %s", what)
                        .isLessThan(size);
                assertThat(connection.closedByPeerWithin(Exchanges.CLOSE_WITHIN))
                        .as("connection closed: %s", what)
                        .isTrue();
                reporter.publishEntry("outcome", "200 aborted after " + response.bodyLength() + " bytes");
            }
        }
    }
}
