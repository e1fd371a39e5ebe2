package dev.iolab.conformance;

import dev.iolab.contract.Endpoints;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;

/**
 * Requests that violate RFC 9112 are answered 400 and the connection is closed: a server that guesses
 * instead is how request smuggling starts.
 */
@DisplayName("malformed requests")
class MalformedRequestConformanceIT {

    @ConformanceTest
    @DisplayName("a bad request line is 400, then the connection closes")
    void badRequestLineIs400(TargetUnderTest target) throws IOException {
        String host = "Host: " + target.hostHeader() + "\r\n\r\n";
        String path = target.path(Endpoints.ECHO);
        for (String line : new String[] {
            "G@T " + path + " HTTP/1.1",
            "GET " + path + " HTTP/1.1 extra",
            "GET " + path + " HTXP/1.1",
            "GET " + path + " HTTP/1.1x",
            "\u0001GET " + path + " HTTP/1.1"
        }) {
            Exchanges.assertRefusedAndClosed(target, line + "\r\n" + host, 400);
        }
    }

    @ConformanceTest
    @DisplayName("an invalid header name is 400, then the connection closes (RFC 9110 §5.1 token)")
    void invalidHeaderNameIs400(TargetUnderTest target) throws IOException {
        for (String header : new String[] {"Bad(Name: x", "Bad\"Name: x", "Bad/Name: x", "Bäd: x", ": no-name"}) {
            Exchanges.assertRefusedAndClosed(target, RawConnection.get(target, Endpoints.ECHO + "?msg=a", header), 400);
        }
    }

    @ConformanceTest
    @DisplayName("NUL or a control character in a header value is 400, then the connection closes (RFC 9110 §5.5)")
    void controlCharacterInHeaderValueIs400(TargetUnderTest target) throws IOException {
        for (String header :
                new String[] {"X-Test: a\u0000b", "X-Test: a\u0001b", "X-Test: a\u007fb", "X-Test: a\u001bb"}) {
            Exchanges.assertRefusedAndClosed(target, RawConnection.get(target, Endpoints.ECHO + "?msg=a", header), 400);
        }
    }

    @ConformanceTest
    @DisplayName("a NUL in the request target is 400, then the connection closes")
    void nulInRequestTargetIs400(TargetUnderTest target) throws IOException {
        Exchanges.assertRefusedAndClosed(
                target,
                "GET " + target.path(Endpoints.ECHO) + "?msg=a\u0000b HTTP/1.1\r\nHost: " + target.hostHeader()
                        + "\r\n\r\n",
                400);
    }

    @ConformanceTest
    @DisplayName("differing duplicate Content-Length is 400, then the connection closes (RFC 9112 §6.3)")
    void differingContentLengthsAre400(TargetUnderTest target) throws IOException {
        Exchanges.assertRefusedAndClosed(
                target,
                RawConnection.request("POST", target, Endpoints.ECHO, "Content-Length: 5", "Content-Length: 6")
                        + "hello!",
                400);
        Exchanges.assertRefusedAndClosed(
                target, RawConnection.request("POST", target, Endpoints.ECHO, "Content-Length: 5, 6") + "hello!", 400);
    }

    @ConformanceTest
    @DisplayName("an invalid Content-Length is 400, then the connection closes (RFC 9112 §6.3)")
    void invalidContentLengthIs400(TargetUnderTest target) throws IOException {
        for (String value : new String[] {"abc", "-1", "5x", "0x5", "99999999999999999999999"}) {
            Exchanges.assertRefusedAndClosed(
                    target,
                    RawConnection.request("POST", target, Endpoints.ECHO, "Content-Length: " + value) + "hello",
                    400,
                    413);
        }
    }

    @ConformanceTest
    @DisplayName("bad chunk syntax is 400, then the connection closes (RFC 9112 §7.1)")
    void badChunkSyntaxIs400(TargetUnderTest target) throws IOException {
        String head = RawConnection.request("POST", target, Endpoints.ECHO, "Transfer-Encoding: chunked");
        for (String body : new String[] {
            "zz\r\nhello\r\n0\r\n\r\n",
            "5\r\nhelloXX0\r\n\r\n",
            "-5\r\nhello\r\n0\r\n\r\n",
            "\r\nhello\r\n0\r\n\r\n",
            "g\r\nhello\r\n0\r\n\r\n"
        }) {
            Exchanges.assertRefusedAndClosed(target, head + body, 400);
        }
    }

    @ConformanceTest
    @DisplayName("a chunk size that overflows is 400, then the connection closes")
    void chunkSizeOverflowIs400(TargetUnderTest target) throws IOException {
        String head = RawConnection.request("POST", target, Endpoints.ECHO, "Transfer-Encoding: chunked");
        for (String size : new String[] {"FFFFFFFFFFFFFFFFFF", "10000000000000001"}) {
            Exchanges.assertRefusedAndClosed(target, head + size + "\r\nhello\r\n0\r\n\r\n", 400, 413);
        }
    }

    @ConformanceTest
    @DisplayName("whitespace between a header name and the colon is 400, then the connection closes (RFC 9112 §5.1)")
    void whitespaceBeforeColonIs400(TargetUnderTest target) throws IOException {
        Exchanges.assertRefusedAndClosed(
                target,
                "GET " + target.path(Endpoints.ECHO) + "?msg=a HTTP/1.1\r\nHost : " + target.hostHeader() + "\r\n\r\n",
                400);
        Exchanges.assertRefusedAndClosed(
                target, RawConnection.get(target, Endpoints.ECHO + "?msg=a", "X-Test : a"), 400);
        Exchanges.assertRefusedAndClosed(
                target, RawConnection.get(target, Endpoints.ECHO + "?msg=a", "X-Test\t: a"), 400);
    }

    @ConformanceTest
    @DisplayName("an HTTP/1.1 request without Host is 400, then the connection closes (RFC 9112 §3.2)")
    void missingHostIs400(TargetUnderTest target) throws IOException {
        Exchanges.assertRefusedAndClosed(
                target, "GET " + target.path(Endpoints.ECHO) + "?msg=a HTTP/1.1\r\nX-Test: a\r\n\r\n", 400);
    }
}
