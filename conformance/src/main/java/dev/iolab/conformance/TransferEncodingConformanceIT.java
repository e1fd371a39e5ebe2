package dev.iolab.conformance;

import dev.iolab.contract.Endpoints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * A request is framed by chunked only when its Transfer-Encoding is exactly a valid coding list ending in
 * {@code chunked}; any other value (a non-ASCII space around it, {@code chunked;}, {@code x-chunked},
 * {@code chunked, identity}) is 400 and a closed connection, with or without Content-Length (RFC 9112 §6.1,
 * §6.3). A server that frames such a request by Content-Length while a proxy reads it as chunked (or the other
 * way round) answers a request the proxy never saw: each probe carries one, which must never be answered.
 */
@DisplayName("Transfer-Encoding framing")
class TransferEncodingConformanceIT {

    /** Values that are not a coding list ending in chunked, spelled in ISO-8859-1 so any byte can appear. */
    static final List<String> HOSTILE = List.of(
            "\u00a0chunked",
            "chunked\u00a0",
            "chunked, identity",
            "identity",
            "x-chunked",
            "chunked;",
            "chunked;a=b",
            "\"chunked\"",
            "chunked, chunked",
            "\u000bchunked",
            "\u000cchunked",
            "chunk\u00e9d",
            "chunked\u0085",
            "chunked chunked");

    /** The probe's body as chunked (15 bytes): framed by Content-Length it is a different body. */
    private static final String CHUNKED_BODY = "5\r\nfirst\r\n0\r\n\r\n";

    @ConformanceTest
    @DisplayName(
            "Content-Length with a Transfer-Encoding that is not exactly chunked-final is 400, then close (RFC 9112 §6.1)")
    void hostileTransferEncodingWithContentLengthIs400AndClose(TargetUnderTest target) throws IOException {
        everyValue(HOSTILE, value -> refusedBeforeTheBody(target, value, true, 400));
    }

    @ConformanceTest
    @DisplayName(
            "a Transfer-Encoding that is not exactly chunked-final is 400, then close, without Content-Length too (RFC 9112 §6.3)")
    void hostileTransferEncodingAloneIs400AndClose(TargetUnderTest target) throws IOException {
        everyValue(HOSTILE, value -> refusedBeforeTheBody(target, value, false, 400));
    }

    @ConformanceTest
    @DisplayName("a coding other than chunked before chunked is 501 or 400, then close (RFC 9112 §6.1)")
    void unsupportedCodingBeforeChunkedIsRefusedAndClose(TargetUnderTest target) throws IOException {
        everyValue(List.of("gzip, chunked", "x-custom;q=1, chunked"), value -> {
            refusedBeforeTheBody(target, value, true, 400, 501);
            refusedBeforeTheBody(target, value, false, 400, 501);
        });
    }

    /** Probes every value and fails once, listing each value that broke the rule (not only the first). */
    private static void everyValue(List<String> values, Probe probe) throws IOException {
        List<String> failures = new ArrayList<>();
        for (String value : values) {
            try {
                probe.run(value);
            } catch (AssertionError e) {
                failures.add("Transfer-Encoding: " + Describe.request(value) + "\n" + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + values.size() + " values broke the rule:\n\n"
                    + String.join("\n\n", failures));
        }
    }

    private interface Probe {
        void run(String value) throws IOException;
    }

    /** Sends the probe with a pipelined second request: one refusal, then the close, never a second answer. */
    private static void refusedBeforeTheBody(
            TargetUnderTest target, String value, boolean contentLength, int... statuses) throws IOException {
        String head = contentLength
                ? RawConnection.request(
                        "POST",
                        target,
                        Endpoints.ECHO,
                        "Content-Length: " + CHUNKED_BODY.length(),
                        "Transfer-Encoding: " + value)
                : RawConnection.request("POST", target, Endpoints.ECHO, "Transfer-Encoding: " + value);
        Exchanges.assertRefusedAndClosed(
                target, head + CHUNKED_BODY + RawConnection.get(target, Endpoints.ECHO + "?msg=second"), statuses);
    }
}
